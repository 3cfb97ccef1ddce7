import { describe, expect, it } from "vitest";
import { breakageRate, bucketCounts, bucketize, figuresOf, liabilityByCurrency, liabilityMinor, zeroMovements, type Movements } from "@/lib/reports/points/compute";
import { parseDashboardParams } from "@/lib/reports/points/params";

const moves = (m: Partial<Record<keyof Movements, number>>): Movements => {
  const out = zeroMovements();
  for (const [k, v] of Object.entries(m)) out[k as keyof Movements] = BigInt(v);
  return out;
};

describe("points dashboard arithmetic", () => {
  describe("figuresOf", () => {
    it("nets redemptions of their reversals and puts everything else in other, so net is the balance change", () => {
      const f = figuresOf(moves({ awarded: 1000, adjustedIn: 40, adjustedOut: 20, takenBack: 30, redeemed: 400, redemptionReversed: 100, expired: 50, transferredIn: 70, transferredOut: 60, otherIn: 3, otherOut: 1 }));
      expect(f).toEqual({ issued: 1040n, redeemed: 300n, expired: 50n, other: 70n - 60n - 30n - 20n + 3n - 1n, net: 1040n - 300n - 50n - 38n });
      expect(f.net).toBe(1000n + 40n + 100n + 70n + 3n - 20n - 30n - 400n - 50n - 60n - 1n);
    });
  });

  describe("bucketize", () => {
    const days = [
      { day: "2025-01-05", movements: moves({ awarded: 5 }) }, // before the range: ignored
      { day: "2025-01-06", movements: moves({ awarded: 100 }) },
      { day: "2025-01-12", movements: moves({ redeemed: 30 }) },
      { day: "2025-01-13", movements: moves({ expired: 10 }) },
      { day: "2025-02-01", movements: moves({ awarded: 7 }) },
    ];

    it("sums days into ISO weeks, zero-fills empty weeks and carries the outstanding balance from the opening", () => {
      const buckets = bucketize({ from: "2025-01-06", to: "2025-01-26", grain: "week" }, days, 1_000n);
      expect(buckets.map((b) => [b.start, b.net, b.outstanding])).toEqual([
        ["2025-01-06", 70n, 1_070n],
        ["2025-01-13", -10n, 1_060n],
        ["2025-01-20", 0n, 1_060n],
      ]);
      expect(buckets[0]!.label).toBe("w/c 6 Jan");
    });

    it("starts a month bucket on the 1st even when the range starts later, counting only the range's days", () => {
      const buckets = bucketize({ from: "2025-01-06", to: "2025-02-10", grain: "month" }, days, 0n);
      expect(buckets.map((b) => [b.start, b.issued, b.redeemed, b.expired])).toEqual([
        ["2025-01-01", 100n, 30n, 10n],
        ["2025-02-01", 7n, 0n, 0n],
      ]);
    });
  });

  it("bucketCounts sums daily counts into the range's buckets", () => {
    const counts = bucketCounts({ from: "2025-01-01", to: "2025-01-31", grain: "week" }, [
      { day: "2025-01-01", count: 2 },
      { day: "2025-01-05", count: 1 },
      { day: "2025-01-06", count: 4 },
      { day: "2025-02-01", count: 9 },
    ]);
    expect([...counts]).toEqual([["2024-12-30", 3], ["2025-01-06", 4], ["2025-01-13", 0], ["2025-01-20", 0], ["2025-01-27", 0]]);
  });

  describe("breakage and percentages", () => {
    it("is expired ÷ issued to one decimal, half-even, and nothing when nothing was issued", () => {
      expect(breakageRate(100n, 1_200n)).toBe("8.3%");
      expect(breakageRate(1n, 16n)).toBe("6.2%"); // 6.25 → 6.2 (half-even)
      expect(breakageRate(3n, 16n)).toBe("18.8%"); // 18.75 → 18.8
      expect(breakageRate(5n, 0n)).toBeNull();
    });
  });

  describe("liability", () => {
    it("values points at the programme's ratio in minor units, exactly", () => {
      expect(liabilityMinor(3_310n, "0.25", "INR")).toBe(82_750n);
      expect(liabilityMinor(1_080n, "0.013", "USD")).toBe(1_404n);
      expect(liabilityMinor(1n, "0.005", "USD")).toBe(0n); // 0.5 cent → 0 (half-even)
      expect(liabilityMinor(3n, "0.005", "USD")).toBe(2n); // 1.5 cents → 2
      expect(liabilityMinor(999n, "1.5", "JPY")).toBe(1_498n); // 1498.5 → 1498
      expect(liabilityMinor(-5n, "0.25", "INR")).toBe(0n);
    });

    it("sums per currency, never across currencies", () => {
      expect(
        liabilityByCurrency([
          { outstanding: 100n, pointsToCurrency: "0.25", currency: "INR" },
          { outstanding: 10n, pointsToCurrency: "0.5", currency: "INR" },
          { outstanding: 100n, pointsToCurrency: "0.01", currency: "USD" },
        ]),
      ).toEqual([
        { currency: "INR", minor: 3_000n },
        { currency: "USD", minor: 100n },
      ]);
    });
  });
});

describe("parseDashboardParams", () => {
  const programs = [
    { id: "11111111-1111-4111-8111-111111111111", isDefault: true, timeZone: "Asia/Kolkata" },
    { id: "22222222-2222-4222-8222-222222222222", isDefault: false, timeZone: "America/New_York" },
  ];
  // 20:00 UTC on 30 November: already 1 December in Kolkata, still 30 November in New York.
  const now = new Date("2026-11-30T20:00:00Z");

  it("defaults to the group and the 30 days to today in the default programme's time zone", () => {
    expect(parseDashboardParams({}, programs, now)).toEqual({ ok: true, scope: "group", timeZone: "Asia/Kolkata", range: { from: "2026-11-02", to: "2026-12-01", grain: "day" } });
  });

  it("reads a programme's days in its own time zone", () => {
    const parsed = parseDashboardParams({ program: programs[1]!.id, grain: "week" }, programs, now);
    expect(parsed).toMatchObject({ ok: true, scope: programs[1]!.id, timeZone: "America/New_York", range: { to: "2026-11-30", grain: "week" } });
  });

  it("names the field of a bad choice", () => {
    expect(parseDashboardParams({ program: "nope" }, programs, now)).toMatchObject({ ok: false, field: "program" });
    expect(parseDashboardParams({ grain: "year" }, programs, now)).toMatchObject({ ok: false, field: "grain" });
    expect(parseDashboardParams({ from: "2026-12-05", to: "2026-12-01" }, programs, now)).toMatchObject({ ok: false, field: "from" });
  });
});
