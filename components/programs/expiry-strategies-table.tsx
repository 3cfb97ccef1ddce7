"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { expiryRuleText } from "./expiry-rule";

export type ExpiryStrategyListRow = { id: string; name: string; kind: string; amount: number | null; isDefault: boolean; createdAt: Date };

const columns: ColumnDef<ExpiryStrategyListRow, unknown>[] = [
  {
    id: "name",
    header: "Name",
    cell: ({ row: { original: s } }) => (
      <div className="flex items-center gap-1.5 whitespace-nowrap">
        <span className="font-medium text-slate-900">{s.name}</span>
        {s.isDefault && (
          <Badge tone="accent" title="Used when an award names no expiry strategy">
            Default
          </Badge>
        )}
      </div>
    ),
  },
  { id: "rule", header: "Points expire", cell: ({ row }) => expiryRuleText(row.original.kind, row.original.amount) },
  { id: "created", header: "Added", meta: { className: "w-px" }, cell: ({ row }) => <DateTime value={row.original.createdAt} format="date" /> },
];

export function ExpiryStrategiesTable({ rows, empty }: { rows: ExpiryStrategyListRow[]; empty: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Expiry strategies" empty={empty} getRowId={(s) => s.id} />;
}
