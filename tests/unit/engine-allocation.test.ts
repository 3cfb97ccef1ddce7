import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, breakupByProgram, consumptionOrder, EngineError, spendable, type SpendableLot } from "@/lib/engine";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const at = (iso: string) => new Date(iso);
const lot = (lotId: number, pointsLeft: number, expiresAt: string | null, awardedAt = "2026-01-01T00:00:00Z", programId = "p1"): SpendableLot => ({
  lotId, programId, pointsLeft, awardedAt: at(awardedAt), expiresAt: expiresAt === null ? null : at(expiresAt),
});

describe("engine allocation", () => {
  describe("consumptionOrder", () => {
    it("earliest expiry first, never-expiring last", () => {
      const lots = [lot(1, 10, null), lot(2, 10, "2026-09-01T00:00:00Z"), lot(3, 10, "2026-07-01T00:00:00Z")];
      expect(consumptionOrder(lots).map((l) => l.lotId)).toEqual([3, 2, 1]);
    });
    it("ties go to the earliest awarded, then the lowest lot id", () => {
      const lots = [
        lot(5, 10, "2026-07-01T00:00:00Z", "2026-02-01T00:00:00Z"),
        lot(4, 10, "2026-07-01T00:00:00Z", "2026-01-01T00:00:00Z"),
        lot(3, 10, "2026-07-01T00:00:00Z", "2026-02-01T00:00:00Z"),
        lot(2, 10, null, "2026-03-01T00:00:00Z"),
        lot(1, 10, null, "2026-04-01T00:00:00Z"),
      ];
      expect(consumptionOrder(lots).map((l) => l.lotId)).toEqual([4, 3, 5, 2, 1]);
    });
    it("does not mutate its input", () => {
      const lots = [lot(1, 10, null), lot(2, 10, "2026-07-01T00:00:00Z")];
      const copy = [...lots];
      consumptionOrder(lots);
      expect(lots).toEqual(copy);
      expect(lots[0]).toBe(copy[0]);
    });
  });

  describe("spendable", () => {
    it("sums unexpired lots with points left", () => {
      const lots = [lot(1, 10, null), lot(2, 20, "2026-07-01T00:00:00Z"), lot(3, 40, "2026-06-01T00:00:00Z"), lot(4, 0, null)];
      expect(spendable(lots, NOW)).toBe(30);
    });
    it("a lot expiring exactly at now is not spendable; one ms later it is", () => {
      expect(spendable([lot(1, 10, NOW.toISOString())], NOW)).toBe(0);
      expect(spendable([lot(1, 10, new Date(NOW.getTime() + 1).toISOString())], NOW)).toBe(10);
    });
    it("ignores negative balances", () => {
      expect(spendable([lot(1, -5, null), lot(2, 5, null)], NOW)).toBe(5);
    });
    it("rejects a non-integer balance", () => {
      expect(() => spendable([lot(1, 1.5, null)], NOW)).toThrow(EngineError);
    });
  });

  describe("allocate", () => {
    it("takes from the earliest-expiring lots first, partially consuming only the last", () => {
      const lots = [lot(1, 100, null, "2026-01-01T00:00:00Z", "a"), lot(2, 30, "2026-07-01T00:00:00Z", "2026-01-01T00:00:00Z", "b"), lot(3, 50, "2026-08-01T00:00:00Z", "2026-01-01T00:00:00Z", "a")];
      expect(allocate(lots, 60, NOW)).toEqual({
        ok: true,
        allocations: [{ lotId: 2, programId: "b", points: 30 }, { lotId: 3, programId: "a", points: 30 }],
      });
    });
    it("can take everything", () => {
      const result = allocate([lot(1, 10, null), lot(2, 5, "2026-07-01T00:00:00Z")], 15, NOW);
      expect(result).toEqual({ ok: true, allocations: [{ lotId: 2, programId: "p1", points: 5 }, { lotId: 1, programId: "p1", points: 10 }] });
    });
    it("skips expired and empty lots", () => {
      const lots = [lot(1, 10, NOW.toISOString()), lot(2, 0, "2026-06-20T00:00:00Z"), lot(3, 10, "2026-06-30T00:00:00Z")];
      expect(allocate(lots, 5, NOW)).toEqual({ ok: true, allocations: [{ lotId: 3, programId: "p1", points: 5 }] });
    });
    it("uses a lot that expires one ms after now", () => {
      const lots = [lot(1, 10, null), lot(2, 10, new Date(NOW.getTime() + 1).toISOString())];
      expect(allocate(lots, 5, NOW)).toEqual({ ok: true, allocations: [{ lotId: 2, programId: "p1", points: 5 }] });
    });
    it("reports what is available when short", () => {
      const lots = [lot(1, 10, null), lot(2, 10, "2026-01-01T00:00:00Z")];
      expect(allocate(lots, 11, NOW)).toEqual({ ok: false, available: 10 });
      expect(allocate([], 1, NOW)).toEqual({ ok: false, available: 0 });
    });
    it.each([0, -1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])("rejects %d points", (points) => {
      expect(() => allocate([lot(1, 10, null)], points, NOW)).toThrow(expect.objectContaining({ code: "invalid_points" }));
    });
  });

  describe("breakupByProgram", () => {
    it("sums per programme in order of first appearance", () => {
      expect(breakupByProgram([
        { lotId: 1, programId: "b", points: 5 }, { lotId: 2, programId: "a", points: 7 }, { lotId: 3, programId: "b", points: 1 },
      ])).toEqual([{ programId: "b", points: 6 }, { programId: "a", points: 7 }]);
      expect(breakupByProgram([])).toEqual([]);
    });
  });

  describe("properties", () => {
    const base = NOW.getTime();
    const HOUR = 3_600_000;
    // Few distinct instants so that ties on expiry and award dates are common; some at exactly now.
    const instant = fc.integer({ min: -5, max: 5 }).map((h) => new Date(base + h * HOUR));
    const lotsArb = fc
      .array(
        fc.record({
          programId: fc.constantFrom("a", "b", "c"),
          awardedAt: instant,
          expiresAt: fc.option(instant, { nil: null }),
          pointsLeft: fc.integer({ min: -3, max: 50 }),
        }),
        { maxLength: 12 },
      )
      .chain((raw) =>
        fc.shuffledSubarray([...Array(raw.length * 3).keys()], { minLength: raw.length, maxLength: raw.length })
          .map((ids) => raw.map((r, i) => ({ ...r, lotId: ids[i]! }))),
      );
    const scenario = lotsArb.chain((lots) => fc.tuple(fc.constant(lots), fc.integer({ min: 1, max: 400 })));
    const byId = (lots: SpendableLot[]) => new Map(lots.map((l) => [l.lotId, l]));

    it("ok exactly when spendable ≥ points; allocations sum to points and never exceed a lot", () => {
      fc.assert(
        fc.property(scenario, ([lots, points]) => {
          const available = spendable(lots, NOW);
          const result = allocate(lots, points, NOW);
          expect(result.ok).toBe(available >= points);
          if (!result.ok) {
            expect(result.available).toBe(available);
            return;
          }
          const lotsById = byId(lots);
          expect(result.allocations.reduce((s, a) => s + a.points, 0)).toBe(points);
          expect(new Set(result.allocations.map((a) => a.lotId)).size).toBe(result.allocations.length);
          for (const a of result.allocations) {
            const l = lotsById.get(a.lotId)!;
            expect(a.points).toBeGreaterThan(0);
            expect(a.points).toBeLessThanOrEqual(l.pointsLeft);
            expect(l.expiresAt === null || l.expiresAt.getTime() > NOW.getTime()).toBe(true);
            expect(a.programId).toBe(l.programId);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it("takes a prefix of the consumption order, only the last lot partially", () => {
      fc.assert(
        fc.property(scenario, ([lots, points]) => {
          const result = allocate(lots, points, NOW);
          if (!result.ok) return;
          const order = consumptionOrder(lots.filter((l) => l.pointsLeft > 0 && (l.expiresAt === null || l.expiresAt > NOW)));
          const n = result.allocations.length;
          expect(result.allocations.map((a) => a.lotId)).toEqual(order.slice(0, n).map((l) => l.lotId));
          result.allocations.forEach((a, i) => {
            if (i < n - 1) expect(a.points).toBe(order[i]!.pointsLeft);
          });
          // sorted: earliest expiry (null last), then awarded
          for (let i = 1; i < order.length; i++) {
            const [p, q] = [order[i - 1]!, order[i]!];
            const pe = p.expiresAt?.getTime() ?? Infinity;
            const qe = q.expiresAt?.getTime() ?? Infinity;
            expect(pe <= qe).toBe(true);
            if (pe === qe) expect(p.awardedAt.getTime() <= q.awardedAt.getTime()).toBe(true);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it("conserves points: spendable(before) − points = spendable(after)", () => {
      fc.assert(
        fc.property(scenario, ([lots, points]) => {
          const result = allocate(lots, points, NOW);
          if (!result.ok) return;
          const taken = new Map(result.allocations.map((a) => [a.lotId, a.points]));
          const after = lots.map((l) => ({ ...l, pointsLeft: l.pointsLeft - (taken.get(l.lotId) ?? 0) }));
          expect(spendable(after, NOW)).toBe(spendable(lots, NOW) - points);
          const breakup = breakupByProgram(result.allocations);
          expect(breakup.reduce((s, b) => s + b.points, 0)).toBe(points);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
