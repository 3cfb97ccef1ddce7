"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import type { PromotionView } from "@/lib/promotions/queries";

/** One promotional award (lib/promotions/queries listPromotions). */
export type PromotionRow = PromotionView;

const link = "text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

const columns: ColumnDef<PromotionRow, unknown>[] = [
  {
    id: "member",
    header: "Member",
    cell: ({ row: { original: r } }) => (
      <Link href={`/members/${r.member.id}`} className={`flex flex-col leading-tight ${link}`}>
        <span>{[r.member.firstName, r.member.lastName].filter(Boolean).join(" ") || "No name on file"}</span>
        <span className="font-mono text-xs text-slate-500">{r.member.externalId}</span>
      </Link>
    ),
  },
  { id: "program", header: "Programme", cell: ({ row }) => row.original.program.name },
  { id: "points", header: "Points", meta: { className: "text-right tabular-nums" }, cell: ({ row }) => formatPoints(row.original.points) },
  {
    id: "reason",
    header: "Reason",
    meta: { className: "max-w-xs" },
    cell: ({ row: { original: r } }) => (
      <div className="flex flex-col leading-tight">
        <span className="line-clamp-2">{r.reason}</span>
        {r.externalReference && <span className="font-mono text-xs text-slate-500">{r.externalReference}</span>}
      </div>
    ),
  },
  { id: "awarded", header: "Awarded", cell: ({ row }) => <DateTime value={row.original.awardedAt} format="date" /> },
  { id: "expires", header: "Expires", cell: ({ row }) => <DateTime value={row.original.expiresAt} format="date" empty="Never" /> },
  {
    id: "source",
    header: "From",
    cell: ({ row: { original: r } }) =>
      r.importId ? (
        <Link href={`/programs/promotions/imports/${r.importId}`} className={link}>
          Import, line {r.line}
        </Link>
      ) : (
        <span className="flex flex-col leading-tight">
          Console<span className="text-xs text-slate-500">{r.actorLabel}</span>
        </span>
      ),
  },
];

export function PromotionsTable({ rows, empty, footer }: { rows: PromotionRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Promotional awards, newest first" empty={empty} footer={footer} getRowId={(r) => r.id} />;
}
