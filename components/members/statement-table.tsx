import { formatPoints } from "@/components/programs/format";
import { cn } from "@/components/ui/cn";
import { MOVEMENT_LABELS, type ProgramStatement, type StatementMovement } from "@/lib/members/statement";

const th = "px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600";
const num = "px-3 py-2 text-right whitespace-nowrap tabular-nums";

const TONE: Partial<Record<StatementMovement, string>> = {
  earned: "text-emerald-800",
  transferred_in: "text-emerald-800",
  redemption_reversed: "text-emerald-800",
  expired: "text-amber-800",
  taken_back: "text-amber-800",
  debt_repaid: "text-amber-800",
};

/**
 * One programme of a member's statement: the opening balance, the movements in date order with the
 * balance after each, the totals and the closing balance. Shows at most `limit` movements; the
 * caller says where the rest are (the downloads).
 */
export function StatementTable({ statement: p, fromLabel, toLabel, limit }: { statement: ProgramStatement; fromLabel: string; toLabel: string; limit: number }) {
  const when = new Intl.DateTimeFormat("en-GB", { timeZone: p.timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const shown = p.lines.slice(0, limit);
  const headingId = `statement-${p.programId}`;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs" data-testid="program-statement">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 border-b border-slate-200 px-4 py-3">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {p.programName} <span className="font-mono text-xs font-normal text-slate-500">{p.programCode}</span>
        </h3>
        <dl className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={`${p.programName} in short`}>
          <Figure label="Opening" value={formatPoints(p.opening)} />
          <Figure label="In" value={p.totalIn > 0n ? `+${formatPoints(p.totalIn)}` : "0"} />
          <Figure label="Out" value={p.totalOut > 0n ? `−${formatPoints(p.totalOut)}` : "0"} />
          <Figure label="Closing" value={formatPoints(p.closing)} strong />
          <span className="text-slate-500">Times in {p.timeZone}</span>
        </dl>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-[13px]">
          <caption className="sr-only">
            {p.programName}: opening balance, movements and closing balance from {fromLabel} to {toLabel}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className={th}>Date</th>
              <th scope="col" className={th}>Movement</th>
              <th scope="col" className={th}>Description</th>
              <th scope="col" className={cn(th, "text-right")}>Points in</th>
              <th scope="col" className={cn(th, "text-right")}>Points out</th>
              <th scope="col" className={cn(th, "text-right")}>Balance</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr className="bg-slate-50/40" data-testid="opening">
              <th scope="row" colSpan={5} className="px-3 py-2 font-medium text-slate-900">
                Opening balance on {fromLabel}
              </th>
              <td className={cn(num, "font-semibold text-slate-900")}>{formatPoints(p.opening)}</td>
            </tr>
            {shown.map((l) => (
              <tr key={l.entryId} className="hover:bg-slate-50/70">
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">{when.format(l.at)}</td>
                <td className={cn("px-3 py-2 whitespace-nowrap", TONE[l.movement] ?? "text-slate-800")}>{MOVEMENT_LABELS[l.movement]}</td>
                <td className="min-w-[220px] px-3 py-2 text-slate-700">{l.description}</td>
                <td className={cn(num, "text-slate-900")}>{l.pointsIn > 0n ? formatPoints(l.pointsIn) : ""}</td>
                <td className={cn(num, "text-slate-900")}>{l.pointsOut > 0n ? `−${formatPoints(l.pointsOut)}` : ""}</td>
                <td className={cn(num, "text-slate-700")}>{formatPoints(l.balance)}</td>
              </tr>
            ))}
            {p.lines.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-center text-slate-500">
                  No movements in this period: the balance did not change.
                </td>
              </tr>
            )}
            {p.lines.length > shown.length && (
              <tr>
                <td colSpan={6} className="bg-amber-50 px-3 py-2.5 text-amber-900" data-testid="statement-capped">
                  Showing the first {formatPoints(shown.length)} of {formatPoints(p.lines.length)} movements. Download the CSV or PDF for every movement; the totals and closing
                  balance below count all of them.
                </td>
              </tr>
            )}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50/60">
            <tr>
              <th scope="row" colSpan={3} className="px-3 py-2 text-left font-normal text-slate-600">
                Totals · {formatPoints(p.lines.length)} {p.lines.length === 1 ? "movement" : "movements"}
              </th>
              <td className={cn(num, "text-slate-900")}>{formatPoints(p.totalIn)}</td>
              <td className={cn(num, "text-slate-900")}>{p.totalOut > 0n ? `−${formatPoints(p.totalOut)}` : "0"}</td>
              <td />
            </tr>
            <tr data-testid="closing">
              <th scope="row" colSpan={5} className="px-3 py-2 text-left font-semibold text-slate-900">
                Closing balance on {toLabel}
              </th>
              <td className={cn(num, "font-semibold text-slate-900")}>{formatPoints(p.closing)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Figure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="flex items-baseline gap-1">
      <dt>{label}</dt>
      <dd className={cn("tabular-nums", strong ? "font-semibold text-slate-900" : "text-slate-800")}>{value}</dd>
    </div>
  );
}
