"use client";

import type { ReactNode } from "react";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";

/** One line of the error report (lib/imports/queries listImportErrors). */
export type ImportErrorRow = { line: number; reference: string | null; code: string; message: string };

export function ImportErrorsTable({ rows, referenceLabel, empty, footer }: { rows: ImportErrorRow[]; referenceLabel: string; empty: ReactNode; footer?: ReactNode }) {
  const columns: ColumnDef<ImportErrorRow, unknown>[] = [
    { id: "line", header: "Line", meta: { className: "w-16 text-right" }, cell: ({ row }) => <span data-testid="error-line">{row.original.line}</span> },
    {
      id: "reference",
      header: referenceLabel,
      cell: ({ row }) => (row.original.reference ? <span className="font-mono text-xs">{row.original.reference}</span> : <span className="text-slate-500">—</span>),
    },
    { id: "code", header: "Code", cell: ({ row }) => <code className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-800">{row.original.code}</code> },
    { id: "message", header: "Message", meta: { className: "min-w-80" }, cell: ({ row }) => <span className="text-slate-800">{row.original.message}</span> },
  ];
  return <DataTable columns={columns} data={rows} caption="Rows that could not be imported" empty={empty} getRowId={(r) => String(r.line)} footer={footer} />;
}
