"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { budgetText, OfferStatusBadges, OUTCOME_LABELS } from "./status";

/** One offer of the list (lib/offers/queries listOffers). */
export type OfferRow = {
  id: string;
  name: string;
  programName: string;
  programCode: string;
  status: string;
  outcomeType: string | null;
  outcomeCurrency: string | null;
  liveVersion: number | null;
  pendingVersion: number | null;
  budget: number | null;
  budgetUsed: number;
  validFrom: string | null;
  validUntil: string | null;
  updatedAt: Date;
};

function columns(nowMs: number): ColumnDef<OfferRow, unknown>[] {
  return [
    {
      id: "offer",
      header: "Offer",
      cell: ({ row: { original: o } }) => (
        <Link href={`/offers/${o.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600" data-testid="offer-link">
          {o.name || "Untitled draft"}
        </Link>
      ),
    },
    {
      id: "programme",
      header: "Programme",
      cell: ({ row: { original: o } }) => (
        <span className="whitespace-nowrap">
          {o.programName} <span className="font-mono text-xs text-slate-500">{o.programCode}</span>
        </span>
      ),
    },
    {
      id: "outcome",
      header: "Outcome",
      cell: ({ row: { original: o } }) =>
        o.outcomeType ? (
          <span className="whitespace-nowrap">
            {OUTCOME_LABELS[o.outcomeType] ?? o.outcomeType}
            {o.outcomeType === "cashback" && o.outcomeCurrency ? <span className="text-slate-500"> · {o.outcomeCurrency}</span> : null}
          </span>
        ) : (
          <span className="text-slate-500">Not chosen yet</span>
        ),
    },
    { id: "status", header: "Status", cell: ({ row }) => <OfferStatusBadges offer={row.original} nowMs={nowMs} /> },
    {
      id: "version",
      header: "Live version",
      meta: { className: "text-right" },
      cell: ({ row: { original: o } }) => (o.liveVersion === null ? <span className="text-slate-500">—</span> : `v${o.liveVersion}`),
    },
    {
      id: "budget",
      header: "Budget used",
      meta: { className: "text-right" },
      cell: ({ row: { original: o } }) => <span className="whitespace-nowrap">{o.liveVersion === null ? <span className="text-slate-500">—</span> : budgetText(o)}</span>,
    },
    { id: "updated", header: "Updated", cell: ({ row }) => <DateTime value={row.original.updatedAt} format="relative" /> },
  ];
}

export function OffersTable({ rows, nowMs, empty, footer }: { rows: OfferRow[]; nowMs: number; empty: ReactNode; footer?: ReactNode }) {
  const cols = useMemo(() => columns(nowMs), [nowMs]);
  return <DataTable columns={cols} data={rows} caption="Offers" empty={empty} getRowId={(o) => o.id} footer={footer} />;
}
