"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";

/** One partner of the credits report, as the page hands it over. */
export type PartnerCreditListRow = {
  id: string;
  name: string;
  code: string;
  href: string;
  currencyName: string;
  funding: string;
  credits: number;
  states: Record<"pending" | "posted" | "failed" | "reversed", { count: number; points: number }>;
  failureRate: string;
};

const link = "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

const state = (key: keyof PartnerCreditListRow["states"], label: string): ColumnDef<PartnerCreditListRow, unknown> => ({
  id: key,
  header: label,
  meta: { className: "text-right whitespace-nowrap" },
  cell: ({ row: { original: r } }) => (
    <div className="leading-tight">
      {formatPoints(r.states[key].count)}
      <div className="text-xs text-slate-500">{formatPoints(r.states[key].points)} pts</div>
    </div>
  ),
});

const columns: ColumnDef<PartnerCreditListRow, unknown>[] = [
  {
    id: "partner",
    header: "Partner",
    cell: ({ row: { original: r } }) => (
      <div className="leading-tight">
        <Link href={r.href} className={link}>
          {r.name}
        </Link>
        <div className="text-xs text-slate-500">
          {r.code} · {r.currencyName} · {r.funding}
        </div>
      </div>
    ),
  },
  { id: "credits", header: "Credits", meta: { className: "text-right" }, cell: ({ row: { original: r } }) => formatPoints(r.credits) },
  state("pending", "Pending"),
  state("posted", "Posted"),
  state("failed", "Failed"),
  state("reversed", "Reversed"),
  { id: "rate", header: "Failure rate", meta: { className: "text-right" }, cell: ({ row: { original: r } }) => <span className="font-medium">{r.failureRate}</span> },
];

export function PartnerCreditTable({ rows, empty, footer }: { rows: PartnerCreditListRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Partner points credited per partner, by state" empty={empty} footer={footer} getRowId={(r) => r.id} />;
}
