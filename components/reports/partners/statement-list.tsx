import { Download, FileText } from "lucide-react";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { StatementSummary } from "@/lib/reports/partners/queries";

/** A post-paid partner's statements, newest first, each with its CSV (the partner area's statement download). */
export function StatementList({
  partnerId,
  statements,
  page,
  pageSize,
  params,
}: {
  partnerId: string;
  statements: { rows: StatementSummary[]; total: number };
  page: number;
  pageSize: number;
  params: Record<string, string | undefined>;
}) {
  const cell = "px-3 py-2 text-right whitespace-nowrap tabular-nums";
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle>Post-paid statements</CardTitle>
          <CardDescription>Every closed billing cycle: the points billed and the amount due. Each statement downloads with its transactions.</CardDescription>
        </div>
        {statements.total > 0 && (
          <a href={`/reports/partners/${partnerId}/csv?table=statements`} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
            <Download aria-hidden="true" /> CSV
          </a>
        )}
      </CardHeader>
      {statements.total === 0 ? (
        <EmptyState icon={FileText} title="No statements yet">
          A statement is written when a partner manager closes a billing cycle (the partner&apos;s Billing tab).
        </EmptyState>
      ) : (
        <div className="overflow-x-auto px-5 pb-3">
          <table className="w-full text-[13px]">
            <caption className="sr-only">Post-paid statements</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                {["Statement", "Period", "Transactions", "Points billed", "Amount due", ""].map((h, i) => (
                  <th key={h || "csv"} scope="col" className={i < 2 ? "px-3 py-2 text-left font-medium" : "px-3 py-2 text-right font-medium"}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-900">
              {statements.rows.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    No. {s.number}
                  </th>
                  <td className="px-3 py-2 text-slate-700">
                    {s.periodFrom ? <DateTime value={s.periodFrom} format="date" /> : "Start"} – <DateTime value={s.periodTo} format="date" />
                  </td>
                  <td className={cell}>{formatPoints(s.transactionCount)}</td>
                  <td className={cell}>{formatPoints(s.points)}</td>
                  <td className={`${cell} font-medium`}>{formatMoney(s.amountDue, s.currency)}</td>
                  <td className={cell}>
                    <a href={`/partners/${partnerId}/statements/${s.id}/csv`} className="inline-flex items-center gap-1 text-indigo-700 hover:underline" download>
                      <Download className="size-3.5" aria-hidden="true" /> CSV
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pt-2">
            <Pagination page={page} pageSize={pageSize} total={statements.total} params={params} noun={statements.total === 1 ? "statement" : "statements"} />
          </div>
        </div>
      )}
    </Card>
  );
}
