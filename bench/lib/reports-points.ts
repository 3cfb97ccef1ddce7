import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { addDays, addMonths } from "@/lib/engine/calendar";
import { formatDay, parseDay, type Grain } from "@/lib/reports/range";
import { dashboardPrograms, pointsDashboard } from "@/lib/reports/points/queries";

/**
 * The programme dashboard's queries as the page makes them (one pointsDashboard call per page view):
 * the group and the default programme, for the 30 days by day, the year by week and 3 years by month
 * ending on the last day with movements in the data set.
 */
export async function reportQueries(db: Db): Promise<{ name: string; run: () => Promise<unknown> }[]> {
  const programs = await dashboardPrograms(db);
  const program = programs.find((p) => p.isDefault) ?? programs[0];
  if (!program) throw new Error("the data set has no programme");
  const [last] = await db.execute<{ day: string | null }>(sql`select max(day)::text as day from report_points_daily`);
  const to = parseDay(last?.day ?? formatDay({ year: 2026, month: 11, day: 1 }))!;
  const ranges: { label: string; grain: Grain; from: string }[] = [
    { label: "30 days by day", grain: "day", from: formatDay(addDays(to, -29)) },
    { label: "1 year by week", grain: "week", from: formatDay(addDays(addMonths(to, -12), 1)) },
    { label: "3 years by month", grain: "month", from: formatDay(addDays(addMonths(to, -36), 1)) },
  ];
  const scopes = [
    { label: "group", scope: "group" },
    { label: `programme ${program.code}`, scope: program.id },
  ];
  return scopes.flatMap((s) =>
    ranges.map((r) => ({
      name: `points dashboard, ${s.label}, ${r.label}`,
      run: () => pointsDashboard(db, { scope: s.scope, range: { from: r.from, to: formatDay(to), grain: r.grain } }),
    })),
  );
}
