"use client";

import { useMemo, type ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { PoolStockBadge } from "@/components/vouchers/stock";
import { GenerateCodesDialog } from "./generate-codes-dialog";
import { UploadCodesDialog } from "./upload-codes-dialog";

export type PoolRow = { id: string; name: string; description: string | null; total: number; issued: number; left: number; createdAt: Date };

const number = "text-right tabular-nums";
/** "37 %", "<1 %" for a few codes of a large pool, never "0 %" while some are left. */
const shareLeft = (p: { total: number; left: number }) => {
  const share = Math.floor((p.left / p.total) * 100);
  return p.left > 0 && share === 0 ? "<1 %" : `${share} %`;
};

function poolColumns(canWrite: boolean): ColumnDef<PoolRow, unknown>[] {
  const columns: ColumnDef<PoolRow, unknown>[] = [
    {
      id: "pool",
      header: "Pool",
      meta: { className: "min-w-[200px]" },
      cell: ({ row: { original: p } }) => (
        <div className="leading-tight">
          <div className="font-medium text-slate-900">{p.name}</div>
          {p.description && <div className="mt-0.5 text-xs text-slate-500">{p.description}</div>}
        </div>
      ),
    },
    { id: "total", header: "Total", meta: { className: number }, cell: ({ row }) => formatPoints(row.original.total) },
    { id: "issued", header: "Issued", meta: { className: number }, cell: ({ row }) => formatPoints(row.original.issued) },
    {
      id: "left",
      header: "Left",
      meta: { className: number },
      cell: ({ row: { original: p } }) => (
        <div className="flex flex-col items-end gap-1">
          <span className="font-semibold text-slate-900">{formatPoints(p.left)}</span>
          {p.total > 0 && <span className="text-xs text-slate-500">{shareLeft(p)} left</span>}
        </div>
      ),
    },
    { id: "stock", header: "Stock", cell: ({ row }) => <PoolStockBadge pool={row.original} /> },
    { id: "created", header: "Created", cell: ({ row }) => <DateTime value={row.original.createdAt} format="date" /> },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Add codes</span>,
      meta: { className: "w-px" },
      cell: ({ row: { original: p } }) => (
        <div className="-my-1 flex items-center justify-end gap-1">
          <UploadCodesDialog pool={p} />
          <GenerateCodesDialog pool={p} />
        </div>
      ),
    });
  }
  return columns;
}

/**
 * Voucher pools with their stock; with offers:write, each row can take more codes. The columns are
 * made once, so a refresh after an upload keeps the row's dialog (and its result) open.
 */
export function PoolsTable({ rows, canWrite, empty }: { rows: PoolRow[]; canWrite: boolean; empty: ReactNode }) {
  const columns = useMemo(() => poolColumns(canWrite), [canWrite]);
  return <DataTable columns={columns} data={rows} caption="Voucher pools" empty={empty} getRowId={(p) => p.id} />;
}
