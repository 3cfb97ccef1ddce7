import { Gauge } from "lucide-react";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { EmptyState } from "@/components/ui/empty-state";

export type TrackerRow = { key: string; metric: string; windowLabel: string; period: string; value: number; usedBy: string[] };

const METRICS: Record<string, { label: string; money: boolean }> = {
  transaction_amount: { label: "Spend", money: true },
  gross_bill_amount: { label: "Gross bill amount", money: true },
  line_item_count: { label: "Line items", money: false },
  line_item_quantity: { label: "Line-item quantity", money: false },
  line_item_price: { label: "Line-item price total", money: true },
  visits: { label: "Visits", money: false },
};

/** The member's trackers as they stand today, and the offers that read them. */
export function TrackersTable({ rows, currency }: { rows: TrackerRow[]; currency: string }) {
  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
        <EmptyState icon={Gauge} title="No trackers yet">
          Trackers add up spend, visits or line items for milestone offers; they appear once a transaction moves one.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-sm" data-testid="trackers">
        <caption className="sr-only">The member’s trackers today</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Tracks</th>
            <th scope="col" className="px-4 py-2 font-medium">Window</th>
            <th scope="col" className="px-4 py-2 font-medium">Period</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Value now</th>
            <th scope="col" className="px-4 py-2 font-medium">Read by</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((t) => {
            const metric = METRICS[t.metric] ?? { label: t.metric, money: false };
            return (
              <tr key={t.key}>
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">{metric.label}</th>
                <td className="px-4 py-2 text-slate-700">{t.windowLabel}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">{t.period}</td>
                <td className="px-4 py-2 text-right font-semibold tabular-nums text-slate-900">{metric.money ? formatMoney(t.value, currency) : formatPoints(t.value)}</td>
                <td className="px-4 py-2 text-slate-600">
                  {t.usedBy.length ? (
                    <ul className="flex flex-col gap-0.5">
                      {t.usedBy.map((name) => (
                        <li key={name}>{name}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-400">No live offer</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
