import "server-only";
import PgBoss from "pg-boss";
import { inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { imports } from "@/db/schema";
import { recordRun } from "@/lib/jobs/runs";
import { bossDb, jobSender, queueExists } from "@/lib/jobs/sender";
import { logger } from "@/lib/logger";
import { markImportFailed, runImport } from "./run";

/** The pg-boss queue that processes uploaded files, one job per import (singleton key = import id). */
export const IMPORT_QUEUE = "imports.run";
export type ImportJobData = { importId: string };

const QUEUE_OPTIONS = {
  // "short": at most one waiting job per import; a stuck running one does not block a new one.
  policy: "short",
  retryLimit: 3,
  retryDelay: 30,
  retryBackoff: true,
  // A 100,000-row file takes minutes; an hour means a dead worker's job is retried within the hour.
  expireInSeconds: 3600,
} as const satisfies Omit<PgBoss.Queue, "name">;

/**
 * Queues the import's job, in the caller's transaction when given one (the import and its job are
 * written together). Answers false when the queue does not exist yet — no worker has ever started
 * on this database: the import stays queued and a worker queues it when it starts.
 */
export async function enqueueImport(db: DbOrTx, importId: string): Promise<boolean> {
  if (!(await queueExists(db, IMPORT_QUEUE))) return false;
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
      try {
        // Recorded on the jobs page; the run holds the import, so a second worker skips it.
        await recordRun(db, { jobName: IMPORT_QUEUE, subject: job.data.importId, trigger: "upload", queueJobId: job.id }, async () => (await runImport(db, job.data.importId)).processed);
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
