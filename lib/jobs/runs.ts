import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { clientOf, type Db } from "@/db";
import { jobRuns } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type RunTrigger = "schedule" | "manual" | "upload";

export type RunMeta = {
  jobName: string;
  /** What the run is about when one job serves many (an import's id). */
  subject?: string;
  trigger: RunTrigger;
  requestedBy?: string | null;
  queueJobId?: string | null;
};

/** ran: the work ran and was recorded (it may have failed: then the error is thrown); skipped: another run holds the job. */
export type RecordedRun = { outcome: "ran"; runId: number; rowsTouched: number } | { outcome: "skipped" };

/**
 * The advisory-lock key of a job (and subject): a 64-bit hash of its name, in a namespace of its own
 * ("job:"). Held on one reserved connection for the whole run, released if the process dies.
 */
export const runLockName = (jobName: string, subject = "") => `job:${jobName}:${subject}`;

const MAX_ERROR = 2_000;

/** What the jobs page shows of a failure: the domain message, or the error's first line (details are in the log). */
function errorText(error: unknown): string {
  if (isDomainError(error)) return error.message;
  const text = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, MAX_ERROR) || "Unknown error";
}

/**
 * Runs one job's work and records the run: started (status running), then succeeded with the rows it
 * touched, or failed with the error (which is thrown again, so pg-boss retries as configured). Two
 * workers never run one job (and subject) at once: the run holds an advisory lock; a run that cannot
 * take it is skipped and records nothing. A run left `running` by a worker that died is closed as
 * failed by the next run, which holds the lock and so knows no one else runs it.
 */
export async function recordRun(db: Db, meta: RunMeta, work: () => Promise<number>): Promise<RecordedRun> {
  const subject = meta.subject ?? "";
  const connection = await clientOf(db).reserve();
  try {
    const [lock] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${runLockName(meta.jobName, subject)}, 0)) as locked`;
    if (!lock?.locked) {
      logger.info({ job: meta.jobName, subject, trigger: meta.trigger }, "job already running elsewhere; this run is skipped");
      return { outcome: "skipped" };
    }
    try {
      return await runLocked(db, meta, subject, work);
    } finally {
      await connection`select pg_advisory_unlock(hashtextextended(${runLockName(meta.jobName, subject)}, 0))`;
    }
  } finally {
    connection.release();
  }
}

async function runLocked(db: Db, meta: RunMeta, subject: string, work: () => Promise<number>): Promise<RecordedRun> {
  const mine = and(eq(jobRuns.jobName, meta.jobName), eq(jobRuns.subject, subject), eq(jobRuns.status, "running"));
  // We hold the job: a run still marked running was cut short (its worker stopped).
  await db
    .update(jobRuns)
    .set({
      status: "failed",
      finishedAt: sql`now()`,
      durationMs: sql`(extract(epoch from now() - ${jobRuns.startedAt}) * 1000)::int`,
      error: "The worker running it stopped before it finished.",
    })
    .where(mine);
  const [run] = await db
    .insert(jobRuns)
    .values({ jobName: meta.jobName, subject, trigger: meta.trigger, requestedBy: meta.requestedBy ?? null, queueJobId: meta.queueJobId ?? null })
    .returning({ id: jobRuns.id });
  const started = performance.now();
  const finish = (values: Partial<typeof jobRuns.$inferInsert>) =>
    db
      .update(jobRuns)
      .set({ finishedAt: sql`now()`, durationMs: Math.round(performance.now() - started), ...values })
      .where(eq(jobRuns.id, run!.id));
  let rowsTouched: number;
  try {
    rowsTouched = await work();
  } catch (error) {
    await finish({ status: "failed", error: errorText(error) });
    logger.error({ err: error, job: meta.jobName, subject, runId: run!.id }, "job failed");
    throw error;
  }
  await finish({ status: "succeeded", rowsTouched });
  logger.info({ job: meta.jobName, subject, trigger: meta.trigger, rowsTouched, runId: run!.id }, "job finished");
  return { outcome: "ran", runId: run!.id, rowsTouched };
}
