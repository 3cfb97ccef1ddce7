import { describe, expect, it } from "vitest";
import { checkRedemption, EngineError, type RedemptionRules } from "@/lib/engine";

const rules: RedemptionRules = { minPoints: 100, maxPoints: 50_000, multipleOf: 10 };

describe("engine redemption rules", () => {
  describe("checkRedemption", () => {
    it("accepts the boundaries", () => {
      expect(checkRedemption(100, rules)).toEqual({ ok: true });
      expect(checkRedemption(50_000, rules)).toEqual({ ok: true });
      expect(checkRedemption(1, { minPoints: 0, maxPoints: null, multipleOf: 1 })).toEqual({ ok: true });
    });

    it.each([0, -10, 1.5, NaN, Infinity])("rejects %d as invalid_points", (points) => {
      const result = checkRedemption(points, rules);
      expect(result).toMatchObject({ ok: false, code: "invalid_points", message: "Points must be a positive whole number." });
    });

    it("below the minimum", () => {
      expect(checkRedemption(90, rules)).toEqual({
        ok: false, code: "below_minimum_points", message: "Redeem at least 100 points.", details: { points: 90, minPoints: 100 },
      });
      expect(checkRedemption(999, { ...rules, minPoints: 1000 })).toMatchObject({ message: "Redeem at least 1,000 points." });
    });

    it("above the maximum", () => {
      expect(checkRedemption(50_010, rules)).toEqual({
        ok: false, code: "above_maximum_points", message: "Redeem at most 50,000 points at a time.",
        details: { points: 50_010, maxPoints: 50_000 },
      });
      expect(checkRedemption(2, { minPoints: 0, maxPoints: 1, multipleOf: 1 })).toMatchObject({ message: "Redeem at most 1 point at a time." });
    });

    it("no maximum when maxPoints is null", () => {
      expect(checkRedemption(10_000_000, { ...rules, maxPoints: null })).toEqual({ ok: true });
    });

    it("not a multiple", () => {
      expect(checkRedemption(105, rules)).toEqual({
        ok: false, code: "not_a_multiple", message: "Redeem in multiples of 10 points.", details: { points: 105, multipleOf: 10 },
      });
      expect(checkRedemption(1500, { ...rules, multipleOf: 1000 })).toMatchObject({ message: "Redeem in multiples of 1,000 points." });
    });

    it("checks the minimum before the multiple", () => {
      expect(checkRedemption(95, rules)).toMatchObject({ code: "below_minimum_points" });
    });

    it.each([
      { minPoints: -1, maxPoints: null, multipleOf: 1 },
      { minPoints: 100, maxPoints: 50, multipleOf: 1 },
      { minPoints: 0, maxPoints: null, multipleOf: 0 },
      { minPoints: 0, maxPoints: null, multipleOf: 2.5 },
    ])("rejects misconfigured rules %j", (bad) => {
      expect(() => checkRedemption(100, bad)).toThrow(EngineError);
    });
  });
});
