import { formatMoney, formatPoints } from "@/components/programs/format";
import { StatTile } from "@/components/reports/stat-tile";
import { bucketLabel } from "@/lib/reports/range";
import type { PointsDashboard } from "@/lib/reports/points/queries";

const day = (d: string) => bucketLabel(d, "day");

/** The dashboard's headline figures, each saying what it counts. */
export function DashboardTiles({ dashboard }: { dashboard: PointsDashboard }) {
  const { range, breakage } = dashboard;
  const end = day(range.to);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <StatTile testId="tile-outstanding" label="Outstanding points" value={formatPoints(dashboard.closing)} detail={`Members' balances at the end of ${end}`} />
      <StatTile
        testId="tile-liability"
        label="Liability"
        value={
          dashboard.liability.length === 0
            ? "—"
            : dashboard.liability.map((l) => (
                <span key={l.currency} className="block">
                  {formatMoney(l.minor, l.currency)}
                </span>
              ))
        }
        detail="Outstanding points × each programme's point value"
      />
      <StatTile
        testId="tile-breakage"
        label="Breakage"
        value={breakage.range ?? "—"}
        detail={`Expired ÷ issued in the period; ${breakage.lifetime ? `${breakage.lifetime} over all time` : "nothing issued yet over all time"}`}
      />
      <StatTile testId="tile-new-members" label="New members" value={formatPoints(dashboard.newMembers)} detail={`Enrolled from ${day(range.from)} to ${end}`} />
      <StatTile
        testId="tile-active-members"
        label="Active members"
        value={formatPoints(dashboard.activeInRange ?? dashboard.activeInMonth.members)}
        detail={`With a points movement${dashboard.scope === "group" ? " or a transaction" : ""} ${
          // A distinct count over the whole period is kept only up to today; for an earlier period, its last month's.
          dashboard.activeInRange !== null ? `from ${day(range.from)} to ${end}` : `in ${bucketLabel(dashboard.activeInMonth.month, "month")}`
        }`}
      />
    </div>
  );
}
