"use client";

import type { ReactNode } from "react";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatDuration, formatRows } from "@/lib/jobs/format";
import type { JobOverview } from "@/lib/jobs/queries";
import { RunNowButton } from "./run-now-button";

export type JobRow = JobOverview & { canRun: boolean };

function LastRun({ job }: { job: JobRow }) {
  const run = job.lastRun;
  if (!run) return <span className="text-slate-500">Never run</span>;
  return (
    <div className="flex flex-col gap-0.5 leading-tight">
      <DateTime value={run.startedAt} format="relative" />
      <span className="text-xs text-slate-500">
        {run.status === "running" ? "running…" : `${run.status === "failed" ? "failed" : "succeeded"} in ${formatDuration(run.durationMs ?? 0)}`}
        {run.rowsTouched !== null ? ` · ${formatRows(run.rowsTouched)}` : ""}
      </span>
    </div>
  );
}

function State({ job }: { job: JobRow }) {
  if (job.runningNow) return <StatusBadge tone="accent">Running</StatusBadge>;
  if (job.queued > 0) return <StatusBadge tone="warning">{job.queued === 1 ? "Queued" : `${job.queued} queued`}</StatusBadge>;
  if (job.lastRun?.status === "failed") return <StatusBadge tone="danger">Last run failed</StatusBadge>;
  return <StatusBadge tone="success">Idle</StatusBadge>;
}

function disabledReason(job: JobRow): string | null {
  if (job.runningNow) return "It is running now";
  if (job.queued > 0) return "A run is already waiting for a worker";
  if (!job.scheduled) return "No worker has registered this job yet";
  return null;
}

export function JobsTable({ rows, empty }: { rows: JobRow[]; empty: ReactNode }) {
  const columns: ColumnDef<JobRow, unknown>[] = [
    {
      id: "job",
      header: "Job",
      cell: ({ row: { original: j } }) => (
        <div className="flex flex-col gap-0.5 leading-tight">
          <span className="font-medium text-slate-900">{j.description}</span>
          <code className="font-mono text-xs text-slate-500">{j.name}</code>
        </div>
      ),
    },
    {
      id: "schedule",
      header: "Schedule",
      cell: ({ row: { original: j } }) => (
        <div className="flex flex-col gap-0.5 leading-tight">
          <span>{j.scheduleWords}</span>
          {j.cron && <code className="font-mono text-xs text-slate-500">{j.cron}</code>}
        </div>
      ),
    },
    {
      id: "next",
      header: "Next run",
      cell: ({ row: { original: j } }) =>
        j.nextRunAt ? <DateTime value={j.nextRunAt} /> : <span className="text-slate-500">{j.cron ? "Not registered by a worker yet" : "—"}</span>,
    },
    { id: "last", header: "Last run", cell: ({ row }) => <LastRun job={row.original} /> },
    {
      id: "error",
      header: "Last error",
      meta: { className: "max-w-xs" },
      cell: ({ row: { original: j } }) =>
        j.lastFailure ? (
          <div className="flex flex-col gap-0.5 leading-tight">
            <span className="line-clamp-2 text-red-700" title={j.lastFailure.error ?? undefined}>
              {j.lastFailure.error}
            </span>
            <span className="text-xs text-slate-500">
              <DateTime value={j.lastFailure.startedAt} format="relative" />
            </span>
          </div>
        ) : (
          <span className="text-slate-500">None</span>
        ),
    },
    { id: "state", header: "Now", cell: ({ row }) => <State job={row.original} /> },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { className: "text-right" },
      cell: ({ row: { original: j } }) =>
        j.runnable ? (
          j.canRun ? <RunNowButton job={j} disabledReason={disabledReason(j)} /> : null
        ) : (
          <Badge tone="neutral">Runs per upload</Badge>
        ),
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Jobs the worker runs" empty={empty} getRowId={(r) => r.name} />;
}
