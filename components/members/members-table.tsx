"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";

export type MemberRow = {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  programmes: number;
  createdAt: Date;
};

const none = <span className="text-slate-400">—</span>;

const columns: ColumnDef<MemberRow, unknown>[] = [
  {
    id: "externalId",
    header: "External id",
    cell: ({ row: { original: m } }) => (
      <Link href={`/members/${m.id}`} className="font-mono font-medium whitespace-nowrap text-indigo-700 hover:underline" data-testid="member-link">
        {m.externalId}
      </Link>
    ),
  },
  { id: "name", header: "Name", cell: ({ row }) => row.original.name ?? none },
  { id: "email", header: "Email", cell: ({ row }) => row.original.email ?? none },
  { id: "phone", header: "Phone", cell: ({ row }) => (row.original.phone ? <span className="whitespace-nowrap">{row.original.phone}</span> : none) },
  { id: "programmes", header: "Programmes", meta: { className: "text-right" }, cell: ({ row }) => row.original.programmes },
  { id: "enrolled", header: "Enrolled", cell: ({ row }) => <DateTime value={row.original.createdAt} format="date" /> },
];

export function MembersTable({ rows, empty, footer }: { rows: MemberRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Members" empty={empty} footer={footer} getRowId={(m) => m.id} />;
}
