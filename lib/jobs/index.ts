import "server-only";
import PgBoss from "pg-boss";
import { lt, sql } from "drizzle-orm";
import { idempotencyKeys, signInAttempts } from "@/db/schema";
import type { Db } from "@/db";
import { expirePoints } from "@/lib/expiry/expire";
import { emitExpiringSoon } from "@/lib/expiry/expiring-soon";
import { logger } from "@/lib/logger";
import { registerImportJob } from "@/lib/imports/job";
import { recordRun } from "./runs";
import { startDispatchLoop } from "@/lib/outbox/dispatch";
import { runTierDowngrades } from "@/lib/tiers/downgrade";
import { refreshRollups } from "@/lib/reports/refresh";
import { refreshSegments } from "@/lib/segments";

export { enqueueImport } from "@/lib/imports/job";

/** Queues the worker serves, with their schedules (cron, UTC). */
export const SCHEDULED_JOBS = {
  "housekeeping.prune-idempotency-keys": { cron: "17 * * * *", description: "Forget idempotency keys older than 7 days" },
  "housekeeping.prune-sign-in-attempts": { cron: "23 3 * * *", description: "Forget sign-in attempts older than 30 days" },
  "tiers.downgrade": { cron: "41 1 * * *", description: "Move members whose tier's downgrade rule holds one tier down" },
  // Every 15 minutes: lots expire at local midnight in each programme's time zone (some zones are
  // offset by :30 or :45), and a run with nothing due costs one index probe.
  "points.expire": { cron: "*/15 * * * *", description: "Expire the points of every lot past its expiry date" },
  "points.expiring-soon": { cron: "35 2 * * *", description: "Remind members with points expiring in the next 30 days (one notification each)" },
  "reports.refresh": { cron: "* * * * *", description: "Fold new ledger, transaction and fulfilment rows into the report rollups" },
  // Offers targeting a segment read its saved member list: at most 5 minutes behind tiers, enrolments and attributes, plus the rollup's minute for spend.
  "segments.refresh": { cron: "*/5 * * * *", description: "List the members of every saved segment again (offer targeting reads the list)" },
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
  async "points.expire"(db) {
    return (await expirePoints(db, { now: new Date() })).lots;
  },
  async "points.expiring-soon"(db) {
    return emitExpiringSoon(db, { now: new Date() });
  },
  async "reports.refresh"(db) {
    const result = await refreshRollups(db);
    return result.skipped ? 0 : result.rowsFolded;
  },
  async "segments.refresh"(db) {
    return refreshSegments(db, new Date());
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

/**
 * How the queues of scheduled jobs keep one job from running twice: "short" lets at most one job
 * wait per queue (a manual run and the schedule never pile up), and every run holds the job's
 * advisory lock (lib/jobs/runs.ts), so a second worker that fetches it meanwhile skips it.
 */
export const SCHEDULED_QUEUE_OPTIONS = {
  policy: "short",
  retryLimit: 0,
  expireInSeconds: 3600,
} as const satisfies Omit<PgBoss.Queue, "name">;

/** What a job sent by "Run now" carries; scheduled sends carry nothing. */
export type ScheduledJobData = { trigger?: "manual"; requestedBy?: string };

/** Creates the queues, registers the schedules and starts serving them; every run is recorded (job_runs). */
export async function startWorker(boss: PgBoss, db: Db): Promise<void> {
  await boss.start();
  for (const name of Object.keys(SCHEDULED_JOBS) as ScheduledJobName[]) {
    await boss.createQueue(name, { name, ...SCHEDULED_QUEUE_OPTIONS });
    // Queues made by an earlier version were "standard": bring them to the current policy.
    await boss.updateQueue(name, { name, ...SCHEDULED_QUEUE_OPTIONS });
    await boss.schedule(name, SCHEDULED_JOBS[name].cron);
    await boss.work<ScheduledJobData>(name, { includeMetadata: true }, async (jobs) => {
      for (const job of jobs) {
        const manual = job.data?.trigger === "manual";
        await recordRun(
          db,
          { jobName: name, trigger: manual ? "manual" : "schedule", requestedBy: manual ? (job.data.requestedBy ?? null) : null, queueJobId: job.id },
          () => jobHandlers[name](db),
        );
      }
    });
  }
  await registerImportJob(boss, db);
}
