"use client";

import type { ReactNode } from "react";
import { Badge, StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatDuration, formatRows, TRIGGER_LABELS } from "@/lib/jobs/format";
import type { JobRunView } from "@/lib/jobs/queries";

const STATUS: Record<JobRunView["status"], { tone: BadgeTone; label: string }> = {
  running: { tone: "accent", label: "Running" },
  succeeded: { tone: "success", label: "Succeeded" },
  failed: { tone: "danger", label: "Failed" },
};

export function RunsTable({ rows, empty, footer, descriptions }: { rows: JobRunView[]; empty: ReactNode; footer?: ReactNode; descriptions: Record<string, string> }) {
  const columns: ColumnDef<JobRunView, unknown>[] = [
    { id: "started", header: "Started", meta: { className: "w-44" }, cell: ({ row }) => <DateTime value={row.original.startedAt} withSeconds /> },
    {
      id: "job",
      header: "Job",
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-col gap-0.5 leading-tight">
          <span className="text-slate-900">{descriptions[r.jobName] ?? r.jobName}</span>
          {r.subject && <code className="font-mono text-xs text-slate-500">{r.subject}</code>}
        </div>
      ),
    },
    {
      id: "trigger",
      header: "Trigger",
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-col gap-0.5 leading-tight">
          <Badge tone={r.trigger === "manual" ? "accent" : "neutral"} className="self-start">
            {TRIGGER_LABELS[r.trigger]}
          </Badge>
          {r.requestedBy && <span className="text-xs text-slate-500">by {r.requestedBy.name}</span>}
        </div>
      ),
    },
    { id: "status", header: "Status", cell: ({ row }) => <StatusBadge tone={STATUS[row.original.status].tone}>{STATUS[row.original.status].label}</StatusBadge> },
    {
      id: "duration",
      header: "Duration",
      meta: { className: "text-right tabular-nums" },
      cell: ({ row: { original: r } }) => (r.durationMs === null ? <span className="text-slate-500">—</span> : formatDuration(r.durationMs)),
    },
    {
      id: "rows",
      header: "Rows touched",
      meta: { className: "text-right tabular-nums" },
      cell: ({ row: { original: r } }) => (r.rowsTouched === null ? <span className="text-slate-500">—</span> : formatRows(r.rowsTouched)),
    },
    {
      id: "error",
      header: "Error",
      meta: { className: "max-w-sm" },
      cell: ({ row: { original: r } }) => (r.error ? <span className="line-clamp-3 text-red-700">{r.error}</span> : <span className="text-slate-500">—</span>),
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Recent job runs, newest first" empty={empty} footer={footer} getRowId={(r) => String(r.id)} />;
}
