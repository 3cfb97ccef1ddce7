import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CalculationRule,
  compileOffer,
  evaluateTransaction,
  type OfferDefinition,
  type OfferOutcome,
  type Rounding,
  type TransactionInput,
} from "@/lib/engine";

const PROGRAM = "11111111-1111-4111-8111-111111111111";
const PARTNER = "22222222-2222-4222-8222-222222222222";
const POOL = "33333333-3333-4333-8333-333333333333";
const AT = new Date("2026-12-10T06:00:00Z");

function definition(rule: CalculationRule, extra: Partial<OfferDefinition> = {}): OfferDefinition {
  return {
    programId: PROGRAM,
    name: "Test offer",
    validFrom: "2026-12-01T00:00:00+05:30",
    funding: { kind: "bank" },
    trigger: { kind: "transaction" },
    target: { kind: "each" },
    outcome: { type: "reward_points" },
    rule,
    posting: { method: "automatic" },
    narration: "{points}",
    ...extra,
  };
}

type Options = { outcome?: OfferOutcome; rounding?: Rounding; conversion?: string; tx?: Partial<TransactionInput>; extra?: Partial<OfferDefinition> };

/** Evaluates one offer on one purchase: the outcome, or the skip reason. */
function earn(rule: CalculationRule, amount: number, o: Options = {}) {
  const compiled = compileOffer(
    {
      offerId: "o1",
      version: 1,
      definition: definition(rule, { ...(o.outcome && { outcome: o.outcome }), ...(o.rounding && { rounding: o.rounding }), ...o.extra }),
    },
    { homeCountry: "IN", partnerConversion: o.conversion },
  );
  const r = evaluateTransaction({
    offers: [compiled],
    member: { programIds: [PROGRAM], tierIdByProgram: {}, attributes: {} },
    transaction: { externalId: "t1", type: "purchase", amount, currency: "INR", occurredAt: AT, ...o.tx },
    trackers: {},
    usage: {},
    timeZone: "Asia/Kolkata",
    now: AT,
  });
  const outcome = r.outcomes[0];
  return { value: outcome?.value ?? 0, baseValue: outcome?.baseValue ?? 0, outcome, reason: r.skipped[0]?.reason ?? null };
}
const value = (rule: CalculationRule, amount: number, o: Options = {}) => {
  const r = earn(rule, amount, o);
  return r.reason ?? r.value;
};

