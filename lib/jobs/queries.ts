import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { clientOf, type Db, type DbOrTx } from "@/db";
import { jobRuns, users } from "@/db/schema";
import { IMPORT_QUEUE } from "@/lib/imports/job";
import { describeCron, nextRun } from "./cron";
import { SCHEDULED_JOBS, type ScheduledJobName } from "./index";
import { isJobRunning } from "./run-now";
import { BOSS_SCHEMA } from "./sender";

export type JobRunView = {
  id: number;
  jobName: string;
  subject: string;
  trigger: "schedule" | "manual" | "upload";
  status: "running" | "succeeded" | "failed";
  requestedBy: { name: string; email: string } | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  rowsTouched: number | null;
  error: string | null;
};

export type JobOverview = {
  name: string;
  description: string;
  /** Null for a job that is not scheduled (imports run when a file is uploaded). */
  cron: string | null;
  scheduleWords: string;
  /** True when a worker has registered the schedule with pg-boss (so it will fire). */
  scheduled: boolean;
  nextRunAt: Date | null;
  lastRun: JobRunView | null;
  lastFailure: JobRunView | null;
  /** A worker holds the job now. */
  runningNow: boolean;
  /** Runs waiting for a worker (a "Run now" not yet picked up, or a schedule's send). */
  queued: number;
  /** Whether "Run now" applies (scheduled jobs only). */
  runnable: boolean;
};

const runColumns = {
  id: jobRuns.id,
  jobName: jobRuns.jobName,
  subject: jobRuns.subject,
  trigger: jobRuns.trigger,
  status: jobRuns.status,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
  durationMs: jobRuns.durationMs,
  rowsTouched: jobRuns.rowsTouched,
  error: jobRuns.error,
  userName: users.name,
  userEmail: users.email,
};
type RunRow = { [K in keyof typeof runColumns]: unknown } & { userName: string | null; userEmail: string | null };

function toView(r: RunRow): JobRunView {
  const { userName, userEmail, ...rest } = r;
  return { ...(rest as Omit<JobRunView, "requestedBy">), requestedBy: userName && userEmail ? { name: userName, email: userEmail } : null };
}

/** Recent runs, newest first, a page at a time; optionally of one job. */
export async function listJobRuns(db: DbOrTx, options: { page: number; pageSize: number; jobName?: string }): Promise<{ rows: JobRunView[]; total: number }> {
  const where = options.jobName ? eq(jobRuns.jobName, options.jobName) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(runColumns)
      .from(jobRuns)
      .leftJoin(users, eq(users.id, jobRuns.requestedBy))
      .where(where)
      .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(jobRuns).where(where),
  ]);
  return { rows: rows.map(toView), total: total?.n ?? 0 };
}

async function latestRun(db: DbOrTx, jobName: string, failedOnly: boolean): Promise<JobRunView | null> {
  const [row] = await db
    .select(runColumns)
    .from(jobRuns)
    .leftJoin(users, eq(users.id, jobRuns.requestedBy))
    .where(failedOnly ? and(eq(jobRuns.jobName, jobName), eq(jobRuns.status, "failed")) : eq(jobRuns.jobName, jobName))
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(1);
  return row ? toView(row) : null;
}

/** What pg-boss knows: the schedules registered and the jobs waiting, per queue (nothing before a worker first starts). */
async function bossState(db: DbOrTx): Promise<{ schedules: Map<string, string>; waiting: Map<string, number> }> {
  const sql_ = clientOf(db);
  const [ready] = await sql_<{ ok: boolean }[]>`select to_regclass(${`${BOSS_SCHEMA}.schedule`}) is not null as ok`;
  if (!ready?.ok) return { schedules: new Map(), waiting: new Map() };
  const [schedules, waiting] = await Promise.all([
    sql_<{ name: string; cron: string }[]>`select name, cron from pgboss.schedule`,
    sql_<{ name: string; n: number }[]>`select name, count(*)::int as n from pgboss.job where state in ('created', 'retry') group by name`,
  ]);
  return { schedules: new Map(schedules.map((s) => [s.name, s.cron])), waiting: new Map(waiting.map((w) => [w.name, w.n])) };
}

/** Every job the worker serves: its schedule, last run, last failure, whether it runs now, what waits. */
export async function jobOverview(db: Db, now = new Date()): Promise<JobOverview[]> {
  const boss = await bossState(db);
  const scheduled = (Object.keys(SCHEDULED_JOBS) as ScheduledJobName[]).map((name) => ({
    name,
    description: SCHEDULED_JOBS[name].description as string,
    cron: SCHEDULED_JOBS[name].cron as string | null,
  }));
  const all = [...scheduled, { name: IMPORT_QUEUE, description: "Import an uploaded CSV file (transactions, promotional points)", cron: null }];
  return Promise.all(
    all.map(async (job): Promise<JobOverview> => {
      const [lastRun, lastFailure, running] = await Promise.all([
        latestRun(db, job.name, false),
        latestRun(db, job.name, true),
        // Imports run per file: one is running when its latest run is (each holds its own lock).
        job.cron ? isJobRunning(db, job.name) : Promise.resolve(false),
      ]);
      const registered = job.cron !== null && boss.schedules.get(job.name) === job.cron;
      return {
        name: job.name,
        description: job.description,
        cron: job.cron,
        scheduleWords: job.cron ? describeCron(job.cron) : "When a file is uploaded",
        scheduled: registered,
        nextRunAt: registered && job.cron ? nextRun(job.cron, now) : null,
        lastRun,
        lastFailure,
        runningNow: job.cron ? running : lastRun?.status === "running",
        queued: boss.waiting.get(job.name) ?? 0,
        runnable: job.cron !== null,
      };
    }),
  );
}

/** For the page's refresh: whether any job runs or waits. */
export const anyJobActive = (jobs: readonly JobOverview[]) => jobs.some((j) => j.runningNow || j.queued > 0);
