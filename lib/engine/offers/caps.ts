/**
 * Per-member caps and the offer budget, both in outcome units (points, minor units of cashback,
 * partner points after conversion, vouchers). award = min(computed, limit − used in the period,
 * budget − budget used), never below 0.
 */
import type { CivilDate } from "../calendar";
import { EngineError } from "../errors";
import type { CapPeriod, OfferCaps } from "./definition";
import { dayKey, monthKey, yearKey } from "./trackers";
import type { OfferUsage, SkipReason } from "./types";

export type CompiledCaps = { perMember: { limit: number; period: CapPeriod } | null; budget: number | null };

export function compileCaps(caps: OfferCaps | undefined): CompiledCaps {
  return { perMember: caps?.perMember ?? null, budget: caps?.budget ?? null };
}

/**
 * The usage key of a per-member cap period, in the programme's time zone: "2026-11-23" (day),
 * "2026-11" (month), "2026" (year), "all" (offer lifetime); null for a per-transaction cap.
 */
export function capPeriodKey(period: CapPeriod, localDay: CivilDate): string | null {
  switch (period) {
    case "transaction":
      return null;
    case "day":
      return dayKey(localDay);
    case "month":
      return monthKey(localDay);
    case "year":
      return yearKey(localDay);
    case "offer_lifetime":
      return "all";
  }
}

export type CapOutcome = {
  value: number;
  memberUsed: number;
  budgetUsed: number;
  /** Set when a cap brought the award to 0. */
  reason: SkipReason | null;
  memberRemaining: number | null;
  budgetRemaining: number | null;
};

const nonNegative = (n: number) => (n > 0 ? n : 0);

export function applyCaps(computed: number, caps: CompiledCaps, usage: OfferUsage | undefined, capKey: string | null): CapOutcome {
  let value = computed;
  let memberRemaining: number | null = null;
  let budgetRemaining: number | null = null;
  const memberUsed = capKey === null ? 0 : (usage?.memberUsedInPeriod[capKey] ?? 0);
  const budgetUsed = usage?.budgetUsed ?? 0;
  if (!Number.isSafeInteger(memberUsed) || !Number.isSafeInteger(budgetUsed) || memberUsed < 0 || budgetUsed < 0) {
    throw new EngineError("invalid_usage", "Usage must be whole numbers ≥ 0.");
  }
  if (caps.perMember !== null) {
    memberRemaining = nonNegative(caps.perMember.limit - memberUsed);
    if (memberRemaining <= 0) return { value: 0, memberUsed, budgetUsed, reason: "member_cap_reached", memberRemaining, budgetRemaining };
    if (value > memberRemaining) value = memberRemaining;
  }
  if (caps.budget !== null) {
    budgetRemaining = nonNegative(caps.budget - budgetUsed);
    if (budgetRemaining <= 0) return { value: 0, memberUsed, budgetUsed, reason: "budget_exhausted", memberRemaining, budgetRemaining };
    if (value > budgetRemaining) value = budgetRemaining;
  }
  return { value, memberUsed, budgetUsed, reason: null, memberRemaining, budgetRemaining };
}

const PERIOD_WORDS: Record<CapPeriod, string> = {
  transaction: "per-transaction",
  day: "per-member daily",
  month: "per-member monthly",
  year: "per-member yearly",
  offer_lifetime: "per-member lifetime",
};

/** Explanation lines for the caps that lowered an award. */
export function explainCaps(
  before: number,
  caps: CompiledCaps,
  memberUsed: number,
  budgetUsed: number,
  whole: (n: number) => string,
  count: (n: number) => string,
): string[] {
  const lines: string[] = [];
  let value = before;
  if (caps.perMember !== null) {
    const used = memberUsed;
    const remaining = nonNegative(caps.perMember.limit - used);
    if (value > remaining) {
      value = remaining;
      const usedText = caps.perMember.period === "transaction" ? "" : ` (${count(used)} of ${count(caps.perMember.limit)} already used)`;
      lines.push(`capped at ${whole(value)} by the ${PERIOD_WORDS[caps.perMember.period]} cap${usedText}`);
    }
  }
  if (caps.budget !== null) {
    const used = budgetUsed;
    const remaining = nonNegative(caps.budget - used);
    if (value > remaining) {
      value = remaining;
      lines.push(`capped at ${whole(value)} by the remaining offer budget (${count(used)} of ${count(caps.budget)} already given)`);
    }
  }
  return lines;
}
