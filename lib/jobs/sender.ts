import "server-only";
import PgBoss from "pg-boss";
import { clientOf, type DbOrTx } from "@/db";

/** The schema pg-boss keeps its queues in, on the application's own database. */
export const BOSS_SCHEMA = "pgboss";

/** pg-boss statements run on the caller's connection or transaction (postgres.js), so a job is sent with what needs it. */
export function bossDb(db: DbOrTx): PgBoss.Db {
  const sql = clientOf(db);
  return {
    async executeSql(text, values) {
      // As node-postgres (pg-boss's own driver) sends them: objects as JSON, undefined as null.
      const params = (values as unknown[]).map((v) => (v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await sql.unsafe(text, params as never[]) };
    },
  };
}

let sender: PgBoss | undefined;
/** A pg-boss that only sends, on connections it is given: never started, it opens nothing of its own. */
export function jobSender(): PgBoss {
  sender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("pg-boss sender used without a connection")) }, schema: BOSS_SCHEMA });
  return sender;
}

/** Whether a worker has created this queue (no worker ever started on this database: it has not). */
export async function queueExists(db: DbOrTx, name: string): Promise<boolean> {
  const sql = clientOf(db);
  const [ready] = await sql<{ ok: boolean }[]>`select to_regclass(${`${BOSS_SCHEMA}.queue`}) is not null as ok`;
  if (!ready?.ok) return false;
  const [queue] = await sql<{ ok: boolean }[]>`select exists (select 1 from pgboss.queue where name = ${name}) as ok`;
  return queue?.ok ?? false;
}
