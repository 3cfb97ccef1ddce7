"use client";

import type { ReactNode } from "react";
import type { FormAction } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { TierRulesDialog } from "./tier-rules-dialog";

export type TierListRow = {
  id: string;
  name: string;
  rank: number;
  isDefault: boolean;
  createdAt: Date;
  /** The rules in words (lib/tiers/describe.ts) and the rules dialog's starting values. */
  upgrade: string;
  downgrade: string;
  benefits: string[];
  values: Record<string, string>;
};

const muted = (text: string, plain: boolean) => <span className={plain ? "text-slate-500" : "text-slate-800"}>{text}</span>;

function columnsFor(edit: { currency: string; action: FormAction<undefined> } | undefined): ColumnDef<TierListRow, unknown>[] {
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
    { id: "upgrade", header: "Reached when", cell: ({ row: { original: t } }) => muted(t.isDefault ? "Every member starts here" : t.upgrade, t.isDefault || t.upgrade.startsWith("Assigned")) },
    { id: "downgrade", header: "Dropped when", cell: ({ row: { original: t } }) => muted(t.downgrade, t.isDefault || t.downgrade.startsWith("Kept")) },
    {
      id: "benefits",
      header: "Benefits",
      cell: ({ row: { original: t } }) =>
        t.benefits.length === 0 ? muted("None", true) : (
          <ul className="flex flex-col gap-0.5">
            {t.benefits.map((b) => <li key={b}>{b}</li>)}
          </ul>
        ),
    },
    { id: "created", header: "Added", meta: { className: "w-px whitespace-nowrap" }, cell: ({ row }) => <DateTime value={row.original.createdAt} format="date" /> },
  ];
  if (edit) {
    columns.push({
      id: "edit",
      header: () => <span className="sr-only">Edit</span>,
      meta: { className: "w-px text-right" },
      cell: ({ row: { original: t } }) => <TierRulesDialog tier={{ id: t.id, name: t.name, isDefault: t.isDefault, values: t.values }} currency={edit.currency} action={edit.action} />,
    });
  }
  return columns;
}

/** Tiers lowest first, as listTiers orders them by rank, with their rules; `edit` for a manager who may change them. */
export function TiersTable({ rows, empty, edit }: { rows: TierListRow[]; empty: ReactNode; edit?: { currency: string; action: FormAction<undefined> } }) {
  return <DataTable columns={columnsFor(edit)} data={rows} caption="Tiers, lowest rank first, with their rules" empty={empty} getRowId={(t) => t.id} />;
}
