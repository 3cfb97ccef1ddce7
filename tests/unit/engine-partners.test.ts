import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBlockDebit, EngineError, partnerDebitPoints, partnerShareToRelease, statementAmountDue, type FundingBlock } from "@/lib/engine";

describe("partnerDebitPoints", () => {
  it("multiplies by the debit rate and rounds up, never down", () => {
    expect(partnerDebitPoints(100, "1")).toBe(100);
    expect(partnerDebitPoints(100, "1.25")).toBe(125);
    expect(partnerDebitPoints(3, "0.5")).toBe(2); // 1.5 → 2
    expect(partnerDebitPoints(1, "0.000000000001")).toBe(1);
    expect(partnerDebitPoints(7, "0.333333333333")).toBe(3); // 2.333… → 3
  });

  it("refuses zero or negative points and a zero rate", () => {
    expect(() => partnerDebitPoints(0, "1")).toThrow(EngineError);
    expect(() => partnerDebitPoints(-5, "1")).toThrow(EngineError);
    expect(() => partnerDebitPoints(5, "0")).toThrow(EngineError);
    expect(() => partnerDebitPoints(5, "-1")).toThrow(EngineError);
  });

  it("is never below points × rate and less than one above it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (points, rateMillionths) => {
        const rate = (rateMillionths / 1_000_000).toFixed(6);
        const debit = BigInt(partnerDebitPoints(points, rate));
        const exact = BigInt(points) * BigInt(rateMillionths); // × 10^6
        expect(debit * 1_000_000n >= exact).toBe(true);
        expect((debit - 1n) * 1_000_000n < exact).toBe(true);
      }),
    );
  });
});

describe("statementAmountDue", () => {
  it("bills points × price in minor units, rounded half up once", () => {
    expect(statementAmountDue(1000, "0.25", "INR")).toBe(25_000); // ₹250.00
    expect(statementAmountDue(3, "0.005", "INR")).toBe(2); // 1.5 paise → 2
    expect(statementAmountDue(1, "0.004", "INR")).toBe(0);
    expect(statementAmountDue(1000, "1.5", "JPY")).toBe(1500);
    expect(statementAmountDue(7, "0.0015", "KWD")).toBe(11); // 10.5 fils → 11
  });
});

describe("allocateBlockDebit", () => {
  const block = (id: string, points: number, used = 0, kind: FundingBlock["kind"] = "prepaid"): FundingBlock => ({ id, kind, points, used });

  it("takes the oldest prepaid block first, then the next", () => {
    expect(allocateBlockDebit([block("a", 100, 90), block("b", 100)], 30)).toEqual([
      { blockId: "a", points: 10, reserve: false },
      { blockId: "b", points: 20, reserve: false },
    ]);
  });

  it("uses the reserve only when the prepaid blocks are exhausted, whatever the order given", () => {
    const blocks = [block("r", 500, 0, "reserve"), block("a", 50, 0)];
    expect(allocateBlockDebit(blocks, 40)).toEqual([{ blockId: "a", points: 40, reserve: false }]);
    expect(allocateBlockDebit(blocks, 70)).toEqual([
      { blockId: "a", points: 50, reserve: false },
      { blockId: "r", points: 20, reserve: true },
    ]);
  });

  it("funds all or nothing", () => {
    expect(allocateBlockDebit([block("a", 50, 10), block("r", 5, 0, "reserve")], 46)).toBeNull();
    expect(allocateBlockDebit([], 1)).toBeNull();
    expect(allocateBlockDebit([block("a", 50, 10), block("r", 5, 0, "reserve")], 45)).toHaveLength(2);
  });

  it("never takes more than a block has left, and the parts add up to the debit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ points: fc.integer({ min: 1, max: 1000 }), usedShare: fc.integer({ min: 0, max: 100 }), reserve: fc.boolean() }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5000 }),
        (specs, debit) => {
          const blocks = specs.map((s, i) => block(`b${i}`, s.points, Math.floor((s.points * s.usedShare) / 100), s.reserve ? "reserve" : "prepaid"));
          const available = blocks.reduce((sum, b) => sum + b.points - b.used, 0);
          const parts = allocateBlockDebit(blocks, debit);
          if (available < debit) {
            expect(parts).toBeNull();
            return;
          }
          expect(parts!.reduce((sum, p) => sum + p.points, 0)).toBe(debit);
          for (const p of parts!) {
            const b = blocks.find((x) => x.id === p.blockId)!;
            expect(p.points).toBeGreaterThan(0);
            expect(p.points).toBeLessThanOrEqual(b.points - b.used);
          }
          const firstReserve = parts!.findIndex((p) => p.reserve);
          if (firstReserve >= 0) {
            const prepaidLeft = blocks.filter((b) => b.kind === "prepaid").reduce((sum, b) => sum + b.points - b.used, 0);
            expect(parts!.slice(0, firstReserve).reduce((s, p) => s + p.points, 0)).toBe(prepaidLeft);
          }
        },
      ),
    );
  });
});

describe("partnerShareToRelease", () => {
  it("gives back the refunded share of what is held, rounded up, and everything with the last refund", () => {
    expect(partnerShareToRelease(300, 33, 100)).toBe(99);
    expect(partnerShareToRelease(201, 50, 67)).toBe(150); // 150.0 exactly
    expect(partnerShareToRelease(10, 1, 3)).toBe(4); // 3.33 → 4
    expect(partnerShareToRelease(51, 17, 17)).toBe(51);
    expect(partnerShareToRelease(0, 5, 10)).toBe(0);
    expect(partnerShareToRelease(5, 0, 10)).toBe(0);
  });

  it("stays exact beyond 2^53 intermediate products", () => {
    expect(partnerShareToRelease(9_000_000_000_000, 3_000, 9_000)).toBe(3_000_000_000_000);
  });

  it("refunds in any pieces that add up to the whole give back exactly what was held", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }), (held, pieces) => {
        let due = pieces.reduce((s, p) => s + p, 0);
        let left = held;
        for (const x of pieces) {
          const back = partnerShareToRelease(left, x, due);
          expect(back).toBeGreaterThanOrEqual(0);
          expect(back).toBeLessThanOrEqual(left);
          left -= back;
          due -= x;
        }
        expect(left).toBe(0);
      }),
    );
  });
});
