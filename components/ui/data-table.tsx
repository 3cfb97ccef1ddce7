"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type { ColumnDef } from "@tanstack/react-table";

/** Per-column look: `meta: { className: "w-32 text-right" }` on a column definition. */
export type ColumnMeta = { className?: string; headerClassName?: string };

/**
 * A dense table on TanStack Table. Rows arrive already paginated and filtered by the server; the
 * table only lays them out. An empty list shows `empty` instead of a bare header.
 */
export function DataTable<TRow>({
  columns,
  data,
  caption,
  empty,
  getRowId,
  rowClassName,
  footer,
}: {
  columns: ColumnDef<TRow, unknown>[];
  data: TRow[];
  /** Read by screen readers; describes what the table lists. */
  caption: string;
  empty: ReactNode;
  getRowId?: (row: TRow) => string;
  rowClassName?: (row: TRow) => string | undefined;
  footer?: ReactNode;
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns functions the compiler cannot memoise; this component is not compiled
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId, manualPagination: true });
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
      {data.length === 0 ? (
        empty
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-[13px] tabular-nums">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta as ColumnMeta | undefined;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className={cn("px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600", meta?.className, meta?.headerClassName)}
                      >
                        {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={cn("align-top hover:bg-slate-50/70", rowClassName?.(row.original))}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                    return (
                      <td key={cell.id} className={cn("px-3 py-2.5 text-slate-800", meta?.className)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {footer && <div className="border-t border-slate-200 bg-slate-50/60 px-3 py-2">{footer}</div>}
    </div>
  );
}
