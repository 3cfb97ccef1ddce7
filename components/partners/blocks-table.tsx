"use client";

import { Sparkles } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { BlockDecision } from "./block-decision";
import { BlockUsage } from "./block-usage";
import { BLOCK_KIND_LABELS, BLOCK_STATUS } from "./labels";

/** One block of the Point Block Purchases view (lib/partners/queries listPointBlocks). */
export type BlockRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerCode: string;
  kind: string;
  status: string;
  points: number;
  used: number;
  price: number;
  currency: string;
  reference: string;
  autoCreated: boolean;
  recordedBy: string | null;
  recordedByName: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  createdAt: Date;
};

const link = "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

function columns(userId: string, canApprove: boolean): ColumnDef<BlockRow, unknown>[] {
  const cols: ColumnDef<BlockRow, unknown>[] = [
    {
      id: "block",
      header: "Block",
      cell: ({ row: { original: b } }) => (
        <div className="leading-tight">
          <Link href={`/point-blocks/${b.id}`} className={`${link} whitespace-nowrap`} data-testid="block-link">
            {b.reference}
          </Link>
          <div className="flex items-center gap-1 text-xs whitespace-nowrap text-slate-500">
            <DateTime value={b.createdAt} format="date" /> · {BLOCK_KIND_LABELS[b.kind] ?? b.kind}
            {b.autoCreated && (
              <Badge tone="accent" className="px-1 py-0 text-[11px]" title="Created automatically when available points fell below the threshold">
                <Sparkles className="size-3" aria-hidden="true" /> Auto
              </Badge>
            )}
          </div>
        </div>
      ),
    },
    {
      id: "partner",
      header: "Partner",
      cell: ({ row: { original: b } }) => (
        <Link href={`/partners/${b.partnerId}`} className="whitespace-nowrap text-slate-800 hover:underline">
          {b.partnerName} <span className="font-mono text-xs text-slate-500">{b.partnerCode}</span>
        </Link>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: b } }) => {
        const s = BLOCK_STATUS[b.status] ?? { label: b.status, tone: "neutral" as const };
        return (
          <span title={b.rejectionReason ?? undefined} data-testid="block-status">
            <StatusBadge tone={s.tone}>{s.label}</StatusBadge>
          </span>
        );
      },
    },
    { id: "points", header: "Points", meta: { className: "text-right" }, cell: ({ row }) => <span className="font-medium text-slate-900">{formatPoints(row.original.points)}</span> },
    { id: "usage", header: "Used / left", cell: ({ row: { original: b } }) => (b.status === "active" ? <BlockUsage points={b.points} used={b.used} compact /> : <span className="text-slate-500">—</span>) },
    { id: "price", header: "Price", meta: { className: "text-right" }, cell: ({ row }) => <span className="whitespace-nowrap">{formatMoney(row.original.price, row.original.currency)}</span> },
    {
      id: "people",
      header: "Recorded / decided by",
      cell: ({ row: { original: b } }) => (
        <div className="leading-tight">
          <div>{b.recordedByName ?? <span className="text-slate-500">System</span>}</div>
          <div className="text-xs text-slate-500">{b.status === "pending" ? "Awaiting approval" : `${b.status === "active" ? "Approved" : "Rejected"} by ${b.decidedByName ?? "the system"}`}</div>
        </div>
      ),
    },
  ];
  if (canApprove) {
    cols.push({
      id: "actions",
      header: () => <span className="sr-only">Decision</span>,
      meta: { className: "w-px text-right" },
      cell: ({ row: { original: b } }) =>
        b.status === "pending" ? (
          <BlockDecision block={{ id: b.id, partnerName: b.partnerName, points: b.points, price: b.price, currency: b.currency, reference: b.reference }} ownBlock={b.recordedBy === userId} size="sm" />
        ) : null,
    });
  }
  return cols;
}

export function BlocksTable({ rows, userId, canApprove, empty, footer }: { rows: BlockRow[]; userId: string; canApprove: boolean; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns(userId, canApprove)} data={rows} caption="Point blocks" empty={empty} getRowId={(b) => b.id} footer={footer} />;
}
