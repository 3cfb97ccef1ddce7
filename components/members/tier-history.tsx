import { ArrowRight, Award } from "lucide-react";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import type { TierHistoryRow } from "@/lib/members/tier-history";

const th = "px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600";

/**
 * The member's tier changes, newest first: when, in which programme, from which tier to which, why
 * and by whom. Rows come from `listTierHistory(db, memberId)`.
 */
export function TierHistory({ rows }: { rows: readonly TierHistoryRow[] }) {
  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
        <EmptyState icon={Award} title="No tier history">
          The member has no tier recorded in any programme yet. Enrolment records the first tier; every later change appears here with why and by whom.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-[13px]" data-testid="tier-history">
          <caption className="sr-only">Tier changes, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className={th}>When</th>
              <th scope="col" className={th}>Programme</th>
              <th scope="col" className={th}>Tier</th>
              <th scope="col" className={th}>Reason</th>
              <th scope="col" className={th}>By</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50/70">
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">
                  <DateTime value={r.at} />
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  <span className="text-slate-900">{r.programName}</span> <span className="font-mono text-xs text-slate-500">{r.programCode}</span>
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  {r.fromTierName === null ? (
                    <span className="font-medium text-slate-900">{r.toTierName}</span>
                  ) : (
                    <span className="inline-flex items-center gap-1.5">
                      <span className="text-slate-600">{r.fromTierName}</span>
                      <ArrowRight className="size-3.5 text-slate-400" aria-label="to" />
                      <span className="font-medium text-slate-900">{r.toTierName}</span>
                    </span>
                  )}
                </td>
                <td className="min-w-[180px] px-3 py-2.5 text-slate-700">{r.reason}</td>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-600">{r.actorLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
