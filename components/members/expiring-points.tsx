import { CalendarClock } from "lucide-react";
import { formatPoints } from "@/components/programs/format";
import { EmptyState } from "@/components/ui/empty-state";

export type ExpiringRow = { programCode: string; within30: number; within60: number; within90: number };

/** Points that expire in the next 30, 60 and 90 days unless spent, per programme. */
export function ExpiringPoints({ rows }: { rows: ExpiringRow[] }) {
  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
        <EmptyState icon={CalendarClock} title="No points expire in the next 90 days" />
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-sm" data-testid="expiring-points">
        <caption className="sr-only">Points expiring in the next 30, 60 and 90 days, per programme</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Programme</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Within 30 days</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Within 60 days</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Within 90 days</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.programCode}>
              <th scope="row" className="px-4 py-2 text-left font-mono font-medium text-slate-900">{r.programCode}</th>
              <td className={`px-4 py-2 text-right ${r.within30 > 0 ? "font-semibold text-amber-700" : "text-slate-500"}`}>{formatPoints(r.within30)}</td>
              <td className="px-4 py-2 text-right text-slate-700">{formatPoints(r.within60)}</td>
              <td className="px-4 py-2 text-right text-slate-700">{formatPoints(r.within90)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
