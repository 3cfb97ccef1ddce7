import fc from "fast-check";
import { engineErrorCode } from "../support/engine";
import { describe, expect, it } from "vitest";
import { currencyMinorDigits, formatMinorUnits, multiplyToMinorUnits, parseDecimal } from "@/lib/engine";
import { formatShare, pointsToMinorUnits } from "@/lib/engine/decimal";


/** Independent half-even reference: rounds the exact decimal digits of points × ratio as text. */
function halfEvenReference(points: number, ratio: string, minorDigits: number): bigint {
  const [int, frac = ""] = ratio.split(".");
  const product = BigInt(points) * BigInt(`${int}${frac}`);
  const shift = frac.length - minorDigits;
  if (shift <= 0) return product * 10n ** BigInt(-shift);
  const digits = product.toString().padStart(shift + 1, "0");
  const kept = BigInt(digits.slice(0, -shift));
  const dropped = digits.slice(-shift);
  const half = "5".padEnd(shift, "0");
  if (dropped > half || (dropped === half && kept % 2n === 1n)) return kept + 1n;
  return kept;
}

describe("engine decimal", () => {
  describe("parseDecimal", () => {
    it.each([
      ["0.25", 25n, 2],
      ["1", 1n, 0],
      ["0.0035", 35n, 4],
      ["12.500", 12500n, 3],
      ["0.000000000001", 1n, 12],
      ["007", 7n, 0],
    ])("parses %s", (s, units, scale) => {
      expect(parseDecimal(s)).toEqual({ units, scale });
    });

    it.each(["", "-1", "+1", "1.", ".5", "1e3", "0x10", " 1", "1 ", "1,5", "NaN", "0.0000000000001", "1.2.3"])(
      "rejects %j",
      (s) => {
        expect(engineErrorCode(() => parseDecimal(s))).toBe("invalid_decimal");
      },
    );

    it("rejects a non-string", () => {
      expect(engineErrorCode(() => parseDecimal(0.25 as unknown as string))).toBe("invalid_decimal");
    });
  });

  describe("multiplyToMinorUnits", () => {
    it("converts 7 points at 0.25 INR to 175 paise", () => {
      expect(multiplyToMinorUnits(7, "0.25", 2, "half_even")).toBe(175);
    });

    it("handles zero-digit and three-digit currencies", () => {
      expect(multiplyToMinorUnits(1000, "0.5", 0, "half_even")).toBe(500);
      expect(multiplyToMinorUnits(3, "0.0035", 3, "half_even")).toBe(10); // 0.0105 KWD → 10.5 fils → 10
    });

    describe("rounding of exact halves", () => {
      // 1 point × 0.005 = 0.5 minor units; 3 × 0.005 = 1.5; 5 × 0.005 = 2.5
      it.each([
        [1, "half_even", 0], [3, "half_even", 2], [5, "half_even", 2],
        [1, "half_up", 1], [3, "half_up", 2], [5, "half_up", 3],
        [1, "floor", 0], [3, "floor", 1], [5, "floor", 2],
      ] as const)("%i × 0.005 with %s → %i", (points, rounding, expected) => {
        expect(multiplyToMinorUnits(points, "0.005", 2, rounding)).toBe(expected);
      });
    });

    it("rounds non-halves to nearest except floor", () => {
      expect(multiplyToMinorUnits(1, "0.0051", 2, "half_even")).toBe(1);
      expect(multiplyToMinorUnits(1, "0.0049", 2, "half_up")).toBe(0);
      expect(multiplyToMinorUnits(1, "0.0099", 2, "floor")).toBe(0);
    });

    it("rounds negative amounts symmetrically, floor toward minus infinity", () => {
      expect(multiplyToMinorUnits(-3, "0.005", 2, "half_even")).toBe(-2);
      expect(multiplyToMinorUnits(-1, "0.005", 2, "half_up")).toBe(-1);
      expect(multiplyToMinorUnits(-1, "0.0001", 2, "floor")).toBe(-1);
    });

    it("is exact where floats are not", () => {
      // 0.1 + 0.2 style traps: 3 × 0.1 = 0.3 exactly, 1,000,000,001 × 0.07 = 70,000,000.07
      expect(multiplyToMinorUnits(3, "0.1", 1, "floor")).toBe(3);
      expect(multiplyToMinorUnits(1_000_000_001, "0.07", 2, "floor")).toBe(7_000_000_007);
    });

    it("rejects non-integer and unsafe points", () => {
      for (const p of [1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
        expect(engineErrorCode(() => multiplyToMinorUnits(p, "1", 2, "half_even"))).toBe("invalid_points");
      }
    });

    it("rejects bad ratios, digits, roundings and overflow", () => {
      expect(engineErrorCode(() => multiplyToMinorUnits(1, "0.1.1", 2, "half_even"))).toBe("invalid_decimal");
      expect(engineErrorCode(() => multiplyToMinorUnits(1, "1", -1, "half_even"))).toBe("invalid_minor_digits");
      expect(engineErrorCode(() => multiplyToMinorUnits(1, "1", 1.5, "half_even"))).toBe("invalid_minor_digits");
      expect(engineErrorCode(() => multiplyToMinorUnits(1, "0.001", 2, "up" as "floor"))).toBe("invalid_rounding");
      expect(engineErrorCode(() => multiplyToMinorUnits(Number.MAX_SAFE_INTEGER, "100", 2, "floor"))).toBe("amount_out_of_range");
    });

    it("matches a BigInt reference for half_even on random ratios (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.stringMatching(/^\d{1,3}(\.\d{1,12})?$/),
          fc.constantFrom(0, 2, 3),
          (points, ratio, digits) => {
            const reference = halfEvenReference(points, ratio, digits);
            fc.pre(reference <= BigInt(Number.MAX_SAFE_INTEGER));
            expect(multiplyToMinorUnits(points, ratio, digits, "half_even")).toBe(Number(reference));
            expect(multiplyToMinorUnits(-points, ratio, digits, "half_even")).toBe(-Number(reference) || 0);
          },
        ),
        { numRuns: 1000 },
      );
    });
  });

  describe("currencyMinorDigits", () => {
    it.each([
      ["JPY", 0], ["KRW", 0], ["VND", 0], ["CLP", 0], ["ISK", 0], ["UGX", 0],
      ["BHD", 3], ["KWD", 3], ["OMR", 3], ["JOD", 3], ["TND", 3], ["IQD", 3], ["LYD", 3],
      ["INR", 2], ["USD", 2], ["EUR", 2], ["GBP", 2], ["inr", 2], ["jpy", 0],
    ])("%s has %i minor digits", (currency, digits) => {
      expect(currencyMinorDigits(currency)).toBe(digits);
    });

    it.each(["", "US", "USDX", "12A"])("rejects %j", (c) => {
      expect(engineErrorCode(() => currencyMinorDigits(c))).toBe("invalid_currency");
    });
  });

  describe("formatMinorUnits", () => {
    it.each([
      [175, "INR", "1.75"], [5, "INR", "0.05"], [0, "INR", "0.00"], [-175, "INR", "-1.75"],
      [175, "JPY", "175"], [1234, "KWD", "1.234"], [-5, "KWD", "-0.005"], [123456789, "USD", "1234567.89"],
    ])("%i %s → %s", (minor, currency, text) => {
      expect(formatMinorUnits(minor, currency)).toBe(text);
    });

    it("rejects fractional minor units", () => {
      expect(engineErrorCode(() => formatMinorUnits(1.5, "INR"))).toBe("invalid_amount");
    });
  });

  describe("report values", () => {
    it("values points beyond 2^53 exactly, rounding once", () => {
      expect(pointsToMinorUnits(12_345_678_901_234_567n, "0.25", 2, "half_even")).toBe(308_641_972_530_864_175n);
      expect(pointsToMinorUnits(3n, "0.005", 2, "half_even")).toBe(2n); // 1.5 paise → 2 (half-even)
      expect(pointsToMinorUnits(5n, "0.005", 2, "half_even")).toBe(2n); // 2.5 paise → 2 (half-even)
    });

    it("formats a share to one decimal, half-even, and nothing for an empty whole", () => {
      expect(formatShare(1n, 8n)).toBe("12.5%");
      expect(formatShare(1n, 16n)).toBe("6.2%");
      expect(formatShare(-1n, 16n)).toBe("-6.2%");
      expect(formatShare(5n, 0n)).toBeNull();
    });
  });
});
