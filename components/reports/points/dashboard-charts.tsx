import { Download } from "lucide-react";
import { formatPoints } from "@/components/programs/format";
import { ReportChart, type ChartRow } from "@/components/reports/report-chart";
import { buttonVariants } from "@/components/ui/button";
import { hrefWith } from "@/components/ui/href";
import type { DashboardTable } from "@/lib/reports/points/params";
import type { PointsDashboard } from "@/lib/reports/points/queries";

/** Points for a chart to draw (a float is fine for drawing) and for its table (exact). */
const draw = (v: bigint | number) => Number(v);
const signed = (v: bigint) => (v > 0n ? `+${formatPoints(v)}` : formatPoints(v));

function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <a href={href} className={buttonVariants({ variant: "ghost", size: "sm" })} download aria-label={`Download ${what} as CSV`}>
      <Download aria-hidden="true" /> CSV
    </a>
  );
}

/** The dashboard's four charts, each with its numbers as a table and its CSV download. */
export function DashboardCharts({ dashboard, query }: { dashboard: PointsDashboard; query: Record<string, string> }) {
  const csv = (table: DashboardTable) => hrefWith("/reports/programmes/csv", { ...query, table });
  const movements: ChartRow[] = dashboard.buckets.map((b) => ({
    label: b.label,
    values: { issued: draw(b.issued), redeemed: draw(b.redeemed), expired: draw(b.expired), other: draw(b.other) },
    text: { issued: formatPoints(b.issued), redeemed: formatPoints(b.redeemed), expired: formatPoints(b.expired), other: signed(b.other) },
  }));
  const outstanding: ChartRow[] = dashboard.buckets.map((b) => ({ label: b.label, values: { outstanding: draw(b.outstanding) }, text: { outstanding: formatPoints(b.outstanding) } }));
  const members: ChartRow[] = dashboard.members.map((m) => ({
    label: m.label,
    values: { newMembers: m.newMembers, activeMembers: m.activeMembers },
    text: { newMembers: formatPoints(m.newMembers), activeMembers: formatPoints(m.activeMembers) },
  }));
  const group = dashboard.scope === "group";
  const tiers: ChartRow[] = dashboard.tiers.map((t) => ({
    label: group ? `${t.programCode} · ${t.tier}` : t.tier,
    values: { members: t.members },
    text: { members: formatPoints(t.members) },
  }));
  const grain = { day: "day", week: "week (from Monday)", month: "month" }[dashboard.range.grain];

  return (
    <div className="grid gap-5 2xl:grid-cols-2">
      <ReportChart
        title="Points movements"
        description={`Points issued (above the line), redeemed and expired (below it) per ${grain}. Other: taken back after refunds, debit adjustments and transfers between members, net. Together they make the change in outstanding points below.`}
        kind="bar"
        rows={movements}
        series={[
          { key: "issued", label: "Issued", color: "#4f46e5" },
          { key: "redeemed", label: "Redeemed", color: "#0891b2", out: true },
          { key: "expired", label: "Expired", color: "#d97706", out: true },
          { key: "other", label: "Other", color: "#64748b" },
        ]}
        actions={<CsvLink href={csv("movements")} what="the points movements" />}
      />
      <ReportChart
        title="Outstanding points"
        description={`Points members hold at the end of each ${grain}: the balance before the period plus every movement since.`}
        kind="line"
        rows={outstanding}
        series={[{ key: "outstanding", label: "Outstanding", color: "#4f46e5" }]}
        actions={<CsvLink href={csv("outstanding")} what="the outstanding points" />}
      />
      <ReportChart
        title="Members"
        description={`New: enrolled in the ${grain}${group ? " (a member once, in their first programme)" : ""}. Active: distinct members with a points movement${group ? " or a transaction" : ""} in the ${grain}.`}
        kind="bar"
        rows={members}
        series={[
          { key: "newMembers", label: "New", color: "#16a34a" },
          { key: "activeMembers", label: "Active", color: "#0891b2" },
        ]}
        actions={<CsvLink href={csv("members")} what="the member counts" />}
      />
      <ReportChart
        title="Tier distribution"
        description={`Members in each tier now${group ? ", per programme" : ""}.`}
        kind="categories"
        rows={tiers}
        series={[{ key: "members", label: "Members", color: "#9333ea" }]}
        firstColumn="Tier"
        emptyMessage="No members in any tier yet."
        actions={<CsvLink href={csv("tiers")} what="the tier distribution" />}
      />
    </div>
  );
}
