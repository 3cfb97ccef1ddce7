"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";

/** One offer of the performance list, formatted on the server (lib/reports/offers, present.ts). */
export type OfferListRow = {
  key: string;
  name: string;
  href: string;
  programCode: string;
  status: string;
  baseEarn: boolean;
  membersReached: number;
  membersReachedInPeriod: number;
  awards: number;
  /** "1,200 pts", "₹45.00": one line per outcome. */
  values: string[];
  costs: string[];
  budget: string | null;
  budgetLeft: string | null;
  states: { pending: number; posted: number; failed: number; reversed: number };
  failureRate: string;
};

export type SortLink = { href: string; active: "asc" | "desc" | null };

const link = "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

function SortHeader({ label, sort }: { label: string; sort?: SortLink }) {
  if (!sort) return <>{label}</>;
  const Icon = sort.active === "asc" ? ArrowUp : sort.active === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <Link href={sort.href} className="inline-flex items-center gap-1 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600" aria-label={`Sort by ${label}${sort.active ? (sort.active === "asc" ? ", now ascending" : ", now descending") : ""}`}>
      {label}
      <Icon className={sort.active ? "size-3.5 text-slate-900" : "size-3.5 text-slate-400"} aria-hidden="true" />
    </Link>
  );
}

const lines = (values: string[]) => (values.length === 0 ? <span className="text-slate-400">—</span> : values.map((v) => <div key={v}>{v}</div>));

function columns(sorts: Record<string, SortLink>): ColumnDef<OfferListRow, unknown>[] {
  return [
    {
      id: "name",
      header: () => <SortHeader label="Offer" sort={sorts.name} />,
      cell: ({ row: { original: r } }) => (
        <div className="leading-tight">
          <Link href={r.href} className={link}>
            {r.name}
          </Link>
          <div className="mt-0.5 flex items-center gap-1.5 text-xs text-slate-500">
            {r.programCode}
            {r.baseEarn ? <Badge tone="accent">Base earn</Badge> : <Badge tone="neutral">{r.status.charAt(0).toUpperCase() + r.status.slice(1)}</Badge>}
          </div>
        </div>
      ),
    },
    {
      id: "members",
      header: () => <SortHeader label="Members reached" sort={sorts.members} />,
      meta: { className: "text-right" },
      cell: ({ row: { original: r } }) => (
        <div className="leading-tight">
          {formatPoints(r.membersReached)}
          <div className="text-xs text-slate-500">{formatPoints(r.membersReachedInPeriod)} new in period</div>
        </div>
      ),
    },
    { id: "awards", header: () => <SortHeader label="Awards" sort={sorts.awards} />, meta: { className: "text-right" }, cell: ({ row: { original: r } }) => formatPoints(r.awards) },
    { id: "net", header: () => <SortHeader label="Net value" sort={sorts.net} />, meta: { className: "text-right whitespace-nowrap" }, cell: ({ row: { original: r } }) => lines(r.values) },
    { id: "cost", header: "Cost", meta: { className: "text-right whitespace-nowrap" }, cell: ({ row: { original: r } }) => lines(r.costs) },
    {
      id: "budget",
      header: () => <SortHeader label="Budget used / left" sort={sorts.budget_used} />,
      meta: { className: "text-right whitespace-nowrap" },
      cell: ({ row: { original: r } }) =>
        r.budget === null ? (
          <span className="text-slate-400">{r.baseEarn ? "—" : "No budget"}</span>
        ) : (
          <div className="leading-tight">
            {r.budget}
            <div className="text-xs text-slate-500">{r.budgetLeft} left</div>
          </div>
        ),
    },
    {
      id: "states",
      header: () => <SortHeader label="Pending · posted · failed · reversed" sort={sorts.failed} />,
      meta: { className: "text-right whitespace-nowrap" },
      cell: ({ row: { original: r } }) => (
        <div className="leading-tight">
          <span className="text-amber-700">{formatPoints(r.states.pending)}</span> · <span className="text-emerald-700">{formatPoints(r.states.posted)}</span> ·{" "}
          <span className="text-red-700">{formatPoints(r.states.failed)}</span> · <span className="text-slate-600">{formatPoints(r.states.reversed)}</span>
          <div className="text-xs text-slate-500">failure rate {r.failureRate}</div>
        </div>
      ),
    },
  ];
}

export function OfferReportTable({ rows, sorts, empty, footer }: { rows: OfferListRow[]; sorts: Record<string, SortLink>; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns(sorts)} data={rows} caption="Offer performance over the period" empty={empty} footer={footer} getRowId={(r) => r.key} />;
}
