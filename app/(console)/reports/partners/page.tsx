import { Download, Handshake } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { FUNDING_LABELS } from "@/components/partners/labels";
import { formatPoints } from "@/components/programs/format";
import { AsOf } from "@/components/reports/as-of";
import { BackLink } from "@/components/reports/offers/back-link";
import { ReportChart } from "@/components/reports/report-chart";
import { ReportRangeForm } from "@/components/reports/range-form";
import { STATE_SERIES } from "@/components/reports/offers/present";
import { PartnerCreditTable } from "@/components/reports/partners/partner-credit-table";
import { partnerChartRows } from "@/components/reports/partners/present";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { addTotals, emptyTotals, failureRate } from "@/lib/reports/offers/compute";
import { readRange } from "@/lib/reports/offers/params";
import { reportPrograms } from "@/lib/reports/offers/queries";
import { partnerCreditRows } from "@/lib/reports/partners/queries";
import { shownRange } from "@/lib/reports/offers/params";
import { rollupStatus } from "@/lib/reports/refresh";
import { pageParams, param, type SearchParams } from "../../_lib/search-params";

export const metadata: Metadata = { title: "Partner reports" };

const PATH = "/reports/partners";

export default async function PartnerReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const sp = await searchParams;
  const { page, pageSize } = pageParams(sp);
  const db = getDb();
  const now = new Date();
  const [{ timeZone }, status] = await Promise.all([reportPrograms(db), rollupStatus(db)]);
  const parsed = readRange({ from: param(sp, "from", 20), to: param(sp, "to", 20), grain: "month" }, now, timeZone);
  const range = shownRange(parsed.ok ? parsed.range : null, now, timeZone);
  const rows = parsed.ok ? await partnerCreditRows(db, range) : [];
  const kept = { from: range.from, to: range.to };
  const credits = rows.reduce((t, r) => addTotals(t, r.totals), emptyTotals());
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <BackLink href="/reports">Reports</BackLink>
        <PageHeader
          title="Partner reports"
          description="Partner points credited to members' partner accounts, per partner: credits made in the period by where they stand now, and the failure rate (failed ÷ posted and failed). Open a partner for its credits over time, its point blocks and its statements."
        />
        <AsOf status={status} />
      </div>
      <ReportRangeForm action={PATH} range={range} showGrain={false} error={parsed.ok ? undefined : { ok: false, field: parsed.error.field as "from", message: parsed.error.message }} />
      {parsed.ok && (
        <>
          <ReportChart
            title="Partner points credited, by state"
            description="Points of the credits made in the period, per partner, by their state now."
            kind="categories"
            stacked
            firstColumn="Partner"
            rows={partnerChartRows(rows)}
            series={STATE_SERIES}
            emptyMessage="No partner points were credited in this period."
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-[13px] text-slate-700" data-testid="partners-summary">
              <span className="font-semibold text-slate-900">{formatPoints(credits.awards)}</span> {credits.awards === 1 ? "credit" : "credits"} of partner points made from {range.from} to {range.to}; failure rate{" "}
              <span className="font-semibold text-slate-900">{failureRate(credits.failedCount, credits.postedCount)?.percent ?? "—"}</span> across all partners.
            </p>
            {rows.length > 0 && (
              <a href={hrefWith(`${PATH}/csv`, kept)} className={secondary} download>
                <Download aria-hidden="true" /> Download CSV
              </a>
            )}
          </div>
          <PartnerCreditTable
            rows={shown.map((r) => ({
              id: r.id,
              name: r.name,
              code: r.code,
              href: hrefWith(`${PATH}/${r.id}`, kept),
              currencyName: r.currencyName,
              funding: FUNDING_LABELS[r.fundingMode] ?? r.fundingMode,
              credits: r.totals.awards,
              states: {
                pending: { count: r.totals.pendingCount, points: r.totals.pendingValue },
                posted: { count: r.totals.postedCount, points: r.totals.postedValue },
                failed: { count: r.totals.failedCount, points: r.totals.failedValue },
                reversed: { count: r.totals.reversedCount, points: r.totals.reversedValue },
              },
              failureRate: r.failureRate?.percent ?? "—",
            }))}
            empty={
              <EmptyState icon={Handshake} title={rows.length > 0 ? "This page is empty" : "No partners yet"}>
                {rows.length > 0 ? "There are fewer partners than this page number implies." : "Partners set up under Partners appear here with the points credited to their members."}
              </EmptyState>
            }
            footer={rows.length > 0 ? <Pagination page={page} pageSize={pageSize} total={rows.length} params={kept} noun={rows.length === 1 ? "partner" : "partners"} /> : undefined}
          />
        </>
      )}
    </div>
  );
}
