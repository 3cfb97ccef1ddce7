import "server-only";
import PgBoss from "pg-boss";
import { inArray } from "drizzle-orm";
import { clientOf, type Db, type DbOrTx } from "@/db";
import { imports } from "@/db/schema";
import { logger } from "@/lib/logger";
import { markImportFailed, runImport } from "./run";

/** The pg-boss queue that processes uploaded files, one job per import (singleton key = import id). */
export const IMPORT_QUEUE = "imports.run";
export type ImportJobData = { importId: string };

const SCHEMA = "pgboss";
const QUEUE_OPTIONS = {
  // "short": at most one waiting job per import; a stuck running one does not block a new one.
  policy: "short",
  retryLimit: 3,
  retryDelay: 30,
  retryBackoff: true,
  // A 100,000-row file takes minutes; an hour means a dead worker's job is retried within the hour.
  expireInSeconds: 3600,
} as const satisfies Omit<PgBoss.Queue, "name">;

/** pg-boss statements run on the caller's connection or transaction (postgres.js), so a job is sent with what needs it. */
function bossDb(db: DbOrTx): PgBoss.Db {
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
function jobSender(): PgBoss {
  sender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("pg-boss sender used without a connection")) }, schema: SCHEMA });
  return sender;
}

/**
 * Queues the import's job, in the caller's transaction when given one (the import and its job are
 * written together). Answers false when the queue does not exist yet — no worker has ever started
 * on this database: the import stays queued and a worker queues it when it starts.
 */
export async function enqueueImport(db: DbOrTx, importId: string): Promise<boolean> {
  const sql = clientOf(db);
  const [ready] = await sql<{ ok: boolean }[]>`select to_regclass(${`${SCHEMA}.queue`}) is not null as ok`;
  if (!ready?.ok) return false;
  const [queue] = await sql<{ ok: boolean }[]>`select exists (select 1 from pgboss.queue where name = ${IMPORT_QUEUE}) as ok`;
  if (!queue?.ok) return false;
  await jobSender().send(IMPORT_QUEUE, { importId } satisfies ImportJobData, { singletonKey: importId, db: bossDb(db) });
  return true;
}

/**
 * The worker's side: creates the queue, serves it, and queues again every import left queued or
 * running (uploaded before any worker ran, or cut short by a crash): the job resumes at the first
 * row not yet processed.
 */
export async function registerImportJob(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, ...QUEUE_OPTIONS });
  await boss.work<ImportJobData>(IMPORT_QUEUE, { includeMetadata: true, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      const started = Date.now();
      try {
        const result = await runImport(db, job.data.importId);
        logger.info({ job: IMPORT_QUEUE, importId: job.data.importId, ...result, ms: Date.now() - started }, "import job finished");
      } catch (err) {
        const last = job.retryCount >= job.retryLimit;
        logger.error({ err, job: IMPORT_QUEUE, importId: job.data.importId, attempt: job.retryCount + 1, last }, "import job failed");
        if (last) await markImportFailed(db, job.data.importId);
        throw err;
      }
    }
  });
  const unfinished = await db
    .select({ id: imports.id })
    .from(imports)
    .where(inArray(imports.status, ["queued", "running"]));
  for (const { id } of unfinished) await boss.send(IMPORT_QUEUE, { importId: id } satisfies ImportJobData, { singletonKey: id });
  if (unfinished.length) logger.info({ job: IMPORT_QUEUE, imports: unfinished.length }, "unfinished imports queued again");
}
