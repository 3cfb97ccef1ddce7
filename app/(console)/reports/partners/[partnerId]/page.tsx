import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { FUNDING_LABELS } from "@/components/partners/labels";
import { formatPoints } from "@/components/programs/format";
import { AsOf } from "@/components/reports/as-of";
import { BackLink } from "@/components/reports/offers/back-link";
import { ReportChart } from "@/components/reports/report-chart";
import { periodError, ReportRangeForm } from "@/components/reports/range-form";
import { StatTile } from "@/components/reports/stat-tile";
import { STATE_SERIES } from "@/components/reports/offers/present";
import { BlockTable } from "@/components/reports/partners/block-table";
import { blockChartRows, blockTotalsSeries, creditChartRows } from "@/components/reports/partners/present";
import { StatementList } from "@/components/reports/partners/statement-list";
import { buttonVariants } from "@/components/ui/button";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { addTotals, emptyTotals, failureRate } from "@/lib/reports/offers/compute";
import { reportPrograms } from "@/lib/reports/offers/queries";
import { loadPartnerDetail } from "@/lib/reports/partners/load";
import { findPartnerSubject, partnerStatementPage } from "@/lib/reports/partners/queries";
import { shownRange } from "@/lib/reports/offers/params";
import { rollupStatus } from "@/lib/reports/refresh";
import { pageParams, param, type SearchParams } from "../../../_lib/search-params";

type Params = Promise<{ partnerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("reports:read");
  const partner = await findPartnerSubject(getDb(), (await params).partnerId);
  return { title: partner ? `${partner.name} — partner report` : "Partner report" };
}

export default async function PartnerReportPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const { partnerId } = await params;
  const sp = await searchParams;
  const { page, pageSize } = pageParams(sp);
  const db = getDb();
  const now = new Date();
  const raw = { from: param(sp, "from", 20), to: param(sp, "to", 20), grain: param(sp, "grain", 10) };
  const [load, status, { timeZone }] = await Promise.all([loadPartnerDetail(db, partnerId, raw, now), rollupStatus(db), reportPrograms(db)]);
  if (!load.partner) notFound();
  const partner = load.partner;
  const path = `/reports/partners/${partner.id}`;
  const range = shownRange(load.range, now, timeZone);
  const kept = { from: range.from, to: range.to, grain: range.grain === "day" ? undefined : range.grain };
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });
  const statements = partner.fundingMode === "postpaid" ? await partnerStatementPage(db, partner.id, { page, pageSize }) : null;

  const header = (
    <div className="flex flex-col gap-3">
      <BackLink href={hrefWith("/reports/partners", { from: range.from, to: range.to })}>Partner reports</BackLink>
      <PageHeader
        title={partner.name}
        description={`${partner.code} · ${partner.currencyName} (${partner.currencyCode}) · ${FUNDING_LABELS[partner.fundingMode] ?? partner.fundingMode}`}
        actions={
          <Link href={`/partners/${partner.id}`} className={buttonVariants({ variant: "ghost" })}>
            Partner set-up
          </Link>
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

  const totals = load.days.reduce((t, d) => addTotals(t, d), emptyTotals());
  const rate = failureRate(totals.failedCount, totals.postedCount);
  const usage = blockTotalsSeries(load.blocks, range);
  const end = usage.at(-1);

  return (
    <div className="flex flex-col gap-5">
      {header}
      {form}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <StatTile label="Credits in the period" value={formatPoints(totals.awards)} detail={`${formatPoints(totals.value)} ${partner.currencyName}`} testId="tile-credits" />
        <StatTile label="Posted" value={formatPoints(totals.postedValue)} detail={`${formatPoints(totals.postedCount)} credits at the partner`} />
        <StatTile label="Pending" value={formatPoints(totals.pendingValue)} detail={`${formatPoints(totals.pendingCount)} credits on their way`} />
        <StatTile label="Failure rate" value={rate?.percent ?? "—"} detail={`${formatPoints(totals.failedCount)} failed of ${formatPoints(rate?.settled ?? 0)} settled`} testId="tile-failure" />
        <StatTile
          label="Block points remaining"
          value={load.blocks.length ? formatPoints(end?.remaining ?? 0) : "No blocks"}
          detail={load.blocks.length ? `at the end of ${range.to}, of ${formatPoints(load.blocks.reduce((s, b) => s + b.points, 0))} in ${load.blocks.length} ${load.blocks.length === 1 ? "block" : "blocks"}` : "Prepaid points appear once a block is recorded"}
        />
      </div>
      <ReportChart
        title="Partner points credited, by state"
        description={`Points of the credits made each ${range.grain}, by where they stand now.`}
        kind="bar"
        stacked
        rows={creditChartRows(load.days, range)}
        series={STATE_SERIES}
        actions={
          <a href={hrefWith(`${path}/csv`, kept)} className={secondary} download>
            <Download aria-hidden="true" /> CSV
          </a>
        }
      />
      {(load.blocks.length > 0 || partner.fundingMode === "prepaid") && (
      <ReportChart
        title="Point block usage"
        description={`Points the partner's blocks had given (net of points given back) and had left, at the end of each ${range.grain}.`}
        kind="line"
        rows={blockChartRows(load.blocks, range)}
        series={[
          { key: "used", label: "Used", color: "#4f46e5" },
          { key: "remaining", label: "Remaining", color: "#16a34a" },
        ]}
        emptyMessage="This partner has no point blocks."
        actions={
          <a href={hrefWith(`${path}/csv`, kept, { table: "blocks" })} className={secondary} download>
            <Download aria-hidden="true" /> CSV
          </a>
        }
      />
      )}
      {load.blocks.length > 0 && <BlockTable blocks={load.blocks} range={range} />}
      {statements && <StatementList partnerId={partner.id} statements={statements} page={page} pageSize={pageSize} params={kept} />}
    </div>
  );
}
