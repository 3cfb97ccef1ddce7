import { addDays, addMonths, assertValidDate, type CivilDate, localDate, startOfLocalDay } from "./calendar";
import { EngineError } from "./errors";

export type ExpiryStrategyKind = "days" | "months" | "end_of_month_after_months" | "end_of_year_after_months" | "never";

export type ExpiryStrategy = { kind: ExpiryStrategyKind; amount: number | null };

export const EXPIRY_STRATEGY_KINDS: readonly ExpiryStrategyKind[] = [
  "days", "months", "end_of_month_after_months", "end_of_year_after_months", "never",
];

/** Throws EngineError("invalid_expiry_strategy") unless the strategy is well-formed. */
export function validateExpiryStrategy(strategy: ExpiryStrategy): void {
  const invalid = (why: string) => new EngineError("invalid_expiry_strategy", why);
  if (!strategy || !EXPIRY_STRATEGY_KINDS.includes(strategy.kind)) throw invalid("Unknown expiry strategy kind.");
  if (strategy.kind === "never") return; // the amount is ignored
  const n = strategy.amount;
  const min = strategy.kind === "days" || strategy.kind === "months" ? 1 : 0;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < min) {
    throw invalid(`The amount of a "${strategy.kind}" strategy must be a whole number of at least ${min}.`);
  }
  // Keeps every expiry inside the range of Date.
  if (n > (strategy.kind === "days" ? 36_500_000 : 1_200_000)) throw invalid("The expiry amount is too large.");
}

/**
 * The last local calendar day on which the points are still spendable, or null for "never".
 */
export function expiryDay(awardDate: CivilDate, strategy: ExpiryStrategy): CivilDate | null {
  validateExpiryStrategy(strategy);
  const n = strategy.amount ?? 0;
  switch (strategy.kind) {
    case "never":
      return null;
    case "days":
      return addDays(awardDate, n);
    case "months":
      return addMonths(awardDate, n);
    case "end_of_month_after_months": {
      const { year, month } = addMonths(awardDate, n + 1);
      return addDays({ year, month, day: 1 }, -1);
    }
    case "end_of_year_after_months":
      return { year: addMonths(awardDate, n).year, month: 12, day: 31 };
  }
}

/**
 * The instant points awarded at `awardedAt` expire: the local midnight (in `timeZone`) that ends the
 * expiry day. Points are spendable while `now < expiresAt`. Null when they never expire.
 *
 * - days N: expiry day = local award date + N days (2026-01-01 + 30 → expires 2026-02-01T00:00 local).
 * - months N: local award date + N calendar months, clamped to the month's last day.
 * - end_of_month_after_months N: the last day of the month of (award date + N months); 0 = this month.
 * - end_of_year_after_months N: Dec 31 of the year of (award date + N months); 0 = this year.
 */
export function expiryDate(awardedAt: Date, strategy: ExpiryStrategy, timeZone: string): Date | null {
  validateExpiryStrategy(strategy);
  assertValidDate(awardedAt);
  const day = expiryDay(localDate(awardedAt, timeZone), strategy);
  if (day === null) return null;
  const expiresAt = startOfLocalDay(addDays(day, 1), timeZone);
  if (!Number.isFinite(expiresAt.getTime())) throw new EngineError("invalid_expiry_strategy", "The expiry is out of range.");
  return expiresAt;
}

/** Expired once `now` reaches `expiresAt`; never for null. */
export function isExpired(expiresAt: Date | null, now: Date): boolean {
  if (expiresAt === null) return false;
  return assertValidDate(expiresAt) <= assertValidDate(now);
}
