import type { ReactNode } from "react";
import { formatPoints } from "@/components/programs/format";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OutcomeLine } from "@/lib/reports/offers/queries";
import { formatCost, formatOutcomeValue } from "./present";

const OUTCOME_NAMES: Record<string, string> = { reward_points: "Reward points", cashback: "Cashback", voucher: "Vouchers", partner_points: "Partner points" };

/** Awards of the period per outcome: count and value in each state, what refunds took back, net value and cost. */
export function OutcomeTable({ lines, actions, title = "Value and cost by outcome" }: { lines: OutcomeLine[]; actions?: ReactNode; title?: string }) {
  const cell = "px-3 py-2 text-right whitespace-nowrap tabular-nums";
  const both = (count: number, value: number, line: OutcomeLine) => (
    <>
      {formatPoints(count)}
      <div className="text-xs text-slate-500">{formatOutcomeValue(value, line)}</div>
    </>
  );
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle>{title}</CardTitle>
          <CardDescription>Awards made in the period, by where they stand now. Net value is pending and posted less what refunds took back; cost prices it where the set-up gives a price.</CardDescription>
        </div>
        {actions}
      </CardHeader>
      <div className="overflow-x-auto px-5 pb-5">
        <table className="w-full text-[13px]">
          <caption className="sr-only">{title}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              {["Outcome", "Awards", "Pending", "Posted", "Failed", "Reversed", "Taken back", "Net value", "Cost"].map((h, i) => (
                <th key={h} scope="col" className={i === 0 ? "px-3 py-2 text-left font-medium" : "px-3 py-2 text-right font-medium"}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 text-slate-900">
            {lines.length === 0 ? (
              <tr>
                <td colSpan={9} className="px-3 py-6 text-center text-slate-500">
                  No awards in this period.
                </td>
              </tr>
            ) : (
              lines.map((l) => (
                <tr key={`${l.outcomeType}:${l.unit}`} className="align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {OUTCOME_NAMES[l.outcomeType] ?? l.outcomeType}
                    <div className="text-xs text-slate-500">{l.unitLabel}</div>
                  </th>
                  <td className={cell}>{both(l.totals.awards, l.totals.value, l)}</td>
                  <td className={cell}>{both(l.totals.pendingCount, l.totals.pendingValue, l)}</td>
                  <td className={cell}>{both(l.totals.postedCount, l.totals.postedValue, l)}</td>
                  <td className={cell}>{both(l.totals.failedCount, l.totals.failedValue, l)}</td>
                  <td className={cell}>{both(l.totals.reversedCount, l.totals.reversedValue, l)}</td>
                  <td className={cell}>{formatOutcomeValue(l.totals.takenBack, l)}</td>
                  <td className={`${cell} font-medium`}>{formatOutcomeValue(l.net, l)}</td>
                  <td className={`${cell} font-medium`}>{formatCost(l.cost)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
