import { Columns2, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { AsOf } from "@/components/reports/as-of";
import { BackLink } from "@/components/reports/offers/back-link";
import { ReportChart } from "@/components/reports/report-chart";
import { periodError, ReportRangeForm } from "@/components/reports/range-form";
import { StatTile } from "@/components/reports/stat-tile";
import { OutcomeTable } from "@/components/reports/offers/outcome-table";
import { awardChartRows, formatCost, formatOutcomeValue, formatRate, stateChartRows, STATE_SERIES } from "@/components/reports/offers/present";
import { formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { loadOfferDetail } from "@/lib/reports/offers/list";
import { findOfferSubject } from "@/lib/reports/offers/queries";
import { shownRange } from "@/lib/reports/offers/params";
import { rollupStatus } from "@/lib/reports/refresh";
import { param, type SearchParams } from "../../../_lib/search-params";

type Params = Promise<{ offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("reports:read");
  const subject = await findOfferSubject(getDb(), (await params).offerId);
  return { title: subject ? `${subject.name} — performance` : "Offer performance" };
}

const GRAIN_NOUN = { day: "day", week: "week", month: "month" } as const;

export default async function OfferPerformanceDetailPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const { offerId } = await params;
  const sp = await searchParams;
  const db = getDb();
  const now = new Date();
  const raw = { from: param(sp, "from", 20), to: param(sp, "to", 20), grain: param(sp, "grain", 10) };
  const [load, status] = await Promise.all([loadOfferDetail(db, offerId, raw, now), rollupStatus(db)]);
  if (!load.subject) notFound();
  const subject = load.subject;
  const path = `/reports/offers/${subject.key}`;
  const range = shownRange(load.range, now, subject.timeZone);
  const kept = { from: range.from, to: range.to, grain: range.grain === "day" ? undefined : range.grain };
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const header = (
    <div className="flex flex-col gap-3">
      <BackLink href={hrefWith("/reports/offers", { from: range.from, to: range.to })}>Offer performance</BackLink>
      <PageHeader
        title={subject.name}
        description={`${subject.programName} (${subject.programCode}) · ${subject.baseEarn ? "the programme's earn rule outside any offer" : subject.status} · days in ${subject.timeZone}`}
        actions={
          <>
            {!subject.baseEarn && (
              <Link href={`/offers/${subject.key}`} className={buttonVariants({ variant: "ghost" })}>
                Offer set-up
              </Link>
            )}
            <Link href={hrefWith("/reports/offers/compare", { a: subject.key, from: range.from, to: range.to })} className={buttonVariants({ variant: "secondary" })}>
              <Columns2 aria-hidden="true" /> Compare with another offer
            </Link>
          </>
        }
      />
      <AsOf status={status} />
    </div>
  );
  const form = <ReportRangeForm action={path} range={range} error={periodError(load.ok ? null : load.error)} />;
  if (!load.ok) {
    return (
      <div className="flex flex-col gap-5">
        {header}
        {form}
      </div>
    );
  }

  const { report } = load;
  const t = report.totals;
  const first = report.outcomes[0];
  const budgetText = (v: number) => (first ? formatOutcomeValue(v, first) : formatPoints(v));
  const noun = GRAIN_NOUN[range.grain];

  return (
    <div className="flex flex-col gap-5">
      {header}
      {form}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <StatTile label="Members reached" value={formatPoints(report.membersReached)} detail={`${formatPoints(report.membersReachedInPeriod)} reached for the first time in the period`} testId="tile-members" />
        <StatTile label="Awards in the period" value={formatPoints(t.awards)} detail={`${formatPoints(t.postedCount)} posted, ${formatPoints(t.pendingCount)} pending`} testId="tile-awards" />
        <StatTile label="Net value" value={report.outcomes.length ? report.outcomes.map((o) => formatOutcomeValue(o.net, o)).join(" + ") : "—"} detail={`Cost ${report.outcomes.length ? report.outcomes.map((o) => formatCost(o.cost)).join(" + ") : "—"}`} testId="tile-net" />
        <StatTile
          label="Budget used"
          value={subject.budget === null ? "No budget" : budgetText(subject.budgetUsed)}
          detail={subject.budget === null ? (subject.baseEarn ? "Base earn has no budget" : "The offer is not capped") : `${budgetText(subject.budget - subject.budgetUsed)} left of ${budgetText(subject.budget)} (now)`}
          testId="tile-budget"
        />
        <StatTile label="Failure rate" value={formatRate(t)} detail={`${formatPoints(t.failedCount)} failed of ${formatPoints(t.failedCount + t.postedCount)} settled`} testId="tile-failure" />
      </div>
      <div className="flex flex-col gap-5">
        <ReportChart
          title={`Awards per ${noun}`}
          description={`Awards made each ${noun}, and members the offer reached for the first time.`}
          kind="bar"
          rows={awardChartRows(report, range)}
          series={[
            { key: "awards", label: "Awards" },
            { key: "reached", label: "Members first reached" },
          ]}
          actions={
            <a href={hrefWith(`${path}/csv`, kept)} className={secondary} download>
              <Download aria-hidden="true" /> CSV
            </a>
          }
        />
        <ReportChart
          title="Where the awards stand"
          description={`The awards of each ${noun} by their state now.`}
          kind="bar"
          stacked
          rows={stateChartRows(report.days, range)}
          series={STATE_SERIES}
          actions={
            <a href={hrefWith(`${path}/csv`, kept, { table: "states" })} className={secondary} download>
              <Download aria-hidden="true" /> CSV
            </a>
          }
        />
      </div>
      <OutcomeTable
        lines={report.outcomes}
        actions={
          <a href={hrefWith(`${path}/csv`, kept, { table: "outcomes" })} className={secondary} download>
            <Download aria-hidden="true" /> CSV
          </a>
        }
      />
    </div>
  );
}
