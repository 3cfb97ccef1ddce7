"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

export type TierListRow = { id: string; name: string; rank: number; isDefault: boolean; createdAt: Date };

const columns: ColumnDef<TierListRow, unknown>[] = [
  { id: "rank", header: "Rank", meta: { className: "w-16 text-right" }, cell: ({ row }) => row.original.rank },
  {
    id: "name",
    header: "Tier",
    cell: ({ row: { original: t } }) => (
      <div className="flex items-center gap-1.5 whitespace-nowrap">
        <span className="font-medium text-slate-900">{t.name}</span>
        {t.isDefault && (
          <Badge tone="accent" title="New members start in this tier">
            Default
          </Badge>
        )}
      </div>
    ),
  },
  { id: "created", header: "Added", meta: { className: "w-px" }, cell: ({ row }) => <DateTime value={row.original.createdAt} format="date" /> },
];

/** Tiers lowest first, as listTiers orders them by rank. */
export function TiersTable({ rows, empty }: { rows: TierListRow[]; empty: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Tiers, lowest rank first" empty={empty} getRowId={(t) => t.id} />;
}
