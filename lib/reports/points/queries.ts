import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { localDate } from "@/lib/engine/calendar";
import { bucketStarts, formatDay, type ReportRange } from "@/lib/reports/range";
import { breakageRate, bucketCounts, bucketize, figuresOf, liabilityByCurrency, MOVEMENT_KEYS, zeroMovements, type Movements, type PointsBucket } from "./compute";
import { GRAIN_CODE, GROUP_SCOPE } from "./scope";

/** A programme as the dashboard needs it. */
export type DashboardProgram = { id: string; code: string; name: string; isDefault: boolean; currency: string; pointsToCurrency: string; timeZone: string };

export type PointsDashboard = {
  /** "group" or the programme's id. */
  scope: string;
  programs: DashboardProgram[];
  range: ReportRange;
  buckets: PointsBucket[];
  opening: bigint;
  closing: bigint;
  totals: ReturnType<typeof figuresOf> & { movements: Movements };
  /** Outstanding points at the end of the range × each programme's ratio, summed per currency (minor units). */
  liability: { currency: string; minor: bigint }[];
  breakage: { range: string | null; lifetime: string | null; lifetimeIssued: bigint; lifetimeExpired: bigint };
  members: { start: string; label: string; newMembers: number; activeMembers: number }[];
  newMembers: number;
  /** Distinct members with a movement (group: or a transaction) in the calendar month of the range's last day, and that month. */
  activeInMonth: { month: string; members: number };
  /**
   * For a range that ends today (or later): distinct members active at least once from its first day
   * on, exactly (report_last_active_days). Null for a range that ended before today.
   */
  activeInRange: number | null;
  tiers: { programCode: string; programName: string; tier: string; rank: number; members: number }[];
};

const SELECT_PROGRAMS = sql`select id, code, name, is_default, currency, points_to_currency::text as ratio, time_zone from programs order by is_default desc, name`;

/** Every programme, default first: the dashboard's choices. */
export async function dashboardPrograms(db: DbOrTx): Promise<DashboardProgram[]> {
  const rows = await db.execute<{ id: string; code: string; name: string; is_default: boolean; currency: string; ratio: string; time_zone: string }>(SELECT_PROGRAMS);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, isDefault: r.is_default, currency: r.currency, pointsToCurrency: r.ratio, timeZone: r.time_zone }));
}

const big = (v: string | number | null | undefined) => BigInt(v ?? 0);
const SUMS = sql.raw(MOVEMENT_KEYS.map((k) => `sum(${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)})::text as "${k}"`).join(", "));
type SumRow = Record<(typeof MOVEMENT_KEYS)[number], string | null>;
const toMovements = (r: SumRow | undefined): Movements => {
  const m = zeroMovements();
  if (r) for (const k of MOVEMENT_KEYS) m[k] = big(r[k]);
  return m;
};

/**
 * The points dashboard of one programme or the group (`scope` "group") for a range, read from the
 * rollups only: daily movements, what was outstanding before the range and before the end of it, the
 * member counts and the tier distribution. Group points are the programmes' points added up.
 */
