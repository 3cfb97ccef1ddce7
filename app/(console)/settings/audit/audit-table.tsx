"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { hrefWith } from "@/components/ui/href";
import { AuditDetailsDialog } from "./audit-details-dialog";

export type AuditRow = {
  id: number;
  at: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

const ACTOR_TONE: Record<string, BadgeTone> = { user: "neutral", api_key: "accent", system: "warning" };
const ACTOR_LABEL: Record<string, string> = { user: "User", api_key: "API key", system: "System" };

export function AuditTable({ rows, empty, footer }: { rows: AuditRow[]; empty: ReactNode; footer?: ReactNode }) {
  const columns: ColumnDef<AuditRow, unknown>[] = [
    { id: "when", header: "When", meta: { className: "w-44" }, cell: ({ row }) => <DateTime value={row.original.at} withSeconds /> },
    {
      id: "actor",
      header: "Actor",
      cell: ({ row: { original: e } }) => (
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="text-slate-900">{e.actorLabel}</span>
          <Badge tone={ACTOR_TONE[e.actorType] ?? "neutral"}>{ACTOR_LABEL[e.actorType] ?? e.actorType}</Badge>
        </div>
      ),
    },
    { id: "action", header: "Action", cell: ({ row }) => <code className="font-mono text-xs text-slate-800">{row.original.action}</code> },
    {
      id: "entity",
      header: "Entity",
      cell: ({ row: { original: e } }) => (
        <div className="flex flex-col leading-tight">
          <span className="text-slate-700">{e.entityType}</span>
          {e.entityId ? (
            <Link
              href={hrefWith("/settings/audit", { entityType: e.entityType, entityId: e.entityId })}
              className="max-w-[22ch] truncate font-mono text-xs text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              title={`Show the history of ${e.entityType} ${e.entityId}`}
            >
              {e.entityId}
            </Link>
          ) : (
            <span className="text-xs text-slate-500">—</span>
          )}
        </div>
      ),
    },
    {
      id: "details",
      header: () => <span className="sr-only">Details</span>,
      meta: { className: "w-px text-right" },
      cell: ({ row: { original: e } }) =>
        e.before != null || e.after != null ? <AuditDetailsDialog entry={e} /> : <span className="pr-2 text-xs text-slate-400">No data</span>,
    },
  ];
  return <DataTable columns={columns} data={rows} caption="Audit log, newest first" empty={empty} footer={footer} getRowId={(e) => String(e.id)} />;
}
