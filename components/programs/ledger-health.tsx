import { CircleAlert, CircleCheck } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import type { IntegrityReport, ProgramOutstanding } from "@/lib/ledger/health";
import { formatMoney, formatPoints, pointValue, sumBig } from "./format";

const MISMATCHES: { key: keyof Pick<IntegrityReport, "unbalancedEntries" | "balanceMismatches" | "lotMismatches" | "lotMovementMismatches" | "orphanRows">; label: string }[] = [
  { key: "unbalancedEntries", label: "journal entries whose postings do not sum to zero" },
  { key: "balanceMismatches", label: "member balances that differ from the sum of their postings" },
  { key: "lotMismatches", label: "member balances that differ from the points left in their lots" },
  { key: "lotMovementMismatches", label: "lots whose points left differ from their movements" },
  { key: "orphanRows", label: "postings, lots or fulfilment history without the entry, member or fulfilment they belong to" },
];

/** The result of the ledger's invariant check: green when balanced, red with each kind of mismatch. */
export function IntegrityCard({ report }: { report: IntegrityReport }) {
  const Icon = report.ok ? CircleCheck : CircleAlert;
  return (
    <section
      aria-labelledby="integrity-heading"
      data-testid="ledger-integrity"
      data-ok={report.ok}
      className={cn("flex gap-3 rounded-lg border px-5 py-4", report.ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50")}
    >
      <Icon className={cn("mt-0.5 size-5 shrink-0", report.ok ? "text-emerald-600" : "text-red-600")} aria-hidden="true" />
      <div className="min-w-0 text-[13px]">
        <h2 id="integrity-heading" className={cn("text-sm font-semibold", report.ok ? "text-emerald-900" : "text-red-900")}>
          {report.ok ? "Ledger balanced" : "Ledger out of balance"}
        </h2>
        <p className={cn("mt-0.5", report.ok ? "text-emerald-800" : "text-red-800")}>
          {formatPoints(report.entriesChecked)} journal {report.entriesChecked === 1 ? "entry" : "entries"} checked at{" "}
          <DateTime value={report.checkedAt} withSeconds />.{" "}
          {report.ok
            ? "Every entry sums to zero, and every balance matches its postings and its lots."
            : "Nothing is corrected automatically: investigate each mismatch and post reversing entries."}
        </p>
        {!report.ok && (
          <ul className="mt-2 flex flex-col gap-0.5 text-red-900">
            {MISMATCHES.map(({ key, label }) => (
              <li key={key} className={cn("tabular-nums", report[key] === 0 && "text-red-800/60")}>
                <span className="font-semibold">{formatPoints(report[key])}</span> {label}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The total liability per currency, then outstanding points and liability per programme. */
export function OutstandingCard({ rows }: { rows: ProgramOutstanding[] }) {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const totals = currencies.map((currency) => {
    const of = rows.filter((r) => r.currency === currency);
    return { currency, programmes: of.length, points: sumBig(of.map((r) => r.outstandingPoints)), liability: sumBig(of.map((r) => r.liabilityMinor)) };
  });
  const th = "px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Outstanding points and liability</CardTitle>
        <CardDescription>Members’ current balances, valued at each programme’s point value. Amounts in different currencies are never added together.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="liability-totals">
          {totals.map((t) => (
            <div key={t.currency} className="rounded-md border border-slate-200 px-4 py-3">
              <dt className="text-xs text-slate-500">
                Total liability in {t.currency} · {t.programmes} {t.programmes === 1 ? "programme" : "programmes"}
              </dt>
              <dd className="mt-1 text-lg font-semibold text-slate-900 tabular-nums">{formatMoney(t.liability, t.currency)}</dd>
              <dd className="text-xs text-slate-600 tabular-nums">{formatPoints(t.points)} outstanding points</dd>
            </div>
          ))}
        </dl>
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full border-collapse text-left text-[13px] tabular-nums">
            <caption className="sr-only">Outstanding points per programme</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={th}>Programme</th>
                <th scope="col" className={th}>Point value</th>
                <th scope="col" className={cn(th, "text-right")}>Members</th>
                <th scope="col" className={cn(th, "text-right")}>Outstanding points</th>
                <th scope="col" className={cn(th, "text-right")}>Liability</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.programId}>
                  <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                    {r.name} <span className="font-mono text-xs font-normal text-slate-500">{r.code}</span>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700">{pointValue(r.pointsToCurrency, r.currency)}</td>
                  <td className="px-3 py-2 text-right text-slate-800">{formatPoints(r.members)}</td>
                  <td className="px-3 py-2 text-right text-slate-800">{formatPoints(r.outstandingPoints)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap text-slate-800">{formatMoney(r.liabilityMinor, r.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}
