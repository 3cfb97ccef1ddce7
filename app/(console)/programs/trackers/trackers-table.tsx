"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { TrackerUsage } from "@/lib/offers/trackers-usage";

const link = "text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";
const count = new Intl.NumberFormat("en-GB");

export type TrackerRow = Omit<TrackerUsage, "definition">;

const columns: ColumnDef<TrackerRow, unknown>[] = [
  {
    id: "tracker",
    header: "Tracker",
    meta: { className: "max-w-sm" },
    cell: ({ row: { original: t } }) => (
      <div className="flex flex-col gap-0.5 leading-tight">
        <span className="font-medium text-slate-900">{t.words.metric}</span>
        <span className="text-slate-600">{t.words.window}</span>
        {t.words.filters.length ? (
          t.words.filters.map((f) => (
            <span key={f} className="text-xs text-slate-500">
              {f}
            </span>
          ))
        ) : (
          <span className="text-xs text-slate-500">Every purchase counts.</span>
        )}
      </div>
    ),
  },
  {
    id: "offers",
    header: "Offers reading it",
    cell: ({ row: { original: t } }) =>
      t.offers.length === 0 ? (
        <span className="text-slate-500">None live</span>
      ) : (
        <ul className="flex flex-col gap-1">
          {t.offers.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-1.5">
              <Link href={`/offers/${o.id}`} className={link}>
                {o.name}
              </Link>
              <Badge tone={o.status === "active" ? "success" : "warning"}>{o.status === "active" ? "Live" : "Paused"}</Badge>
              <span className="text-xs text-slate-500">
                {o.programName} · v{o.version} · milestone {o.thresholdText}
              </span>
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: "tiers",
    header: "Tier rules reading it",
    cell: ({ row: { original: t } }) =>
      t.tiers.length === 0 ? (
        <span className="text-slate-500">None</span>
      ) : (
        <ul className="flex flex-col gap-1">
          {t.tiers.map((r) => (
            <li key={r.tierId}>
              {r.tierName} <span className="text-xs text-slate-500">({r.programName}): {r.rule}</span>
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: "members",
    header: "Members with a value now",
    meta: { className: "text-right tabular-nums" },
    cell: ({ row: { original: t } }) => (
      <div className="flex flex-col leading-tight">
        <span>{count.format(t.membersWithValue)}</span>
        <span className="text-xs text-slate-500">{t.period}</span>
      </div>
    ),
  },
];

export function TrackersTable({ rows, empty, footer }: { rows: TrackerRow[]; empty: ReactNode; footer?: ReactNode }) {
  return <DataTable columns={columns} data={rows} caption="Trackers in use" empty={empty} footer={footer} getRowId={(r) => r.key} />;
}
