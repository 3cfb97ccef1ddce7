"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { reasonLabel } from "@/lib/members/adjustment-schemas";
import { AdjustmentDecision } from "./adjustment-decision";

export type AdjustmentRow = {
  id: string;
  createdAt: Date;
  memberId: string;
  memberLabel: string;
  programCode: string;
  programName: string;
  direction: string;
  points: number;
  reasonCode: string;
  note: string;
  status: string;
  requestedById: string | null;
  requestedByLabel: string;
  decidedByLabel: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
};

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending_approval: { label: "Awaiting approval", tone: "warning" },
  posted: { label: "Posted", tone: "success" },
  rejected: { label: "Rejected", tone: "danger" },
};

/**
 * Adjustments: a member's (newest first) or the approval queue (with the member). Pending ones get
 * Approve / Reject when the viewer may decide; their requester sees why they cannot.
 */
export function AdjustmentsTable({
  rows,
  caption,
  empty,
  footer,
  showMember = false,
  decider,
}: {
  rows: AdjustmentRow[];
  caption: string;
  empty: ReactNode;
  footer?: ReactNode;
  showMember?: boolean;
  /** The signed-in user when they may approve and reject (members:adjust); absent for read-only roles. */
  decider?: { id: string };
}) {
  const columns: ColumnDef<AdjustmentRow, unknown>[] = [
    {
      header: "Requested",
      cell: ({ row }) => (
        <div className="flex flex-col gap-0.5">
          <DateTime value={row.original.createdAt} />
          <span className="text-xs text-slate-500">
            <span className="sr-only">by </span>
            <UserLabel label={row.original.requestedByLabel} />
          </span>
        </div>
      ),
    },
    ...(showMember
      ? [
          {
            id: "member",
            header: "Member",
            cell: ({ row }) => (
              <Link href={`/members/${row.original.memberId}/adjustments`} className="font-medium text-indigo-700 hover:underline">
                {row.original.memberLabel}
              </Link>
            ),
          } satisfies ColumnDef<AdjustmentRow, unknown>,
        ]
      : []),
    { header: "Programme", cell: ({ row }) => <span title={row.original.programName}>{row.original.programCode}</span> },
    {
      header: "Points",
      meta: { className: "text-right" },
      cell: ({ row }) => {
        const credit = row.original.direction === "credit";
        return (
          <span className={cn("font-medium whitespace-nowrap tabular-nums", credit ? "text-emerald-700" : "text-red-700")} aria-label={`${credit ? "Credit" : "Debit"} of ${formatPoints(row.original.points)} points`}>
            {credit ? "+" : "−"}
            {formatPoints(row.original.points)}
          </span>
        );
      },
    },
    {
      header: "Reason",
      meta: { className: "min-w-48 max-w-sm" },
      cell: ({ row }) => (
        <div className="flex flex-col gap-0.5">
          <span className="font-medium text-slate-900">{reasonLabel(row.original.reasonCode)}</span>
          <span className="break-words whitespace-pre-wrap text-slate-600">{row.original.note}</span>
        </div>
      ),
    },
    // The queue lists only pending adjustments: their status and decision go without saying.
    ...(showMember
      ? []
      : [
          {
            id: "status",
            header: "Status",
            cell: ({ row }) => {
              const status = STATUS[row.original.status] ?? { label: row.original.status, tone: "neutral" as const };
              return <StatusBadge tone={status.tone}>{status.label}</StatusBadge>;
            },
          } satisfies ColumnDef<AdjustmentRow, unknown>,
          { id: "decided", header: "Decided", cell: ({ row }) => <Decided row={row.original} /> } satisfies ColumnDef<AdjustmentRow, unknown>,
        ]),
    ...(decider
      ? [
          {
            id: "action",
            header: () => <span className="sr-only">Decision</span>,
            meta: { className: "text-right" },
            cell: ({ row }) =>
              row.original.status === "pending_approval" ? (
                <AdjustmentDecision
                  adjustment={{
                    id: row.original.id,
                    direction: row.original.direction,
                    points: row.original.points,
                    memberLabel: row.original.memberLabel,
                    programCode: row.original.programCode,
                    reason: reasonLabel(row.original.reasonCode),
                  }}
                  ownRequest={row.original.requestedById !== null && row.original.requestedById === decider.id}
                />
              ) : null,
          } satisfies ColumnDef<AdjustmentRow, unknown>,
        ]
      : []),
  ];
  return <DataTable caption={caption} columns={columns} data={rows} getRowId={(r) => r.id} empty={empty} footer={footer} />;
}

function Decided({ row }: { row: AdjustmentRow }) {
  if (row.status === "pending_approval") return <span className="text-slate-500">—</span>;
  if (row.status === "posted" && !row.decidedByLabel) return <span className="text-slate-600">No approval needed</span>;
  return (
    <div className="flex flex-col gap-0.5">
      <UserLabel label={row.decidedByLabel ?? ""} />
      <span className="text-xs text-slate-500">
        <DateTime value={row.decidedAt} />
      </span>
      {row.decisionNote && <span className="text-xs break-words text-slate-600">“{row.decisionNote}”</span>}
    </div>
  );
}

/** A user's label (their email), cut short with the whole of it in the tooltip, so long addresses do not stretch the table. */
function UserLabel({ label }: { label: string }) {
  return (
    <span className="block max-w-40 truncate" title={label}>
      {label}
    </span>
  );
}
