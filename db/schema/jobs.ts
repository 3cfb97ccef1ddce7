import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One run of a worker job (a scheduled job, or the import of one file): who or what started it, when
 * it started and ended, how many rows it touched and why it failed. Written by the worker around every
 * handler (lib/jobs/runs.ts); the jobs page (settings → jobs) reads it.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** The pg-boss queue: a key of SCHEDULED_JOBS, or `imports.run`. */
    jobName: text().notNull(),
    /** What the run is about when one job serves many (the import id); '' for scheduled jobs. */
    subject: text().notNull().default(""),
    /** schedule | manual | upload */
    trigger: text().notNull(),
    /** The user who asked for a manual run (or uploaded the file). */
    requestedBy: uuid().references(() => users.id),
    /** The pg-boss job this run served. */
    queueJobId: text(),
    /** running | succeeded | failed */
    status: text().notNull().default("running"),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    durationMs: integer(),
    rowsTouched: integer(),
    error: text(),
  },
  (t) => [
    index("job_runs_recent_idx").on(t.startedAt.desc(), t.id.desc()),
    index("job_runs_job_idx").on(t.jobName, t.startedAt.desc(), t.id.desc()),
    // At most one run of a job (for one subject) at a time: a second worker cannot record a second run.
    uniqueIndex("job_runs_one_running_key").on(t.jobName, t.subject).where(sql`${t.status} = 'running'`),
    check("job_runs_status_valid", sql`${t.status} in ('running', 'succeeded', 'failed')`),
    check("job_runs_trigger_valid", sql`${t.trigger} in ('schedule', 'manual', 'upload')`),
    check("job_runs_finished_valid", sql`(${t.status} = 'running') = (${t.finishedAt} is null)`),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;
