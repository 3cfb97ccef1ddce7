"use client";

import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import type { BlockDebitRow } from "@/lib/partners/queries";

const columns: ColumnDef<BlockDebitRow, unknown>[] = [
  { id: "at", header: "When", cell: ({ row }) => <DateTime value={row.original.at} withSeconds /> },
  {
    id: "what",
    header: "For",
    cell: ({ row: { original: d } }) =>
      d.partnerTransactionId ? (
        <span>
          Partner transaction <span className="font-mono text-xs">{d.transactionExternalId}</span>
        </span>
      ) : d.fulfilmentId ? (
        <span>
          Partner points fulfilment <span className="font-mono text-xs">{d.fulfilmentId.slice(0, 8)}</span>
        </span>
      ) : (
        <span className="text-slate-500">—</span>
      ),
  },
  {
    id: "points",
    header: "Points",
    meta: { className: "text-right" },
    cell: ({ row: { original: d } }) => (
      <span className={d.points < 0 ? "text-emerald-700" : "text-slate-900"} data-testid="debit-points">
        {d.points < 0 ? `+${formatPoints(-d.points)} returned` : `−${formatPoints(d.points)}`}
      </span>
    ),
  },
];

export function BlockDebitsTable({ rows, empty, footer }: { rows: BlockDebitRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Uses of the block" empty={empty} getRowId={(d) => String(d.id)} footer={footer} />;
}
