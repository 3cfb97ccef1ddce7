import { currencyMinorDigits, formatShare, pointsToMinorUnits } from "@/lib/engine/decimal";
import { bucketStart, bucketStarts, parseDay, formatDay, type ReportRange } from "@/lib/reports/range";
import { FULFILMENT_STATES } from "./states";

/** Awards (count and value) and where they stand, summed over some days of report_award_days. */
export type AwardTotals = {
  awards: number;
  value: number;
  pendingCount: number;
  pendingValue: number;
  postedCount: number;
  postedValue: number;
  failedCount: number;
  failedValue: number;
  reversedCount: number;
  reversedValue: number;
  takenBack: number;
};

export const TOTAL_KEYS = ["awards", "value", ...FULFILMENT_STATES.flatMap((s) => [`${s}Count`, `${s}Value`]), "takenBack"] as (keyof AwardTotals)[];

export const emptyTotals = (): AwardTotals => Object.fromEntries(TOTAL_KEYS.map((k) => [k, 0])) as AwardTotals;

export function addTotals(into: AwardTotals, more: AwardTotals): AwardTotals {
  for (const k of TOTAL_KEYS) into[k] += more[k];
  return into;
}

/** What the awards are worth now: pending and posted, less what refunds took back of them. */
export const netValue = (t: AwardTotals): number => t.pendingValue + t.postedValue - t.takenBack;

/**
 * Failed ÷ (posted + failed) as a percentage with one decimal, rounded half-even from integers; null
 * when nothing has settled yet (no rate to show).
 */
export function failureRate(failed: number, posted: number): { failed: number; settled: number; percent: string } | null {
  const settled = failed + posted;
  if (settled <= 0) return null;
  return { failed, settled, percent: formatShare(BigInt(failed), BigInt(settled))! };
}

/** What one unit of an outcome costs, where the set-up says: a programme's point value, cashback's currency. */
export type CostBasis = { pointsToCurrency: string; currency: string } | null;

/** The cost of awards: money in minor units, or (no price known) the awards' own units. */
export type Cost = { kind: "money"; minor: bigint; currency: string } | { kind: "units"; value: number; unit: string };

/**
 * The cost of `value` of one outcome: reward points × the programme's points-to-currency (exact, rounded
 * half-even once on the total), cashback as it is (minor units of its currency); partner points and
 * vouchers have no price in the set-up, so they stay in their units.
 */
export function costOf(outcomeType: string, unit: string, value: number, basis: { program: CostBasis; unitLabel: string }): Cost {
  if (outcomeType === "reward_points" && basis.program) {
    const minor = pointsToMinorUnits(BigInt(value), basis.program.pointsToCurrency, currencyMinorDigits(basis.program.currency), "half_even");
    return { kind: "money", minor, currency: basis.program.currency };
  }
  if (outcomeType === "cashback" && /^[A-Za-z]{3}$/.test(unit)) return { kind: "money", minor: BigInt(value), currency: unit.toUpperCase() };
  return { kind: "units", value, unit: basis.unitLabel };
}

/** One day of one outcome of report_award_days (or several offers' summed). */
export type AwardDay = AwardTotals & { day: string; outcomeType: string; unit: string };

/**
 * Totals per bucket of the range, for every bucket (empty ones as zeros), in order: the chart and its table.
 * Days outside the range are ignored.
 */
export function bucketTotals(days: readonly Pick<AwardDay, "day" | keyof AwardTotals>[], range: ReportRange): { start: string; totals: AwardTotals }[] {
  const buckets = new Map(bucketStarts(range).map((start) => [start, emptyTotals()]));
  for (const d of days) {
    if (d.day < range.from || d.day > range.to) continue;
    const start = formatDay(bucketStart(parseDay(d.day)!, range.grain));
    const into = buckets.get(start);
    if (into) addTotals(into, d);
  }
  return [...buckets].map(([start, totals]) => ({ start, totals }));
}

/** Numbers per bucket (e.g. members first reached), every bucket of the range, in order. */
export function bucketCounts(days: readonly { day: string; n: number }[], range: ReportRange): { start: string; n: number }[] {
  const buckets = new Map(bucketStarts(range).map((start) => [start, 0]));
  for (const d of days) {
    if (d.day < range.from || d.day > range.to) continue;
    const start = formatDay(bucketStart(parseDay(d.day)!, range.grain));
    if (buckets.has(start)) buckets.set(start, buckets.get(start)! + d.n);
  }
  return [...buckets].map(([start, n]) => ({ start, n }));
}

/**
 * A point block's usage over time: used at the end of each bucket (everything before the range plus
 * the bucket's debits less returns, cumulatively) and what remains of its points.
 */
export function blockUsageSeries(
  block: { points: number },
  usedBefore: number,
  days: readonly { day: string; debited: number; returned: number }[],
  range: ReportRange,
): { start: string; debited: number; returned: number; used: number; remaining: number }[] {
  const buckets = new Map(bucketStarts(range).map((start) => [start, { debited: 0, returned: 0 }]));
  for (const d of days) {
    if (d.day < range.from || d.day > range.to) continue;
    const b = buckets.get(formatDay(bucketStart(parseDay(d.day)!, range.grain)));
    if (b) {
      b.debited += d.debited;
      b.returned += d.returned;
    }
  }
  let used = usedBefore;
  return [...buckets].map(([start, b]) => {
    used += b.debited - b.returned;
    return { start, ...b, used, remaining: block.points - used };
  });
}

export type SortDirection = "asc" | "desc";

/** Sorts rows by a numeric or text key (ties by name), then cuts the page: the list's order and paging in one place. */
export function sortAndPage<T extends { name: string }>(rows: readonly T[], key: (row: T) => number | string, direction: SortDirection, page: number, pageSize: number): { rows: T[]; total: number } {
  const sign = direction === "asc" ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb), "en");
    return c !== 0 ? sign * c : a.name.localeCompare(b.name, "en");
  });
  return { rows: sorted.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
}