export async function pointsDashboard(db: DbOrTx, input: { scope: string; range: ReportRange; programs?: DashboardProgram[]; now?: Date }): Promise<PointsDashboard> {
  const programs = input.programs ?? (await dashboardPrograms(db));
  const { range } = input;
  // Today where the scope counts its days: the programme's zone, or the default programme's for the group.
  const zone = (input.scope === "group" ? programs.find((p) => p.isDefault) : programs.find((p) => p.id === input.scope))?.timeZone ?? "UTC";
  const endsToday = range.to >= formatDay(localDate(input.now ?? new Date(), zone));
  const inScope = input.scope === "group" ? programs : programs.filter((p) => p.id === input.scope);
  const ids = inScope.map((p) => p.id);
  const idList = sql`${`{${ids.join(",")}}`}::uuid[]`;
  const countScope = input.scope === "group" ? GROUP_SCOPE : input.scope;
  const firstStart = bucketStarts(range)[0]!;
  const month = `${range.to.slice(0, 7)}-01`;

  const [daily, perProgram, lifetime, counts, newDays, active, activeSince, tiers] = await Promise.all([
    db.execute<SumRow & { day: string }>(sql`
      select day::text as day, ${SUMS} from report_points_daily
      where program_id = any(${idList}) and day between ${range.from}::date and ${range.to}::date
      group by day order by day`),
    // Everything up to the end of the range, and before it, per programme: closing and opening balances.
    db.execute<SumRow & { program_id: string; before: boolean }>(sql`
      select program_id, day < ${range.from}::date as before, ${SUMS} from report_points_daily
      where program_id = any(${idList}) and day <= ${range.to}::date
      group by 1, 2`),
    db.execute<{ issued: string | null; expired: string | null }>(sql`
      select (sum(awarded) + sum(adjusted_in))::text as issued, sum(expired)::text as expired
      from report_points_daily where program_id = any(${idList})`),
    db.execute<{ period: string; active_members: number }>(sql`
      select period::text as period, active_members from report_member_counts
      where scope = ${countScope}::uuid and grain = ${GRAIN_CODE[range.grain]} and period between ${firstStart}::date and ${range.to}::date`),
    db.execute<{ period: string; new_members: number }>(sql`
      select period::text as period, new_members from report_member_counts
      where scope = ${countScope}::uuid and grain = 0 and period between ${range.from}::date and ${range.to}::date and new_members <> 0`),
    db.execute<{ n: number }>(sql`select active_members as n from report_member_counts where scope = ${countScope}::uuid and grain = 2 and period = ${month}::date`),
    endsToday
      ? db.execute<{ n: number }>(sql`select coalesce(sum(members), 0)::int as n from report_last_active_days where scope = ${countScope}::uuid and day >= ${range.from}::date`)
      : Promise.resolve(null),
    db.execute<{ code: string; program_name: string; tier: string; rank: number; members: string | null }>(sql`
      select p.code, p.name as program_name, t.name as tier, t.rank, coalesce(r.members, 0)::text as members
      from tiers t join programs p on p.id = t.program_id
      left join report_tier_members r on r.program_id = t.program_id and r.tier_id = t.id
      where t.program_id = any(${idList})
      order by p.is_default desc, p.name, t.rank`),
  ]);

  const outstandingOf = (before: boolean) => {
    const byProgram = new Map<string, bigint>();
    for (const r of perProgram) if (!before || r.before) byProgram.set(r.program_id, (byProgram.get(r.program_id) ?? 0n) + figuresOf(toMovements(r)).net);
    return byProgram;
  };
  const openingBy = outstandingOf(true);
  const closingBy = outstandingOf(false);
  const opening = [...openingBy.values()].reduce((a, b) => a + b, 0n);
  const closing = [...closingBy.values()].reduce((a, b) => a + b, 0n);
  const buckets = bucketize(range, daily.map((r) => ({ day: r.day, movements: toMovements(r) })), opening);
  const totalMovements = buckets.reduce((sum, b) => {
    for (const k of MOVEMENT_KEYS) sum[k] += b.movements[k];
    return sum;
  }, zeroMovements());
  const totals = { ...figuresOf(totalMovements), movements: totalMovements };
  const activeBy = new Map(counts.map((c) => [c.period, c.active_members]));
  const newBy = bucketCounts(range, newDays.map((r) => ({ day: r.period, count: r.new_members })));
  const lifetimeIssued = big(lifetime[0]?.issued);
  const lifetimeExpired = big(lifetime[0]?.expired);

  return {
    scope: input.scope,
    programs: inScope,
    range,
    buckets,
    opening,
    closing,
    totals,
    liability: liabilityByCurrency(inScope.map((p) => ({ outstanding: closingBy.get(p.id) ?? 0n, pointsToCurrency: p.pointsToCurrency, currency: p.currency }))),
    breakage: { range: breakageRate(totals.expired, totals.issued), lifetime: breakageRate(lifetimeExpired, lifetimeIssued), lifetimeIssued, lifetimeExpired },
    members: buckets.map((b) => ({ start: b.start, label: b.label, newMembers: newBy.get(b.start) ?? 0, activeMembers: activeBy.get(b.start) ?? 0 })),
    newMembers: [...newBy.values()].reduce((a, b) => a + b, 0),
    activeInMonth: { month, members: active[0]?.n ?? 0 },
    activeInRange: activeSince ? (activeSince[0]?.n ?? 0) : null,
    tiers: tiers.map((t) => ({ programCode: t.code, programName: t.program_name, tier: t.tier, rank: t.rank, members: Number(t.members) })),
  };
}
