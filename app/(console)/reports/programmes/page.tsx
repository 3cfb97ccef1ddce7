import { Layers } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { AsOf } from "@/components/reports/as-of";
import { CheckTheChoices } from "@/components/reports/check-choices";
import { DashboardCharts } from "@/components/reports/points/dashboard-charts";
import { DashboardTiles } from "@/components/reports/points/dashboard-tiles";
import { ScopeSelect } from "@/components/reports/points/scope-select";
import { ReportRangeForm } from "@/components/reports/range-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { parseReportRange } from "@/lib/reports/range";
import { rollupStatus } from "@/lib/reports/refresh";
import { parseDashboardParams } from "@/lib/reports/points/params";
import { dashboardPrograms, pointsDashboard } from "@/lib/reports/points/queries";
import { param, type SearchParams } from "../../_lib/search-params";

export const metadata: Metadata = { title: "Programme dashboard" };

const PATH = "/reports/programmes";

export default async function ProgrammeDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const params = await searchParams;
  const db = getDb();
  const now = new Date();
  const [programs, status] = await Promise.all([dashboardPrograms(db), rollupStatus(db)]);
  const header = (
    <PageHeader
      title="Programme dashboard"
      description="Points issued, redeemed and expired, what members still hold and what it is worth, and how many members join and take part, for one programme or the whole group. Days are the programme's local days (the default programme's for the group)."
    />
  );

  if (programs.length === 0) {
    return (
      <div className="flex flex-col gap-5">
        {header}
        <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
          <EmptyState icon={Layers} title="No programmes yet">
            Once a programme is set up and its members earn points, its figures appear here.
          </EmptyState>
        </div>
      </div>
    );
  }

  const parsed = parseDashboardParams({ program: param(params, "program", 40), from: param(params, "from", 10), to: param(params, "to", 10), grain: param(params, "grain", 8) }, programs, now);
  const fallback = parseReportRange({}, { now, timeZone: parsed.timeZone });
  const range = parsed.ok ? parsed.range : fallback.ok ? fallback.range : { from: "", to: "", grain: "day" as const };
  const rangeError = !parsed.ok && parsed.field !== "program" ? { ok: false as const, field: parsed.field, message: parsed.message } : undefined;
  const form = (
    <ReportRangeForm action={PATH} range={range} error={rangeError}>
      <ScopeSelect programs={programs} value={parsed.scope} error={!parsed.ok && parsed.field === "program" ? parsed.message : undefined} />
    </ReportRangeForm>
  );

  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-5">
        {header}
        {form}
        <CheckTheChoices startAgain={PATH}>{parsed.message}</CheckTheChoices>
      </div>
    );
  }

  const dashboard = await pointsDashboard(db, { scope: parsed.scope, range: parsed.range, programs });
  const query = { program: parsed.scope, from: parsed.range.from, to: parsed.range.to, grain: parsed.range.grain };
  return (
    <div className="flex flex-col gap-5">
      {header}
      {form}
      <AsOf status={status} />
      <DashboardTiles dashboard={dashboard} />
      <DashboardCharts dashboard={dashboard} query={query} />
      <p className="text-xs text-slate-500">
        Breakage is the share of points issued (awards and credit adjustments) that expired: expired ÷ issued. Liability values outstanding points at each programme&apos;s point value, half-even to
        the currency&apos;s minor unit, per currency.{parsed.scope === "group" && " Group points are the programmes' points added up."}
      </p>
    </div>
  );
}
