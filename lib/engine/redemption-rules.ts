import { EngineError } from "./errors";

export type RedemptionRules = { minPoints: number; maxPoints: number | null; multipleOf: number };

export type RedemptionRejectionCode = "invalid_points" | "below_minimum_points" | "above_maximum_points" | "not_a_multiple";

export type RedemptionCheck =
  | { ok: true }
  | { ok: false; code: RedemptionRejectionCode; message: string; details: Record<string, number> };

const fmt = (n: number) => n.toLocaleString("en-US");
const pointsWord = (n: number) => `${fmt(n)} ${n === 1 ? "point" : "points"}`;

/** Throws EngineError("invalid_redemption_rules") unless min ≥ 0, max ≥ min (or null) and multipleOf ≥ 1, all integers. */
export function validateRedemptionRules(rules: RedemptionRules): void {
  const { minPoints, maxPoints, multipleOf } = rules;
  const ok =
    Number.isSafeInteger(minPoints) && minPoints >= 0 &&
    (maxPoints === null || (Number.isSafeInteger(maxPoints) && maxPoints >= Math.max(minPoints, 1))) &&
    Number.isSafeInteger(multipleOf) && multipleOf >= 1;
  if (!ok) throw new EngineError("invalid_redemption_rules", `Invalid redemption rules: ${JSON.stringify(rules)}`);
}

/**
 * Whether `points` may be redeemed under the programme's rules. Checks, in order: a positive whole
 * number, the minimum, the maximum, the multiple.
 */
export function checkRedemption(points: number, rules: RedemptionRules): RedemptionCheck {
  validateRedemptionRules(rules);
  if (typeof points !== "number" || !Number.isSafeInteger(points) || points <= 0) {
    return {
      ok: false, code: "invalid_points", message: "Points must be a positive whole number.",
      details: typeof points === "number" && Number.isFinite(points) ? { points } : {},
    };
  }
  const { minPoints, maxPoints, multipleOf } = rules;
  if (points < minPoints) {
    return {
      ok: false, code: "below_minimum_points", message: `Redeem at least ${pointsWord(minPoints)}.`,
      details: { points, minPoints },
    };
  }
  if (maxPoints !== null && points > maxPoints) {
    return {
      ok: false, code: "above_maximum_points", message: `Redeem at most ${pointsWord(maxPoints)} at a time.`,
      details: { points, maxPoints },
    };
  }
  if (points % multipleOf !== 0) {
    return {
      ok: false, code: "not_a_multiple", message: `Redeem in multiples of ${pointsWord(multipleOf)}.`,
      details: { points, multipleOf },
    };
  }
  return { ok: true };
}
