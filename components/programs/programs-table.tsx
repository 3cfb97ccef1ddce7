"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { formatMoney, formatPoints, pointValue } from "./format";

/** One programme with its outstanding points (lib/ledger/health.ts outstandingByProgram). */
export type ProgramListRow = {
  programId: string;
  code: string;
  name: string;
  isDefault: boolean;
  currency: string;
  pointsToCurrency: string;
  members: number;
  outstandingPoints: number;
  liabilityMinor: number;
};

const numeric = { className: "text-right" };

const columns: ColumnDef<ProgramListRow, unknown>[] = [
  {
    id: "programme",
    header: "Programme",
    cell: ({ row: { original: p } }) => (
      <div className="leading-tight">
        <div className="flex items-center gap-1.5 whitespace-nowrap">
          <Link
            href={`/programs/${p.programId}`}
            className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            data-testid="program-link"
          >
            {p.name}
          </Link>
          {p.isDefault && (
            <Badge tone="accent" title="The default (group) programme: group redemptions use its rules and ratio">
              Default
            </Badge>
          )}
        </div>
        <div className="mt-0.5 font-mono text-xs text-slate-500">{p.code}</div>
      </div>
    ),
  },
  { id: "value", header: "Point value", cell: ({ row }) => <span className="whitespace-nowrap">{pointValue(row.original.pointsToCurrency, row.original.currency)}</span> },
  { id: "members", header: "Members", meta: numeric, cell: ({ row }) => formatPoints(row.original.members) },
  { id: "outstanding", header: "Outstanding points", meta: numeric, cell: ({ row }) => formatPoints(row.original.outstandingPoints) },
  {
    id: "liability",
    header: "Liability",
    meta: numeric,
    cell: ({ row }) => <span className="whitespace-nowrap">{formatMoney(row.original.liabilityMinor, row.original.currency)}</span>,
  },
];

export function ProgramsTable({ rows, empty }: { rows: ProgramListRow[]; empty: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Programmes" empty={empty} getRowId={(p) => p.programId} />;
}
