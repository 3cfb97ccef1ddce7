import { ArrowLeft, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { AsOf } from "@/components/reports/as-of";
import { ReportRangeForm } from "@/components/reports/range-form";
import { ReportChart } from "@/components/reports/report-chart";
import { StatTile } from "@/components/reports/stat-tile";
import { groupRows, trendRows } from "@/components/reports/spend/rows";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requirePagePermission } from "@/lib/auth/session";
import { rollupStatus } from "@/lib/reports/refresh";
import { spendReport, spendReportSetup } from "@/lib/reports/spend/report";
import { TOP_GROUPS } from "@/lib/reports/spend/queries";
import { param, type SearchParams } from "../../_lib/search-params";

export const metadata: Metadata = { title: "Spend by category and merchant" };

const PATH = "/reports/spend";

export default async function SpendReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const params = await searchParams;
  const db = getDb();
  const setup = await spendReportSetup(db, { from: param(params, "from", 12), to: param(params, "to", 12), grain: param(params, "grain", 8), currency: param(params, "currency", 3) }, new Date());
  const { range, currency } = setup;
  const [report, status] = await Promise.all([spendReport(db, range, currency), rollupStatus(db)]);
  const query = { from: range.from, to: range.to, grain: range.grain, currency };
  const csv = (by: string) => (
    <a href={hrefWith(`${PATH}/csv`, { ...query, by })} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
      <Download aria-hidden="true" /> CSV
    </a>
  );
  const money = (n: number) => formatMoney(n, currency);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/reports" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Reports
        </Link>
        <PageHeader
          title="Spend by category and merchant"
          description={`Card spend received, net of refunds, by spend category and merchant category code (MCC). Days are in the default programme's time zone (${setup.timeZone}).`}
        />
        <AsOf status={status} />
      </div>
      <ReportRangeForm action={PATH} range={range} error={setup.error}>
        <FormField label="Currency" className="w-28">
          <Select name="currency" defaultValue={currency}>
            {setup.currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </FormField>
      </ReportRangeForm>
      <div className="grid gap-3 sm:grid-cols-3">
        <StatTile label="Net spend" value={money(report.totals.amount)} detail="Purchases minus refunds" testId="spend-net" />
        <StatTile label="Purchases" value={formatPoints(report.totals.purchases)} detail="Transactions received" />
        <StatTile label="Refunds" value={formatPoints(report.totals.refunds)} detail="Refund transactions received" />
      </div>
      <ReportChart
        title="Net spend over time"
        description={`Per ${range.grain}, ${currency}.`}
        kind="line"
        rows={trendRows(report.trend, range.grain, currency)}
        series={[{ key: "amount", label: "Net spend" }]}
        actions={csv("trend")}
      />
      <div className="flex flex-col gap-5">
        <ReportChart
          title="By spend category"
          description={`Top ${TOP_GROUPS} by net spend; the rest as Other.`}
          kind="categories"
          firstColumn="Category"
          rows={groupRows("category", report.byCategory, currency)}
          series={[{ key: "amount", label: "Net spend" }]}
          actions={csv("category")}
        />
        <ReportChart
          title="By merchant category (MCC)"
          description={`Top ${TOP_GROUPS} by net spend; the rest as Other.`}
          kind="categories"
          firstColumn="MCC"
          rows={groupRows("mcc", report.byMcc, currency)}
          series={[{ key: "amount", label: "Net spend" }]}
          actions={csv("mcc")}
        />
      </div>
    </div>
  );
}
