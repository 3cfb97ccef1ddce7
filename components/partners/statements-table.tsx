"use client";

import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { formatMoney, formatPoints, trimDecimal } from "@/components/programs/format";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

export type StatementTableRow = {
  id: string;
  number: number;
  periodFrom: Date | null;
  periodTo: Date;
  transactionCount: number;
  pointsGiven: number;
  points: number;
  amountDue: number;
  currency: string;
  pricePerPoint: string;
  csvHref: string;
};

const columns: ColumnDef<StatementTableRow, unknown>[] = [
  { id: "number", header: "No.", cell: ({ row }) => <span className="font-medium text-slate-900">#{row.original.number}</span> },
  {
    id: "period",
    header: "Period",
    cell: ({ row: { original: s } }) => (
      <span className="whitespace-nowrap">
        {s.periodFrom ? <DateTime value={s.periodFrom} /> : "First transaction"} → <DateTime value={s.periodTo} />
      </span>
    ),
  },
  { id: "count", header: "Transactions", meta: { className: "text-right" }, cell: ({ row }) => formatPoints(row.original.transactionCount) },
  { id: "given", header: "Points given", meta: { className: "text-right" }, cell: ({ row }) => formatPoints(row.original.pointsGiven) },
  { id: "billed", header: "Points billed", meta: { className: "text-right" }, cell: ({ row }) => formatPoints(row.original.points) },
  {
    id: "amount",
    header: "Amount due",
    meta: { className: "text-right" },
    cell: ({ row: { original: s } }) => (
      <div className="leading-tight">
        <div className="font-medium text-slate-900">{formatMoney(s.amountDue, s.currency)}</div>
        <div className="text-xs text-slate-500">
          at {trimDecimal(s.pricePerPoint)} {s.currency} a point
        </div>
      </div>
    ),
  },
  {
    id: "csv",
    header: () => <span className="sr-only">Download</span>,
    meta: { className: "w-px text-right" },
    cell: ({ row: { original: s } }) => (
      <a href={s.csvHref} className="inline-flex items-center gap-1 text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600" download data-testid="statement-csv">
        <Download className="size-3.5" aria-hidden="true" /> CSV<span className="sr-only"> of statement {s.number}</span>
      </a>
    ),
  },
];

export function StatementsTable({ rows, empty, footer }: { rows: StatementTableRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Statements" empty={empty} getRowId={(s) => s.id} footer={footer} />;
}
