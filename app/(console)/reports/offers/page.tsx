import { Columns2, Download, Gift } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { AsOf } from "@/components/reports/as-of";
import { CheckTheChoices } from "@/components/reports/check-choices";
import { BackLink } from "@/components/reports/offers/back-link";
import { periodError, ReportRangeForm } from "@/components/reports/range-form";
import { formatCost, formatOutcomeValue, formatRate, offerSortKey } from "@/components/reports/offers/present";
import { OfferReportTable, type OfferListRow, type SortLink } from "@/components/reports/offers/offer-report-table";
import { OfferListFilters } from "@/components/reports/offers/filters";
import { formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { sortAndPage } from "@/lib/reports/offers/compute";
import { loadOfferList } from "@/lib/reports/offers/list";
import { OFFER_SORTS } from "@/lib/reports/offers/params";
import { reportPrograms, type OfferReportRow } from "@/lib/reports/offers/queries";
import { shownRange } from "@/lib/reports/offers/params";
import { rollupStatus } from "@/lib/reports/refresh";
import { pageParams, param, type SearchParams } from "../../_lib/search-params";

export const metadata: Metadata = { title: "Offer performance" };

const PATH = "/reports/offers";

function listRow(r: OfferReportRow, query: string): OfferListRow {
  // A budget counts the offer's outcome units: points, minor units of the cashback currency, partner points.
  const first = r.outcomes[0];
  const money = (v: number) => (first ? formatOutcomeValue(v, first) : r.outcomeType === "reward_points" ? `${formatPoints(v)} pts` : formatPoints(v));
  return {
    key: r.key,
    name: r.name,
    href: `${PATH}/${r.key}${query}`,
    programCode: r.programCode,
    status: r.status,
    baseEarn: r.baseEarn,
    membersReached: r.membersReached,
    membersReachedInPeriod: r.membersReachedInPeriod,
    awards: r.totals.awards,
    values: r.outcomes.map((o) => formatOutcomeValue(o.net, o)),
    costs: r.outcomes.map((o) => formatCost(o.cost)),
    budget: r.budget === null ? null : money(r.budgetUsed),
    budgetLeft: r.budget === null ? null : money(r.budget - r.budgetUsed),
    states: { pending: r.totals.pendingCount, posted: r.totals.postedCount, failed: r.totals.failedCount, reversed: r.totals.reversedCount },
    failureRate: formatRate(r.totals),
  };
}

export default async function OfferPerformancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const params = await searchParams;
  const { page, pageSize } = pageParams(params);
  const db = getDb();
  const now = new Date();
  const raw = Object.fromEntries(["from", "to", "program", "status", "sort", "dir"].map((k) => [k, param(params, k, 40)]));
  const [load, { programs, timeZone }, status] = await Promise.all([loadOfferList(db, raw, now), reportPrograms(db), rollupStatus(db)]);
  const range = shownRange(load.range, now, timeZone);
  const filters = load.ok ? load.params : load.params;

  const header = (
    <div className="flex flex-col gap-3">
      <BackLink href="/reports">Reports</BackLink>
      <PageHeader
        title="Offer performance"
        description="Per offer: members reached, awards made in the period and where they stand now, their value and cost, and the budget. Base earn is each programme's earn rule outside any offer."
        actions={
          <Link href={hrefWith(`${PATH}/compare`, { from: range.from, to: range.to })} className={buttonVariants({ variant: "secondary" })}>
            <Columns2 aria-hidden="true" /> Compare two offers
          </Link>
        }
      />
      <AsOf status={status} />
    </div>
  );
  const form = (
    <ReportRangeForm action={PATH} range={range} showGrain={false} error={periodError(load.ok ? null : load.error)}>
      <OfferListFilters programs={programs} programId={filters?.programId ?? null} status={filters?.status ?? null} sort={filters?.sort} dir={filters?.direction} error={!load.ok && load.error.code !== "invalid_range" ? load.error : undefined} />
    </ReportRangeForm>
  );

  if (!load.ok) {
    return (
      <div className="flex flex-col gap-5">
        {header}
        {form}
        <CheckTheChoices startAgain={PATH}>{load.error.message}</CheckTheChoices>
      </div>
    );
  }

  const { params: p } = load;
  const kept = { from: load.range.from, to: load.range.to, program: p.programId ?? undefined, status: p.status ?? undefined, sort: p.sort === "awards" ? undefined : p.sort, dir: p.direction === (p.sort === "name" ? "asc" : "desc") ? undefined : p.direction };
  const { rows, total } = sortAndPage(load.rows, (r) => offerSortKey(r, p.sort), p.direction, page, pageSize);
  const sorts: Record<string, SortLink> = Object.fromEntries(
    OFFER_SORTS.map((s) => {
      const active = p.sort === s ? p.direction : null;
      const dir = active ? (active === "asc" ? "desc" : "asc") : s === "name" ? "asc" : "desc";
      return [s, { href: hrefWith(PATH, kept, { sort: s, dir, page: undefined }), active }];
    }),
  );
  const detailQuery = `?from=${load.range.from}&to=${load.range.to}`;
  const totalAwards = load.rows.reduce((s, r) => s + r.totals.awards, 0);

  return (
    <div className="flex flex-col gap-5">
      {header}
      {form}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-[13px] text-slate-700" data-testid="offers-summary">
          <span className="font-semibold text-slate-900">{formatPoints(totalAwards)}</span> {totalAwards === 1 ? "award" : "awards"} made from {load.range.from} to {load.range.to} across{" "}
          <span className="font-semibold text-slate-900">{formatPoints(total)}</span> {total === 1 ? "offer" : "offers"}.
        </p>
        {total > 0 && (
          <a href={hrefWith(`${PATH}/csv`, kept)} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
            <Download aria-hidden="true" /> Download CSV
          </a>
        )}
      </div>
      <OfferReportTable
        rows={rows.map((r) => listRow(r, detailQuery))}
        sorts={sorts}
        empty={
          <EmptyState icon={Gift} title={total > 0 ? "This page is empty" : "No offers match"}>
            {total > 0 ? "There are fewer offers than this page number implies." : "No offer matches the programme and status chosen. Clear the filters to see every offer."}
          </EmptyState>
        }
        footer={total > 0 ? <Pagination page={page} pageSize={pageSize} total={total} params={kept} noun={total === 1 ? "offer" : "offers"} /> : undefined}
      />
    </div>
  );
}
