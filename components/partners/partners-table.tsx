"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { FUNDING_LABELS, PARTNER_STATUS, PARTNER_TYPE_LABELS } from "./labels";

/** One partner of the list (lib/partners/queries listPartnersWithFunding). */
export type PartnerRow = {
  id: string;
  code: string;
  name: string;
  type: string;
  status: string;
  currencyCode: string;
  currencyName: string;
  fundingMode: string;
  availablePoints: number;
  reservePoints: number;
  pendingPoints: number;
  topUpRequired: boolean;
};

const columns: ColumnDef<PartnerRow, unknown>[] = [
  {
    id: "partner",
    header: "Partner",
    cell: ({ row: { original: p } }) => (
      <div className="leading-tight">
        <Link href={`/partners/${p.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600" data-testid="partner-link">
          {p.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">{p.code}</div>
      </div>
    ),
  },
  { id: "type", header: "Type", cell: ({ row }) => PARTNER_TYPE_LABELS[row.original.type] ?? row.original.type },
  {
    id: "status",
    header: "Status",
    cell: ({ row }) => {
      const s = PARTNER_STATUS[row.original.status] ?? { label: row.original.status, tone: "neutral" as const };
      return <StatusBadge tone={s.tone}>{s.label}</StatusBadge>;
    },
  },
  {
    id: "currency",
    header: "Currency",
    cell: ({ row: { original: p } }) => (
      <span className="whitespace-nowrap">
        {p.currencyName} <span className="font-mono text-xs text-slate-500">{p.currencyCode}</span>
      </span>
    ),
  },
  { id: "funding", header: "Funding", cell: ({ row }) => FUNDING_LABELS[row.original.fundingMode] ?? row.original.fundingMode },
  {
    id: "available",
    header: "Available block points",
    meta: { className: "text-right" },
    cell: ({ row: { original: p } }) =>
      p.fundingMode !== "prepaid" ? (
        <span className="text-slate-500">Billed per cycle</span>
      ) : (
        <div className="leading-tight whitespace-nowrap">
          <span className={p.availablePoints === 0 ? "font-medium text-red-700" : "font-medium text-slate-900"}>{formatPoints(p.availablePoints)}</span>
          {(p.reservePoints > 0 || p.pendingPoints > 0) && (
            <div className="text-xs text-slate-500">
              {p.reservePoints > 0 && `+ ${formatPoints(p.reservePoints)} reserve`}
              {p.reservePoints > 0 && p.pendingPoints > 0 && " · "}
              {p.pendingPoints > 0 && `${formatPoints(p.pendingPoints)} pending`}
            </div>
          )}
        </div>
      ),
  },
  {
    id: "topUp",
    header: "Top-up",
    cell: ({ row }) =>
      row.original.topUpRequired ? (
        <Badge tone="danger" title="The reserve block was used: the partner owes a top-up charge" data-testid="top-up-required">
          <TriangleAlert className="size-3" aria-hidden="true" /> Top-up required
        </Badge>
      ) : (
        <span className="text-slate-500">—</span>
      ),
  },
];

export function PartnersTable({ rows, empty, footer }: { rows: PartnerRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Partners" empty={empty} getRowId={(p) => p.id} footer={footer} />;
}
