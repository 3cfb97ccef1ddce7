import { History, Timer } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { anyJobActive, jobOverview, listJobRuns } from "@/lib/jobs/queries";
import { pageParams, type SearchParams } from "../../_lib/search-params";
import { JobsTable, type JobRow } from "./jobs-table";
import { RunsTable } from "./runs-table";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("jobs:read");
  const canRun = can(user.roles, "jobs:run");
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const [jobs, runs] = await Promise.all([jobOverview(db), listJobRuns(db, { page, pageSize })]);
  const rows: JobRow[] = jobs.map((j) => ({ ...j, canRun }));
  const descriptions = Object.fromEntries(jobs.map((j) => [j.name, j.description]));
  const workerSeen = jobs.some((j) => j.scheduled);

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="jobs-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="jobs-heading">Jobs</span>}
          description="Work the worker does on its own: scheduled jobs (times in UTC) and file imports. Several workers may run; each job runs on one of them at a time."
        />
        {!workerSeen && (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No worker has registered the schedules on this database yet, so scheduled jobs do not run. <code className="font-mono text-xs">npm start</code> starts one with the console.
          </p>
        )}
        <JobsTable
          rows={rows}
          empty={
            <EmptyState icon={Timer} title="No jobs">
              The worker has no scheduled jobs.
            </EmptyState>
          }
        />
      </section>
      <section aria-labelledby="runs-heading" className="flex flex-col gap-3">
        <PageHeader level={2} title={<span id="runs-heading">Recent runs</span>} description="Every run of every job, newest first: how it was started, how long it took, how many rows it touched and why it failed." />
        <RunsTable
          rows={runs.rows}
          descriptions={descriptions}
          empty={
            runs.total > 0 ? (
              <EmptyState icon={History} title="This page is empty" action={<Link href="/settings/jobs" className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
                There are fewer runs than this page number implies.
              </EmptyState>
            ) : (
              <EmptyState icon={History} title="No runs yet">
                Runs appear here as the worker runs jobs on their schedule, when a file is imported, or when you choose Run now.
              </EmptyState>
            )
          }
          footer={runs.total > 0 ? <Pagination page={page} pageSize={pageSize} total={runs.total} params={{}} noun={runs.total === 1 ? "run" : "runs"} /> : undefined}
        />
      </section>
      <AutoRefresh active={anyJobActive(jobs)} />
    </div>
  );
}
