"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatBytes, IMPORT_KIND_PATHS, type ImportKindName } from "@/lib/imports/format";
import { formatCount, ImportProgressBar, ImportStatusBadge } from "./status";

/** One import of the list (lib/imports/queries listImports). */
export type ImportListRow = {
  id: string;
  kind: ImportKindName;
  fileName: string;
  fileSize: number;
  status: string;
  totalRows: number;
  processedRows: number;
  okRows: number;
  errorRows: number;
  createdAt: Date;
  createdBy: { name: string; email: string };
};

const columns: ColumnDef<ImportListRow, unknown>[] = [
  {
    id: "file",
    header: "File",
    cell: ({ row: { original: r } }) => (
      <div className="flex min-w-0 flex-col">
        <Link
          href={`${IMPORT_KIND_PATHS[r.kind]}/${r.id}`}
          className="max-w-72 truncate font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          data-testid="import-link"
          title={r.fileName}
        >
          {r.fileName}
        </Link>
        <span className="text-xs text-slate-500">
          {formatBytes(r.fileSize)} · {formatCount(r.totalRows)} {r.totalRows === 1 ? "row" : "rows"}
        </span>
      </div>
    ),
  },
  {
    id: "by",
    header: "Uploaded by",
    cell: ({ row: { original: r } }) => (
      <span className="flex flex-col leading-tight">
        <span>{r.createdBy.name}</span>
        <span className="text-xs text-slate-500">{r.createdBy.email}</span>
      </span>
    ),
  },
  { id: "when", header: "Uploaded", cell: ({ row }) => <DateTime value={row.original.createdAt} format="relative" /> },
  { id: "status", header: "Status", cell: ({ row: { original: r } }) => <ImportStatusBadge status={r.status} errorRows={r.errorRows} /> },
  {
    id: "progress",
    header: "Progress",
    meta: { className: "w-56" },
    cell: ({ row: { original: r } }) => (
      <div className="flex flex-col gap-1">
        <ImportProgressBar total={r.totalRows} ok={r.okRows} errors={r.errorRows} label={`Progress of ${r.fileName}`} />
        <span className="text-xs text-slate-500 tabular-nums">
          {formatCount(r.processedRows)} of {formatCount(r.totalRows)}
        </span>
      </div>
    ),
  },
  { id: "ok", header: "Imported", meta: { className: "text-right" }, cell: ({ row }) => formatCount(row.original.okRows) },
  {
    id: "errors",
    header: "Errors",
    meta: { className: "text-right" },
    cell: ({ row: { original: r } }) =>
      r.errorRows > 0 ? (
        <Link href={`${IMPORT_KIND_PATHS[r.kind]}/${r.id}#errors`} className="font-medium text-red-700 hover:underline">
          {formatCount(r.errorRows)}
        </Link>
      ) : (
        <span className="text-slate-500">0</span>
      ),
  },
];

export function ImportsTable({ rows, empty, footer }: { rows: ImportListRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Transaction imports" empty={empty} getRowId={(r) => r.id} footer={footer} />;
}
