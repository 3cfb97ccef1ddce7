"use client";

import { StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";

export type VersionRow = {
  version: number;
  status: string;
  submittedByName: string | null;
  submittedAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  live: boolean;
};

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  submitted: { label: "Awaiting approval", tone: "warning" },
  approved: { label: "Approved", tone: "success" },
  rejected: { label: "Rejected", tone: "danger" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
  superseded: { label: "Superseded", tone: "neutral" },
};

const who = (name: string | null) => name ?? <span className="text-slate-500">System</span>;

const columns: ColumnDef<VersionRow, unknown>[] = [
  {
    id: "version",
    header: "Version",
    cell: ({ row: { original: v } }) => (
      <span className="font-medium whitespace-nowrap">
        v{v.version}
        {v.live && <span className="ml-1.5 text-xs font-normal text-emerald-700">live</span>}
      </span>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row: { original: v } }) => {
      const s = STATUS[v.status] ?? { label: v.status, tone: "neutral" as const };
      return <StatusBadge tone={s.tone}>{s.label}</StatusBadge>;
    },
  },
  {
    id: "submitted",
    header: "Submitted",
    cell: ({ row: { original: v } }) => (
      <div className="leading-tight">
        <div>{who(v.submittedByName)}</div>
        <div className="text-xs text-slate-500">
          <DateTime value={v.submittedAt} />
        </div>
      </div>
    ),
  },
  {
    id: "decided",
    header: "Decided",
    cell: ({ row: { original: v } }) =>
      v.decidedAt ? (
        <div className="leading-tight">
          <div>{who(v.decidedByName)}</div>
          <div className="text-xs text-slate-500">
            <DateTime value={v.decidedAt} />
          </div>
        </div>
      ) : (
        <span className="text-slate-500">—</span>
      ),
  },
  { id: "note", header: "Note", cell: ({ row }) => row.original.decisionNote ?? <span className="text-slate-500">—</span> },
];

/** Every submitted version of an offer, newest first, with who submitted and who decided. */
export function VersionsTable({ rows }: { rows: VersionRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Versions of this offer"
      getRowId={(v) => String(v.version)}
      empty={<EmptyState title="Nothing submitted yet">Versions appear here when the draft is submitted for approval.</EmptyState>}
    />
  );
}
