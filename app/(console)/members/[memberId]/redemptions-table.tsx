"use client";

import { Gift } from "lucide-react";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { StatusBadge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { ReverseRedemptionButton } from "./reverse-redemption-button";

export type RedemptionRow = {
  id: string;
  createdAt: Date;
  points: number;
  currencyValueMinor: number;
  currency: string;
  groupRedemption: boolean;
  externalReference: string | null;
  /** "COAL 1,200 · TRVL 300" */
  breakup: string;
  reversedAt: Date | null;
};

/** A member's latest redemptions, with the programmes each one spent from; reversible ones get a button when allowed. */
export function RedemptionsTable({ rows, memberId, canReverse }: { rows: RedemptionRow[]; memberId: string; canReverse: boolean }) {
  const columns: ColumnDef<RedemptionRow, unknown>[] = [
    { header: "When", cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
    { header: "Points", meta: { className: "text-right tabular-nums" }, cell: ({ row }) => formatPoints(row.original.points) },
    { header: "Value", meta: { className: "text-right tabular-nums" }, cell: ({ row }) => formatMoney(row.original.currencyValueMinor, row.original.currency) },
    { header: "Spent from", cell: ({ row }) => <span className="text-slate-700">{row.original.groupRedemption ? "Group: " : ""}{row.original.breakup}</span> },
    { header: "Reference", cell: ({ row }) => <span className="font-mono text-[12px]">{row.original.externalReference ?? "—"}</span> },
    {
      header: "Status",
      cell: ({ row }) => (row.original.reversedAt ? <StatusBadge tone="warning">Reversed</StatusBadge> : <StatusBadge tone="success">Redeemed</StatusBadge>),
    },
    ...(canReverse
      ? [
          {
            id: "action",
            header: "",
            meta: { className: "text-right" },
            cell: ({ row }) => (row.original.reversedAt ? null : <ReverseRedemptionButton memberId={memberId} redemption={row.original} />),
          } satisfies ColumnDef<RedemptionRow, unknown>,
        ]
      : []),
  ];
  return (
    <DataTable
      caption="Redemptions, newest first"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      empty={
        <EmptyState icon={Gift} title="No redemptions yet">
          Redemptions made through the API appear here with the programmes they spent from.
        </EmptyState>
      }
    />
  );
}