describe("engine offers: calculation rules", () => {
  describe("flat", () => {
    it("gives the value whatever the amount", () => {
      expect(value({ kind: "flat", value: 150 }, 1)).toBe(150);
      expect(value({ kind: "flat", value: 150 }, 99_999_999)).toBe(150);
      expect(earn({ kind: "flat", value: 150 }, 100).outcome?.explanation).toEqual(["flat 150 points"]);
    });
  });

  describe("percentage", () => {
    it("is a percentage of the amount in minor units: 1 % of 250,000 paise = 2,500 points", () => {
      expect(value({ kind: "percentage", rate: "1" }, 250_000)).toBe(2500);
    });

    it("explains the exact result and the rounding", () => {
      const r = earn({ kind: "percentage", rate: "1.5" }, 250_050);
      expect(r.value).toBe(3750);
      expect(r.outcome?.explanation).toEqual(["1.5 % of ₹2,500.50 = 3,750.75 → 3,750 points (rounded down)"]);
      expect(earn({ kind: "percentage", rate: "2" }, 250_000).outcome?.explanation).toEqual(["2 % of ₹2,500.00 = 5,000 points"]);
    });

    it.each<[string, number, Rounding, number]>([
      ["1.5", 100, "floor", 1],
      ["1.5", 100, "half_up", 2],
      ["1.5", 100, "half_even", 2],
      ["1.5", 300, "floor", 4],
      ["1.5", 300, "half_up", 5],
      ["1.5", 300, "half_even", 4],
      ["2.5", 100, "half_even", 2],
      ["3.5", 100, "half_even", 4],
      ["0.333333", 1000, "half_up", 3],
      ["0.666667", 100, "half_up", 1],
      ["0.666667", 100, "floor", 0],
    ])("%s %% of %i rounded %s = %i", (rate, amount, rounding, expected) => {
      expect(earn({ kind: "percentage", rate }, amount, { rounding }).value).toBe(expected);
    });

    it("rounds points down and cashback half-even by default", () => {
      expect(value({ kind: "percentage", rate: "1.5" }, 300)).toBe(4); // 4.5 points → 4
      expect(value({ kind: "percentage", rate: "1.5" }, 100)).toBe(1); // 1.5 points → 1
      const cashback: OfferOutcome = { type: "cashback", currency: "INR" };
      expect(value({ kind: "percentage", rate: "1.5" }, 300, { outcome: cashback })).toBe(4); // 4.5 paise → 4 (even)
      expect(value({ kind: "percentage", rate: "1.5" }, 100, { outcome: cashback })).toBe(2); // 1.5 paise → 2 (even)
    });

    it("applies the cap per transaction to the rounded result", () => {
      const rule: CalculationRule = { kind: "percentage", rate: "10", capPerTransaction: 500 };
      expect(value(rule, 4_999)).toBe(499);
      expect(value(rule, 5_000)).toBe(500);
      const r = earn(rule, 100_000);
      expect(r.value).toBe(500);
      expect(r.outcome?.explanation).toEqual(["10 % of ₹1,000.00 = 10,000 points", "capped at 500 points per transaction by the rule"]);
    });

    it("gives nothing (zero_value) when the result rounds to 0", () => {
      expect(value({ kind: "percentage", rate: "0.5" }, 199)).toBe("zero_value");
      expect(value({ kind: "percentage", rate: "0.5" }, 200)).toBe(1);
      expect(value({ kind: "percentage", rate: "5" }, 0)).toBe("zero_value");
    });

    it("stays exact beyond 2^53 intermediate products (BigInt path)", () => {
      // 9,007,199,254,740,991 × 1 % = 90,071,992,547,409.91
      expect(value({ kind: "percentage", rate: "1" }, Number.MAX_SAFE_INTEGER)).toBe(90_071_992_547_409);
      expect(value({ kind: "percentage", rate: "1" }, Number.MAX_SAFE_INTEGER, { rounding: "half_up" })).toBe(90_071_992_547_410);
      expect(value({ kind: "percentage", rate: "100" }, Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    });

    it("agrees with a BigInt reference for any amount and rate (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 100_000_000 }), (amount, micro) => {
          const rate = `${Math.floor(micro / 1e6)}.${String(micro % 1e6).padStart(6, "0")}`;
          const expected = Number((BigInt(amount) * BigInt(micro)) / 100_000_000n);
          const got = earn({ kind: "percentage", rate }, amount);
          return expected === 0 ? got.reason === "zero_value" : got.value === expected;
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("slab, whole mode (the band of the amount applies to all of it)", () => {
    const flatBands: CalculationRule = {
      kind: "slab",
      mode: "whole",
      bands: [{ from: 1000, to: 5000, value: 20 }, { from: 5000, to: 20_000, value: 30 }, { from: 20_000, value: 50 }],
    };
    it.each([
      [999, "zero_value"], // below the first band
      [1000, 20], [1001, 20],
      [4999, 20], [5000, 30], [5001, 30],
      [19_999, 30], [20_000, 50], [20_001, 50],
    ])("amount %i → %s", (amount, expected) => {
      expect(value(flatBands, amount)).toBe(expected);
    });

    const rateBands: CalculationRule = {
      kind: "slab",
      mode: "whole",
      bands: [{ from: 0, to: 100_000, rate: "1" }, { from: 100_000, to: 500_000, rate: "2" }],
    };
    it.each([
      [99_900, 999], [99_999, 999], [100_000, 2000], [100_100, 2002],
      [499_900, 9998], [499_999, 9999], [500_000, "zero_value"], [500_100, "zero_value"], // at or above a closed last band
    ])("rate bands: amount %i → %s", (amount, expected) => {
      expect(value(rateBands, amount)).toBe(expected);
    });

    it("explains which band applied", () => {
      expect(earn(rateBands, 250_000).outcome?.explanation).toEqual([
        "₹2,500.00 is in the band ₹1,000.00 to under ₹5,000.00: 2 % of ₹2,500.00 = 5,000 points",
      ]);
    });
  });

  describe("slab, banded mode (each band earns on its part)", () => {
    const rateBands: CalculationRule = {
      kind: "slab",
      mode: "banded",
      bands: [{ from: 0, to: 100_000, rate: "1" }, { from: 100_000, to: 500_000, rate: "2" }, { from: 500_000, rate: "3" }],
    };
    it.each([
      [99_900, 999],
      [100_000, 1000],
      [100_100, 1002], // 1,000 + 2 % of 100
      [499_900, 8998],
      [500_000, 9000], // 1,000 + 8,000
      [500_100, 9003], // + 3 % of 100
      [1_000_000, 24_000], // 1,000 + 8,000 + 15,000
    ])("amount %i → %i", (amount, expected) => {
      expect(value(rateBands, amount)).toBe(expected);
    });

    it("sums the exact parts and rounds once", () => {
      // 1 % of 1,050 = 10.5 and 2 % of 25 = 0.5: 11 once summed, 10 if each part were rounded down.
      const rule: CalculationRule = { kind: "slab", mode: "banded", bands: [{ from: 0, to: 1050, rate: "1" }, { from: 1050, rate: "2" }] };
      const r = earn(rule, 1075);
      expect(r.value).toBe(11);
      expect(r.outcome?.explanation).toEqual([
        "band ₹0.00 to under ₹10.50: 1 % of ₹10.50 = 10.5",
        "band ₹10.50 and above: 2 % of ₹0.25 = 0.5",
        "total 11 points",
      ]);
    });

    const flatBands: CalculationRule = {
      kind: "slab",
      mode: "banded",
      bands: [{ from: 0, to: 1000, value: 10 }, { from: 1000, to: 5000, value: 20 }, { from: 5000, value: 30 }],
    };
    it.each([
      [1, 10], [999, 10], [1000, 30], [1001, 30], [4999, 30], [5000, 60], [5001, 60],
    ])("flat bands add their value once reached: amount %i → %i", (amount, expected) => {
      expect(value(flatBands, amount)).toBe(expected);
    });

    it("mixes flat and rate bands", () => {
      const rule: CalculationRule = { kind: "slab", mode: "banded", bands: [{ from: 0, to: 10_000, rate: "1" }, { from: 10_000, value: 500 }] };
      expect(value(rule, 9_999)).toBe(99);
      expect(value(rule, 10_000)).toBe(600);
      expect(value(rule, 50_000)).toBe(600);
    });
  });

  describe("partner points", () => {
    const partner: OfferOutcome = { type: "partner_points", partnerId: PARTNER };
    it("converts the rounded base value with the offer's rounding", () => {
      // 1.5 % of 25,000 = 375 base points; × 0.5 = 187.5
      const r = earn({ kind: "percentage", rate: "1.5" }, 25_000, { outcome: partner, conversion: "0.5" });
      expect(r.baseValue).toBe(375);
      expect(r.value).toBe(187);
      expect(r.outcome?.partnerId).toBe(PARTNER);
      expect(r.outcome?.explanation).toEqual([
        "1.5 % of ₹250.00 = 375 base points",
        "375 base points × 0.5 = 187.5 → 187 partner points (rounded down)",
      ]);
      expect(earn({ kind: "percentage", rate: "1.5" }, 25_000, { outcome: partner, conversion: "0.5", rounding: "half_up" }).value).toBe(188);
      expect(earn({ kind: "percentage", rate: "1.5" }, 25_000, { outcome: partner, conversion: "2" }).value).toBe(750);
    });

    it("caps per transaction in base units, before the conversion", () => {
      const r = earn({ kind: "percentage", rate: "10", capPerTransaction: 100 }, 100_000, { outcome: partner, conversion: "3" });
      expect([r.baseValue, r.value]).toEqual([100, 300]);
    });

    it("handles a large conversion without losing precision", () => {
      expect(earn({ kind: "flat", value: 3_000_000_000 }, 1, { outcome: partner, conversion: "3000000.000001" }).value).toBe(9_000_000_000_003_000);
    });
  });

  describe("vouchers", () => {
    const voucher: OfferOutcome = { type: "voucher", poolId: POOL };
    it("gives the count, at most 10 per award", () => {
      expect(earn({ kind: "flat", value: 1 }, 100, { outcome: voucher }).outcome).toMatchObject({ value: 1, poolId: POOL, outcomeType: "voucher" });
      const many = earn({ kind: "percentage", rate: "1" }, 2_500, { outcome: voucher });
      expect([many.baseValue, many.value]).toEqual([25, 10]);
      expect(many.outcome?.explanation.at(-1)).toBe("limited to 10 vouchers per award");
    });
  });

  describe("cashback", () => {
    it("is in minor units of the cashback currency and explained as money", () => {
      const r = earn({ kind: "percentage", rate: "1.5" }, 99, { outcome: { type: "cashback", currency: "INR" } });
      expect(r.value).toBe(1);
      expect(r.outcome).toMatchObject({ currency: "INR", outcomeType: "cashback" });
      expect(r.outcome?.explanation).toEqual(["1.5 % of ₹0.99 = ₹0.01485 → ₹0.01 cashback (rounded half to even)"]);
    });

    it("skips a transaction in another currency for an amount-based rule (currency_mismatch)", () => {
      expect(value({ kind: "percentage", rate: "1" }, 10_000, { outcome: { type: "cashback", currency: "INR" }, tx: { currency: "USD" } })).toBe(
        "currency_mismatch",
      );
      // A flat cashback does not read the amount.
      expect(value({ kind: "flat", value: 500 }, 10_000, { outcome: { type: "cashback", currency: "INR" }, tx: { currency: "USD" } })).toBe(500);
    });
  });
});
