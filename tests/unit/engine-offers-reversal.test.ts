import fc from "fast-check";
import { engineErrorCode } from "../support/engine";
import { describe, expect, it } from "vitest";
import { milestoneStillMet, pointsDebt, reverseOutcome, type Rounding } from "@/lib/engine";


/** Applies refunds in order, returning what each one reverses. */
function reverseInSteps(awardedValue: number, originalAmount: number, refunds: number[], rounding: Rounding): number[] {
  let reversed = 0;
  let refunded = 0;
  return refunds.map((r) => {
    refunded += r;
    const now = reverseOutcome({ awardedValue, alreadyReversed: reversed, originalAmount, refundedAmountTotal: refunded, rounding });
    reversed += now;
    return now;
  });
}

describe("engine offers: reversal", () => {
  describe("reverseOutcome", () => {
    it("reverses in proportion to the refunded share", () => {
      expect(reverseOutcome({ awardedValue: 100, alreadyReversed: 0, originalAmount: 10_000, refundedAmountTotal: 2_500, rounding: "floor" })).toBe(25);
      expect(reverseOutcome({ awardedValue: 37, alreadyReversed: 0, originalAmount: 250_000, refundedAmountTotal: 100_000, rounding: "floor" })).toBe(14); // 14.8
      expect(reverseOutcome({ awardedValue: 37, alreadyReversed: 0, originalAmount: 250_000, refundedAmountTotal: 100_000, rounding: "half_up" })).toBe(15);
    });

    it("reverses everything on a full refund, and no more on an over-refund", () => {
      expect(reverseOutcome({ awardedValue: 37, alreadyReversed: 0, originalAmount: 250_000, refundedAmountTotal: 250_000, rounding: "floor" })).toBe(37);
      expect(reverseOutcome({ awardedValue: 37, alreadyReversed: 30, originalAmount: 250_000, refundedAmountTotal: 300_000, rounding: "floor" })).toBe(7);
    });

    it("several partial refunds that add up to the whole reverse exactly the award", () => {
      // Three thirds of 100 with an award of 10 points: floor gives 3, 3, then the rest (4).
      expect(reverseInSteps(10, 99, [33, 33, 33], "floor")).toEqual([3, 3, 4]);
      expect(reverseInSteps(10, 99, [33, 33, 33], "half_even")).toEqual([3, 4, 3]);
      const steps = reverseInSteps(1001, 70_000, [10_000, 5_000, 25_000, 29_999, 1], "half_up");
      expect(steps.reduce((a, b) => a + b, 0)).toBe(1001);
    });

    it("reverses nothing for a zero refund or when the share was already reversed", () => {
      expect(reverseOutcome({ awardedValue: 100, alreadyReversed: 0, originalAmount: 100, refundedAmountTotal: 0, rounding: "half_up" })).toBe(0);
      expect(reverseOutcome({ awardedValue: 100, alreadyReversed: 50, originalAmount: 100, refundedAmountTotal: 50, rounding: "floor" })).toBe(0);
      // A manual reversal beyond the proportional share is not taken again.
      expect(reverseOutcome({ awardedValue: 100, alreadyReversed: 60, originalAmount: 100, refundedAmountTotal: 50, rounding: "floor" })).toBe(0);
    });

    it("stays exact for large values", () => {
      const big = 9_000_000_000_000;
      expect(reverseOutcome({ awardedValue: big, alreadyReversed: 0, originalAmount: 3_000_000, refundedAmountTotal: 1_000_000, rounding: "floor" })).toBe(3_000_000_000_000);
    });

    it.each([
      [{ awardedValue: -1, alreadyReversed: 0, originalAmount: 1, refundedAmountTotal: 1 }],
      [{ awardedValue: 10, alreadyReversed: 11, originalAmount: 1, refundedAmountTotal: 1 }],
      [{ awardedValue: 10, alreadyReversed: 0, originalAmount: 0, refundedAmountTotal: 1 }],
      [{ awardedValue: 10, alreadyReversed: 0, originalAmount: 10, refundedAmountTotal: 1.5 }],
    ])("rejects %j", (input) => {
      expect(engineErrorCode(() => reverseOutcome({ ...input, rounding: "floor" }))).toBe("invalid_reversal");
    });

    it("cumulative reversals never exceed the award and equal it at a full refund (property)", () => {
      const rounding = fc.constantFrom<Rounding>("floor", "half_up", "half_even");
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 1, max: 100_000_000 }),
          fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
          rounding,
          (award, original, weights, r) => {
            // Split the original amount into partial refunds proportional to the weights, summing exactly to it.
            const total = weights.reduce((a, b) => a + b, 0);
            let left = original;
            const refunds = weights.map((w, i) => {
              const part = i === weights.length - 1 ? left : Math.floor((original * w) / total);
              left -= part;
              return part;
            });
            const steps = reverseInSteps(award, original, refunds, r);
            let cumulative = 0;
            for (const s of steps) {
              if (s < 0) return false;
              cumulative += s;
              if (cumulative > award) return false;
            }
            return cumulative === award;
          },
        ),
      );
    });
  });

  describe("pointsDebt", () => {
    it("debits what the balance holds and records the rest as debt", () => {
      expect(pointsDebt({ toReverse: 300, memberCurrent: 1000 })).toEqual({ debit: 300, debt: 0 });
      expect(pointsDebt({ toReverse: 300, memberCurrent: 120 })).toEqual({ debit: 120, debt: 180 });
      expect(pointsDebt({ toReverse: 300, memberCurrent: 0 })).toEqual({ debit: 0, debt: 300 });
      expect(pointsDebt({ toReverse: 300, memberCurrent: -50 })).toEqual({ debit: 0, debt: 300 });
    });
    it("rejects a negative reversal", () => {
      expect(engineErrorCode(() => pointsDebt({ toReverse: -1, memberCurrent: 10 }))).toBe("invalid_reversal");
    });
  });

  describe("milestoneStillMet", () => {
    it("holds while the tracker still reaches the threshold", () => {
      expect(milestoneStillMet(500_000, 500_000)).toBe(true);
      expect(milestoneStillMet(500_000, 499_999)).toBe(false);
    });
  });
});
