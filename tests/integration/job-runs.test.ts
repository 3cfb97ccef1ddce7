/**
 * The worker records every run of every job, never runs one job twice at once, and admins can run a
 * scheduled job now: the run is queued for a worker, once, however many ask at the same moment.
 */
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientOf, getDb } from "@/db";
import { auditLog, jobRuns } from "@/db/schema";
import { createBoss, SCHEDULED_QUEUE_OPTIONS, startWorker } from "@/lib/jobs";
import { nextRun, describeCron } from "@/lib/jobs/cron";
import { jobOverview, listJobRuns } from "@/lib/jobs/queries";
import { requestJobRun } from "@/lib/jobs/run-now";
import { recordRun, runLockName } from "@/lib/jobs/runs";
import { actorFor, makeUser } from "../support/fixtures";

const db = () => getDb();
const JOB = "housekeeping.prune-idempotency-keys";
const runsOf = (jobName: string) => db().select().from(jobRuns).where(eq(jobRuns.jobName, jobName)).orderBy(desc(jobRuns.id));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("recording runs", () => {
  it("records a successful run with its trigger, duration and rows touched", async () => {
    const result = await recordRun(db(), { jobName: "test.ok", trigger: "schedule" }, async () => {
      await sleep(20);
      return 42;
    });
    expect(result).toMatchObject({ outcome: "ran", rowsTouched: 42 });
    const [run] = await runsOf("test.ok");
    expect(run).toMatchObject({ status: "succeeded", trigger: "schedule", rowsTouched: 42, error: null });
    expect(run!.durationMs).toBeGreaterThanOrEqual(15);
    expect(run!.finishedAt!.getTime()).toBeGreaterThanOrEqual(run!.startedAt.getTime());
  });

  it("records a failed run with its error, and throws it on (so pg-boss retries)", async () => {
    await expect(recordRun(db(), { jobName: "test.fail", trigger: "manual" }, () => Promise.reject(new Error("disk full\nstack…")))).rejects.toThrow("disk full");
    const [run] = await runsOf("test.fail");
    expect(run).toMatchObject({ status: "failed", trigger: "manual", error: "disk full", rowsTouched: null });
  });

  it("never runs one job twice at once: a second worker's run is skipped and records nothing", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const work = async () => {
      calls++;
      await gate;
      return 1;
    };
    const first = recordRun(db(), { jobName: "test.once", trigger: "schedule" }, work);
    await expect.poll(() => calls).toBe(1);
    const second = await recordRun(db(), { jobName: "test.once", trigger: "manual" }, work);
    release();
    expect(second).toEqual({ outcome: "skipped" });
    expect(await first).toMatchObject({ outcome: "ran" });
    expect(calls).toBe(1);
    expect(await runsOf("test.once")).toHaveLength(1);
  });

  it("closes as failed a run left running by a worker that died", async () => {
    await db().insert(jobRuns).values({ jobName: "test.crash", trigger: "schedule", startedAt: new Date(Date.now() - 60_000) });
    await recordRun(db(), { jobName: "test.crash", trigger: "schedule" }, async () => 0);
    const [latest, crashed] = await runsOf("test.crash");
    expect(latest).toMatchObject({ status: "succeeded" });
    expect(crashed).toMatchObject({ status: "failed", error: "The worker running it stopped before it finished." });
  });

  it("lists runs newest first, a page at a time", async () => {
    const page = await listJobRuns(db(), { page: 1, pageSize: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.rows[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(page.rows[1]!.startedAt.getTime());
  });
});

describe("schedules in words", () => {
  it("describes the crons and finds the next run in UTC", () => {
    expect(describeCron("17 * * * *")).toBe("Every hour at minute 17");
    expect(describeCron("23 3 * * *")).toBe("Every day at 03:23 UTC");
    expect(describeCron("*/15 * * * *")).toBe("Every 15 minutes");
    expect(describeCron("0 2 * * 1")).toBe("On Monday at 02:00 UTC");
    expect(nextRun("17 * * * *", new Date("2026-03-01T10:17:00Z")).toISOString()).toBe("2026-03-01T11:17:00.000Z");
    expect(nextRun("23 3 * * *", new Date("2026-03-01T10:00:00Z")).toISOString()).toBe("2026-03-02T03:23:00.000Z");
    expect(nextRun("0 0 29 2 *", new Date("2026-03-01T00:00:00Z")).toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("run now", () => {
  let admin: Awaited<ReturnType<typeof makeUser>>;
  const boss = createBoss(process.env.DATABASE_URL!);
  beforeAll(async () => {
    admin = await makeUser(["admin"]);
  });
  afterAll(async () => {
    await boss.stop({ graceful: true, timeout: 5_000 });
  });

  it("is refused before any worker has started on the database", async () => {
    await expect(requestJobRun(db(), actorFor(admin), JOB)).rejects.toMatchObject({ code: "jobs_not_started" });
    await expect(requestJobRun(db(), actorFor(admin), "no.such.job")).rejects.toMatchObject({ code: "job_not_found" });
  });

  it("two requests at once queue one run, which a worker runs and records as manual, by whom", async () => {
    await boss.start();
    await boss.createQueue(JOB, { name: JOB, ...SCHEDULED_QUEUE_OPTIONS });
    const results = await Promise.allSettled([requestJobRun(db(), actorFor(admin), JOB), requestJobRun(db(), actorFor(admin), JOB)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "job_already_queued" } });
    const [queued] = await db().execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = ${JOB} and state = 'created'`);
    expect(queued!.n).toBe(1);
    expect((await jobOverview(db())).find((j) => j.name === JOB)).toMatchObject({ queued: 1, runningNow: false, lastRun: null });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, "job.run"));
    expect(audits).toHaveLength(1);

    await startWorker(boss, db());
    await expect.poll(async () => (await runsOf(JOB)).filter((r) => r.status !== "running").length, { timeout: 20_000, interval: 250 }).toBe(1);
    const [run] = await runsOf(JOB);
    expect(run).toMatchObject({ trigger: "manual", requestedBy: admin.id, status: "succeeded", rowsTouched: 0 });
    const overview = (await jobOverview(db())).find((j) => j.name === JOB)!;
    expect(overview).toMatchObject({ scheduled: true, queued: 0, scheduleWords: "Every hour at minute 17" });
    expect(overview.lastRun).toMatchObject({ status: "succeeded", requestedBy: { email: admin.email } });
    expect(overview.nextRunAt!.getUTCMinutes()).toBe(17);
  });

  it("is refused while a worker runs the job", async () => {
    const connection = await clientOf(db()).reserve();
    try {
      await connection`select pg_advisory_lock(hashtextextended(${runLockName(JOB)}, 0))`;
      await expect(requestJobRun(db(), actorFor(admin), JOB)).rejects.toMatchObject({ code: "job_already_running" });
      expect((await jobOverview(db())).find((j) => j.name === JOB)).toMatchObject({ runningNow: true });
      await connection`select pg_advisory_unlock(hashtextextended(${runLockName(JOB)}, 0))`;
    } finally {
      connection.release();
    }
  });
});
