import { minorToDecimalString } from "@/components/programs/format";
import { currencyMinorDigits } from "@/lib/engine/decimal";
import { liabilityMinor } from "./compute";
import type { DashboardTable } from "./params";
import type { PointsDashboard } from "./queries";

type Cell = string | number | bigint;

/**
 * The dashboard's tables as CSV (one per chart): every movement column, so a spreadsheet can rebuild
 * the figures (outstanding at a period's end = the previous one + net_change).
 */
export function dashboardCsv(dashboard: PointsDashboard, table: DashboardTable): { header: string[]; rows: Cell[][] } {
  switch (table) {
    case "movements":
      return {
        header: ["period_start", "issued", "redeemed", "expired", "other", "net_change", "awarded", "adjusted_in", "adjusted_out", "taken_back", "redeemed_gross", "redemption_reversed", "transferred_in", "transferred_out", "other_in", "other_out"],
        rows: dashboard.buckets.map((b) => {
          const m = b.movements;
          return [b.start, b.issued, b.redeemed, b.expired, b.other, b.net, m.awarded, m.adjustedIn, m.adjustedOut, m.takenBack, m.redeemed, m.redemptionReversed, m.transferredIn, m.transferredOut, m.otherIn, m.otherOut];
        }),
      };
    case "outstanding": {
      // A liability per period only for one programme: the group's programmes may have different ratios and currencies.
      const program = dashboard.scope === "group" ? null : (dashboard.programs[0] ?? null);
      const header = ["period_start", "outstanding_points", ...(program ? ["liability", "currency"] : [])];
      return {
        header,
        rows: dashboard.buckets.map((b) =>
          program
            ? [b.start, b.outstanding, minorToDecimalString(liabilityMinor(b.outstanding, program.pointsToCurrency, program.currency), currencyMinorDigits(program.currency)), program.currency]
            : [b.start, b.outstanding],
        ),
      };
    }
    case "members":
      return { header: ["period_start", "new_members", "active_members"], rows: dashboard.members.map((m) => [m.start, m.newMembers, m.activeMembers]) };
    case "tiers":
      return { header: ["program_code", "tier", "members"], rows: dashboard.tiers.map((t) => [t.programCode, t.tier, t.members]) };
  }
}
