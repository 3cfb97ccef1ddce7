/**
 * Refunds and chargebacks: what to take back of an award, proportionally to the refunded share.
 * The cumulative reversal after a refund is round(award × refunded total ÷ original amount); each refund
 * reverses the difference from what was already reversed. Cumulative reversals therefore never exceed
 * the award, and a full refund (or more) reverses exactly all of it, whatever the partial steps were.
 */
import { divideRounded, type Rounding } from "../decimal";
import { EngineError } from "../errors";
import { roundDivNumber, toSafeNumber } from "./math";

export type ReverseOutcomeInput = {
  /** What the purchase earned (points, minor units, vouchers). */
  awardedValue: number;
  /** What earlier refunds of the same purchase already reversed. */
  alreadyReversed: number;
  /** The purchase amount, minor units. */
  originalAmount: number;
  /** All refunds of the purchase so far, including this one, minor units. */
  refundedAmountTotal: number;
  rounding: Rounding;
};

const wholeAtLeast = (n: unknown, min: number): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= min;

/** The value to reverse now, ≥ 0. */
export function reverseOutcome(input: ReverseOutcomeInput): number {
  const { awardedValue, alreadyReversed, originalAmount, refundedAmountTotal, rounding } = input;
  if (!wholeAtLeast(awardedValue, 0)) throw new EngineError("invalid_reversal", "The awarded value must be a whole number ≥ 0.");
  if (!wholeAtLeast(alreadyReversed, 0) || alreadyReversed > awardedValue) {
    throw new EngineError("invalid_reversal", "What was already reversed must be a whole number between 0 and the award.");
  }
  if (!wholeAtLeast(originalAmount, 1)) throw new EngineError("invalid_reversal", "The original amount must be a whole number ≥ 1.");
  if (!wholeAtLeast(refundedAmountTotal, 0)) throw new EngineError("invalid_reversal", "The refunded total must be a whole number ≥ 0.");
  let target: number;
  if (refundedAmountTotal >= originalAmount) {
    target = awardedValue;
  } else {
    const p = awardedValue * refundedAmountTotal;
    target = p <= Number.MAX_SAFE_INTEGER
      ? roundDivNumber(p, originalAmount, rounding)
      : toSafeNumber(divideRounded(BigInt(awardedValue) * BigInt(refundedAmountTotal), BigInt(originalAmount), rounding));
  }
  return target > alreadyReversed ? target - alreadyReversed : 0;
}

/**
 * Taking points back from a member who may have spent them: debit what the balance holds, record the
 * rest as a debt (to net against future earn).
 */
export function pointsDebt(input: { toReverse: number; memberCurrent: number }): { debit: number; debt: number } {
  const { toReverse, memberCurrent } = input;
  if (!wholeAtLeast(toReverse, 0)) throw new EngineError("invalid_reversal", "Points to reverse must be a whole number ≥ 0.");
  if (typeof memberCurrent !== "number" || !Number.isSafeInteger(memberCurrent)) {
    throw new EngineError("invalid_reversal", "The member's balance must be a whole number.");
  }
  const available = memberCurrent > 0 ? memberCurrent : 0;
  const debit = toReverse < available ? toReverse : available;
  return { debit, debt: toReverse - debit };
}

/** Whether a milestone award stands after a refund lowered the tracker: the value still reaches the threshold. */
export function milestoneStillMet(threshold: number, trackerValueAfterRefund: number): boolean {
  return trackerValueAfterRefund >= threshold;
}
