import { sql } from "drizzle-orm";
import { contract } from "@/lib/api/contract";
import { isoTime } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";

const DATABASE_TIMEOUT_MS = 3_000;

export const GET = apiRoute(contract.health, async ({ db, log }) => {
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS).unref()),
    ]);
    return { status: 200, body: { status: "ok", database: "ok", time: isoTime(new Date()) } };
  } catch (error) {
    log.error({ err: error }, "health check: database unavailable");
    return { status: 503, body: { status: "degraded", database: "unavailable", time: isoTime(new Date()) } };
  }
});
