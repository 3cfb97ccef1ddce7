"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";

/** One member of the expiring-points report (lib/expiry/report listExpiringPoints). */
export type ExpiringRow = {
  memberId: string;
  externalId: string;
  name: string | null;
  points: number;
  lots: number;
  spendableUntil: string;
  current: number;
};

const link = "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";
// A calendar date (the programme's local day), shown as such whatever the reader's time zone.
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const formatDay = (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`));

const columns: ColumnDef<ExpiringRow, unknown>[] = [
  {
    id: "member",
    header: "Member",
    cell: ({ row: { original: r } }) => (
      <div className="leading-tight">
        <Link href={`/members/${r.memberId}`} className={link}>
          {r.externalId}
        </Link>
        {r.name && <div className="text-xs text-slate-500">{r.name}</div>}
      </div>
    ),
  },
  {
    id: "points",
    header: "Points expiring",
    meta: { className: "text-right" },
    cell: ({ row: { original: r } }) => (
      <span className="font-medium text-slate-900">
        {formatPoints(r.points)}
        <span className="ml-1 text-xs font-normal text-slate-500">
          in {r.lots} {r.lots === 1 ? "lot" : "lots"}
        </span>
      </span>
    ),
  },
  {
    id: "until",
    header: "First expiry (spendable until)",
    cell: ({ row: { original: r } }) => <time dateTime={r.spendableUntil}>{formatDay(r.spendableUntil)}</time>,
  },
  {
    id: "current",
    header: "Current points",
    meta: { className: "text-right" },
    cell: ({ row: { original: r } }) => formatPoints(r.current),
  },
];

export function ExpiringTable({ rows, empty, footer }: { rows: ExpiringRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Members with points expiring, soonest first" empty={empty} footer={footer} getRowId={(r) => r.memberId} />;
}
