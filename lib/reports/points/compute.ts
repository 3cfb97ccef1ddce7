import { currencyMinorDigits, formatShare, pointsToMinorUnits } from "@/lib/engine/decimal";
import { bucketLabel, bucketStart, bucketStarts, formatDay, parseDay, type ReportRange } from "@/lib/reports/range";

/**
 * The points dashboard's arithmetic, without I/O: daily rollup rows into buckets, outstanding at each
 * bucket end, breakage and liability. Points are BigInt sums (a group's lifetime totals can be large).
 */

/** One programme's (or the group's) movements of members' points on one day, each a non-negative sum. */
export type Movements = {
  awarded: bigint;
  adjustedIn: bigint;
  adjustedOut: bigint;
  takenBack: bigint;
  redeemed: bigint;
  redemptionReversed: bigint;
  expired: bigint;
  transferredIn: bigint;
  transferredOut: bigint;
  otherIn: bigint;
  otherOut: bigint;
};

export const MOVEMENT_KEYS = ["awarded", "adjustedIn", "adjustedOut", "takenBack", "redeemed", "redemptionReversed", "expired", "transferredIn", "transferredOut", "otherIn", "otherOut"] as const satisfies readonly (keyof Movements)[];

export const zeroMovements = (): Movements => Object.fromEntries(MOVEMENT_KEYS.map((k) => [k, 0n])) as Movements;

export function addMovements(into: Movements, add: Movements): Movements {
  for (const k of MOVEMENT_KEYS) into[k] += add[k];
  return into;
}

/** What the dashboard shows of a period's movements. */
export type PointsFigures = {
  /** Awards and credit adjustments. */
  issued: bigint;
  /** Redemptions net of reversed redemptions. */
  redeemed: bigint;
  expired: bigint;
  /** Points taken back after refunds, debit adjustments, transfers between members (net) and anything else: signed. */
  other: bigint;
  /** The change of the members' balances: issued − redeemed − expired + other. */
  net: bigint;
};

export function figuresOf(m: Movements): PointsFigures {
  const issued = m.awarded + m.adjustedIn;
  const redeemed = m.redeemed - m.redemptionReversed;
  const other = m.transferredIn - m.transferredOut - m.takenBack - m.adjustedOut + m.otherIn - m.otherOut;
  return { issued, redeemed, expired: m.expired, other, net: issued - redeemed - m.expired + other };
}

export const netOf = (m: Movements): bigint => figuresOf(m).net;

export type PointsBucket = PointsFigures & {
  /** The first day of the bucket ("YYYY-MM-DD"): the range's first day may fall inside it. */
  start: string;
  label: string;
  movements: Movements;
  /** Members' points at the end of the bucket (or of the range, for the last one). */
  outstanding: bigint;
};

/**
 * Daily rows (already summed over the scope's programmes) into the range's buckets, zero-filled, with
 * the outstanding points at each bucket's end: `opening` (everything before the range) plus the
 * running net. Days outside the range are ignored.
 */
export function bucketize(range: ReportRange, days: readonly { day: string; movements: Movements }[], opening: bigint): PointsBucket[] {
  const starts = bucketStarts(range);
  const index = new Map(starts.map((s, i) => [s, i]));
  const sums = starts.map(() => zeroMovements());
  for (const d of days) {
    if (d.day < range.from || d.day > range.to) continue;
    const i = index.get(formatDay(bucketStart(parseDay(d.day)!, range.grain)));
    if (i !== undefined) addMovements(sums[i]!, d.movements);
  }
  let outstanding = opening;
  return starts.map((start, i) => {
    const figures = figuresOf(sums[i]!);
    outstanding += figures.net;
    return { start, label: bucketLabel(start, range.grain), movements: sums[i]!, ...figures, outstanding };
  });
}

/** Counts per day (new members) summed into the range's buckets, zero-filled. */
export function bucketCounts(range: ReportRange, days: readonly { day: string; count: number }[]): Map<string, number> {
  const counts = new Map(bucketStarts(range).map((s) => [s, 0]));
  for (const d of days) {
    if (d.day < range.from || d.day > range.to) continue;
    const start = formatDay(bucketStart(parseDay(d.day)!, range.grain));
    if (counts.has(start)) counts.set(start, counts.get(start)! + d.count);
  }
  return counts;
}


/**
 * Breakage: the share of points issued that expired unredeemed, expired ÷ issued (awards and credit
 * adjustments). Null when nothing was issued.
 */
export const breakageRate = (expired: bigint, issued: bigint): string | null => formatShare(expired, issued);

/** What members' points are worth: outstanding points × the programme's points-to-currency ratio, in minor units (half-even). */
export function liabilityMinor(outstanding: bigint, pointsToCurrency: string, currency: string): bigint {
  if (outstanding <= 0n) return 0n;
  return pointsToMinorUnits(outstanding, pointsToCurrency, currencyMinorDigits(currency), "half_even");
}

/** Liabilities of several programmes summed per currency, currencies in alphabetical order. */
export function liabilityByCurrency(items: readonly { outstanding: bigint; pointsToCurrency: string; currency: string }[]): { currency: string; minor: bigint }[] {
  const sums = new Map<string, bigint>();
  for (const i of items) sums.set(i.currency, (sums.get(i.currency) ?? 0n) + liabilityMinor(i.outstanding, i.pointsToCurrency, i.currency));
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}
