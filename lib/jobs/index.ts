import "server-only";
import PgBoss from "pg-boss";
import { lt, sql } from "drizzle-orm";
import { idempotencyKeys, signInAttempts } from "@/db/schema";
import type { Db } from "@/db";
import { logger } from "@/lib/logger";
import { registerImportJob } from "@/lib/imports/job";
import { startDispatchLoop } from "@/lib/outbox/dispatch";
import { runTierDowngrades } from "@/lib/tiers/downgrade";

export { enqueueImport } from "@/lib/imports/job";

/** Queues the worker serves, with their schedules (cron, UTC). */
export const SCHEDULED_JOBS = {
  "housekeeping.prune-idempotency-keys": { cron: "17 * * * *", description: "Forget idempotency keys older than 7 days" },
  "housekeeping.prune-sign-in-attempts": { cron: "23 3 * * *", description: "Forget sign-in attempts older than 30 days" },
  "tiers.downgrade": { cron: "41 1 * * *", description: "Move members whose tier's downgrade rule holds one tier down" },
} as const;
export type ScheduledJobName = keyof typeof SCHEDULED_JOBS;

export const jobHandlers: Record<ScheduledJobName, (db: Db) => Promise<number>> = {
  async "housekeeping.prune-idempotency-keys"(db) {
    const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - interval '7 days'`)).returning({ k: idempotencyKeys.key });
    return rows.length;
  },
  async "housekeeping.prune-sign-in-attempts"(db) {
    const rows = await db.delete(signInAttempts).where(lt(signInAttempts.at, sql`now() - interval '30 days'`)).returning({ id: signInAttempts.id });
    return rows.length;
  },
  async "tiers.downgrade"(db) {
    return runTierDowngrades(db);
  },
};

/** pg-boss on the application's own PostgreSQL (schema `pgboss`): several workers never run one job twice. */
export function createBoss(url: string): PgBoss {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 4 });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  return boss;
}

/**
 * Delivers the outbox: rounds back to back while there is work, every `everyMs` when there is none
 * (never two rounds at once in one worker; workers share by SKIP LOCKED). Answers a stop function.
 */
export function startOutboxLoop(db: Db, everyMs = 1000): () => Promise<void> {
  return startDispatchLoop(db, {
    idleMs: everyMs,
    onRound: (t) => {
      if (t.delivered + t.failed + t.retried > 0) logger.info({ job: "outbox", ...t }, "outbox delivered");
    },
  });
}

/** Creates the queues, registers the schedules and starts serving them. */
export async function startWorker(boss: PgBoss, db: Db): Promise<void> {
  await boss.start();
  for (const [name, job] of Object.entries(SCHEDULED_JOBS) as [ScheduledJobName, (typeof SCHEDULED_JOBS)[ScheduledJobName]][]) {
    await boss.createQueue(name);
    await boss.schedule(name, job.cron);
    await boss.work(name, async () => {
      const started = Date.now();
      const touched = await jobHandlers[name](db);
      logger.info({ job: name, touched, ms: Date.now() - started }, "job finished");
    });
  }
  await registerImportJob(boss, db);
}
