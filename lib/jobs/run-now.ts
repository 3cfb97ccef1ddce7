import "server-only";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { SCHEDULED_JOBS, type ScheduledJobData, type ScheduledJobName } from "./index";
import { runLockName } from "./runs";
import { bossDb, jobSender, queueExists } from "./sender";

export function isScheduledJob(name: string): name is ScheduledJobName {
  return Object.hasOwn(SCHEDULED_JOBS, name);
}

/**
 * Whether a worker is running the job now: it holds the job's advisory lock (read from pg_locks, so
 * asking never takes the lock and two people asking at once both get the truth).
 */
export async function isJobRunning(db: DbOrTx, jobName: string, subject = ""): Promise<boolean> {
  const [row] = await db.execute<{ running: boolean }>(sql`
    select exists (
      select 1 from pg_locks l, (select hashtextextended(${runLockName(jobName, subject)}, 0) as k) h
      where l.locktype = 'advisory' and l.granted and l.objsubid = 1
        and l.database = (select oid from pg_database where datname = current_database())
        and l.classid = ((h.k >> 32) & 4294967295)::oid and l.objid = (h.k & 4294967295)::oid
    ) as running`);
  return row?.running ?? false;
}

/**
 * "Run now": sends the job to its queue for a worker to run, with its audit record, in one
 * transaction. Refused with a code when the job is unknown (job_not_found), no worker has ever
 * started (jobs_not_started), a worker is running it (job_already_running) or a run of it is already
 * waiting (job_already_queued: the queue lets one job wait, so two requests at once queue one run).
 */
export async function requestJobRun(db: Db, actor: Actor, jobName: string): Promise<{ queueJobId: string }> {
  if (!isScheduledJob(jobName)) throw new DomainError("job_not_found", "There is no scheduled job of that name.", { job: jobName });
  if (!(await queueExists(db, jobName))) {
    throw new DomainError("jobs_not_started", "No worker has started on this database yet, so nothing would run the job. Start the worker (npm start starts one) and try again.", { job: jobName });
  }
  if (await isJobRunning(db, jobName)) {
    throw new DomainError("job_already_running", `“${SCHEDULED_JOBS[jobName].description}” is running now. Wait for it to finish before running it again.`, { job: jobName });
  }
  const data: ScheduledJobData = { trigger: "manual", ...(actor.type === "user" ? { requestedBy: actor.id } : {}) };
  // One transaction: the run is queued together with its audit record, or neither is written.
  return db.transaction(async (tx) => {
    const id = await jobSender().send(jobName, data, { db: bossDb(tx) });
    if (!id) {
      throw new DomainError("job_already_queued", `A run of “${SCHEDULED_JOBS[jobName].description}” is already waiting for a worker; it starts within seconds.`, { job: jobName });
    }
    await writeAudit(tx, actor, { action: "job.run", entityType: "job", entityId: jobName, after: { queueJobId: id } });
    return { queueJobId: id };
  });
}
