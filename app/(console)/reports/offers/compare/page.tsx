import { Columns2, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { AsOf } from "@/components/reports/as-of";
import { BackLink } from "@/components/reports/offers/back-link";
import { ReportChart } from "@/components/reports/report-chart";
import { periodError, ReportRangeForm } from "@/components/reports/range-form";
import { compareChartRows, offerMetrics } from "@/components/reports/offers/present";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requirePagePermission } from "@/lib/auth/session";
import { loadComparison } from "@/lib/reports/offers/list";
import { offerChoices, reportPrograms } from "@/lib/reports/offers/queries";
import { shownRange } from "@/lib/reports/offers/params";
import { rollupStatus } from "@/lib/reports/refresh";
import { param, type SearchParams } from "../../../_lib/search-params";

export const metadata: Metadata = { title: "Compare offers" };

const PATH = "/reports/offers/compare";

export default async function CompareOffersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const sp = await searchParams;
  const db = getDb();
  const now = new Date();
  const raw = Object.fromEntries(["a", "b", "from", "to", "grain"].map((k) => [k, param(sp, k, 40)]));
  const [load, choices, { programs, timeZone }, status] = await Promise.all([loadComparison(db, raw, now), offerChoices(db), reportPrograms(db), rollupStatus(db)]);
  const range = shownRange(load.range, now, timeZone);
  const picked = load.ok ? { a: load.a?.subject.key ?? null, b: load.b?.subject.key ?? null } : { a: load.a, b: load.b };
  const error = load.ok ? undefined : load.error;
  const options = [...choices.map((c) => ({ id: c.id, label: `${c.name} (${c.programCode})` })), ...programs.map((p) => ({ id: p.id, label: `Base earn — ${p.name}` }))];

  const picker = (field: "a" | "b", label: string) => (
    <FormField label={label} className="min-w-60 flex-1" error={error && error.field === field ? error.message : undefined}>
      <Select name={field} defaultValue={picked[field] ?? ""}>
        <option value="">Choose an offer…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    </FormField>
  );

  const a = load.ok ? load.a : null;
  const b = load.ok ? load.b : null;
  const kept = { a: picked.a ?? undefined, b: picked.b ?? undefined, from: range.from, to: range.to, grain: range.grain === "day" ? undefined : range.grain };
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <BackLink href={hrefWith("/reports/offers", { from: range.from, to: range.to })}>Offer performance</BackLink>
        <PageHeader title="Compare offers" description="Two offers side by side over the same period: the same figures in two columns, and their awards over time on one chart." />
        <AsOf status={status} />
      </div>
      <ReportRangeForm action={PATH} range={range} error={periodError(error)}>
        {picker("a", "First offer")}
        {picker("b", "Second offer")}
      </ReportRangeForm>
      {!a || !b ? (
        <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
          <EmptyState icon={Columns2} title={error && error.code !== "invalid_range" ? "Check the choices above" : "Choose two offers"}>
            {error && error.code !== "invalid_range" ? error.message : "Pick the two offers to compare and press Show."}
          </EmptyState>
        </div>
      ) : (
        <>
          <Card>
            <CardHeader className="flex-row items-start justify-between gap-3">
              <div className="flex flex-col gap-1">
                <CardTitle>Side by side</CardTitle>
                <CardDescription>
                  Awards made from {range.from} to {range.to}, by where they stand now; members reached and budgets as of now.
                </CardDescription>
              </div>
              <a href={hrefWith(`${PATH}/csv`, kept)} className={secondary} download>
                <Download aria-hidden="true" /> CSV
              </a>
            </CardHeader>
            <div className="overflow-x-auto px-5 pb-5">
              <table className="w-full text-[13px]" data-testid="compare-table">
                <caption className="sr-only">The two offers side by side</caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-left font-medium">
                      Figure
                    </th>
                    {[a, b].map((r) => (
                      <th key={r.subject.key} scope="col" className="px-3 py-2 text-right font-medium">
                        <Link href={hrefWith(`/reports/offers/${r.subject.key}`, { from: range.from, to: range.to })} className="text-indigo-700 hover:underline">
                          {r.subject.name}
                        </Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 text-slate-900">
                  {offerMetrics(a).map((m, i) => (
                    <tr key={m.key}>
                      <th scope="row" className="px-3 py-2 text-left font-normal text-slate-700">
                        {m.label}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{m.text}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{offerMetrics(b)[i]!.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <ReportChart
            title={`Awards per ${range.grain}`}
            description="Both offers on one chart."
            kind="line"
            rows={compareChartRows(a, b, range)}
            series={[
              { key: "a", label: a.subject.name },
              { key: "b", label: b.subject.name, color: "#d97706" },
            ]}
            actions={
              <a href={hrefWith(`${PATH}/csv`, kept, { table: "awards" })} className={secondary} download>
                <Download aria-hidden="true" /> CSV
              </a>
            }
          />
        </>
      )}
    </div>
  );
}
