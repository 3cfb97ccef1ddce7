import { describe, expect, it } from "vitest";
import { blockUsageSeries, bucketCounts, bucketTotals, costOf, emptyTotals, failureRate, netValue, sortAndPage } from "@/lib/reports/offers/compute";
import { readComparePair, readOfferListParams, readRange } from "@/lib/reports/offers/params";

const day = (d: string, patch: Partial<ReturnType<typeof emptyTotals>>) => ({ day: d, ...emptyTotals(), ...patch });

describe("offer report figures", () => {
  describe("failure rate", () => {
    it("is failed ÷ (posted + failed), one decimal, rounded half-even from integers", () => {
      expect(failureRate(1, 2)).toEqual({ failed: 1, settled: 3, percent: "33.3%" });
      expect(failureRate(2, 1)).toEqual({ failed: 2, settled: 3, percent: "66.7%" });
      expect(failureRate(0, 5)?.percent).toBe("0.0%");
      expect(failureRate(7, 0)?.percent).toBe("100.0%");
      // 1 of 16 = 6.25% → 6.2% (half to even), 3 of 16 = 18.75% → 18.8%.
      expect(failureRate(1, 15)?.percent).toBe("6.2%");
      expect(failureRate(3, 13)?.percent).toBe("18.8%");
    });
    it("has no rate when nothing has settled", () => {
      expect(failureRate(0, 0)).toBeNull();
    });
  });

  describe("cost", () => {
    it("prices reward points at the programme's points-to-currency, exactly, rounded once half-even", () => {
      expect(costOf("reward_points", "", 300, { program: { pointsToCurrency: "0.25", currency: "INR" }, unitLabel: "points" })).toEqual({ kind: "money", minor: 7500n, currency: "INR" });
      // 3 points × 0.005 = 0.015 INR = 1.5 paise → 2 (half-even); 1 point → 0.5 paise → 0.
      expect(costOf("reward_points", "", 3, { program: { pointsToCurrency: "0.005", currency: "INR" }, unitLabel: "points" })).toMatchObject({ minor: 2n });
      expect(costOf("reward_points", "", 1, { program: { pointsToCurrency: "0.005", currency: "INR" }, unitLabel: "points" })).toMatchObject({ minor: 0n });
      expect(costOf("reward_points", "", 9_007_199_254_740_991, { program: { pointsToCurrency: "1", currency: "KWD" }, unitLabel: "points" })).toMatchObject({ minor: 9_007_199_254_740_991_000n });
    });
    it("takes cashback as it is, and keeps partner points and vouchers in their units", () => {
      expect(costOf("cashback", "SGD", 4550, { program: null, unitLabel: "SGD" })).toEqual({ kind: "money", minor: 4550n, currency: "SGD" });
      expect(costOf("partner_points", "b1", 500, { program: { pointsToCurrency: "0.25", currency: "INR" }, unitLabel: "Skyward Miles" })).toEqual({ kind: "units", value: 500, unit: "Skyward Miles" });
      expect(costOf("voucher", "", 3, { program: null, unitLabel: "vouchers" })).toEqual({ kind: "units", value: 3, unit: "vouchers" });
    });
  });

  it("counts pending and posted, less what refunds took back, as the net value", () => {
    expect(netValue({ ...emptyTotals(), pendingValue: 100, postedValue: 400, failedValue: 50, reversedValue: 70, takenBack: 30 })).toBe(470);
  });

  describe("buckets", () => {
    const range = { from: "2026-03-01", to: "2026-03-16", grain: "week" as const };
    it("sums days into ISO weeks, every week of the range present, days outside ignored", () => {
      const buckets = bucketTotals([day("2026-03-01", { awards: 2 }), day("2026-03-02", { awards: 3 }), day("2026-03-08", { awards: 1 }), day("2026-03-17", { awards: 9 }), day("2026-02-28", { awards: 9 })], range);
      expect(buckets.map((b) => [b.start, b.totals.awards])).toEqual([
        ["2026-02-23", 2],
        ["2026-03-02", 4],
        ["2026-03-09", 0],
        ["2026-03-16", 0],
      ]);
      expect(bucketCounts([{ day: "2026-03-10", n: 4 }], range).map((b) => b.n)).toEqual([0, 0, 4, 0]);
    });
    it("carries a block's use from before the range and runs it cumulatively", () => {
      const series = blockUsageSeries({ points: 1000 }, 300, [{ day: "2026-03-03", debited: 200, returned: 0 }, { day: "2026-03-10", debited: 50, returned: 120 }], range);
      expect(series.map((s) => [s.used, s.remaining])).toEqual([
        [300, 700],
        [500, 500],
        [430, 570],
        [430, 570],
      ]);
    });
  });

  it("sorts by the chosen figure (ties by name) and cuts the page", () => {
    const rows = [{ name: "B", n: 2 }, { name: "A", n: 2 }, { name: "C", n: 5 }, { name: "D", n: 1 }];
    expect(sortAndPage(rows, (r) => r.n, "desc", 1, 2)).toEqual({ rows: [rows[2], rows[1]], total: 4 });
    expect(sortAndPage(rows, (r) => r.n, "desc", 2, 2).rows.map((r) => r.name)).toEqual(["B", "D"]);
    expect(sortAndPage(rows, (r) => r.name, "asc", 1, 10).rows.map((r) => r.name)).toEqual(["A", "B", "C", "D"]);
  });
});

describe("offer report parameters", () => {
  const now = new Date("2026-03-15T20:00:00Z");
  it("defaults to the 30 days ending today in the time zone, and names a bad field with a code", () => {
    expect(readRange({}, now, "Asia/Kolkata")).toEqual({ ok: true, range: { from: "2026-02-15", to: "2026-03-16", grain: "day" } });
    expect(readRange({ from: "2026-02-30" }, now, "UTC")).toMatchObject({ ok: false, error: { code: "invalid_range", field: "from" } });
  });
  it("reads the list's filters and order", () => {
    expect(readOfferListParams({})).toEqual({ ok: true, params: { programId: null, status: null, sort: "awards", direction: "desc" } });
    expect(readOfferListParams({ sort: "name" })).toMatchObject({ ok: true, params: { sort: "name", direction: "asc" } });
    expect(readOfferListParams({ sort: "price" })).toMatchObject({ ok: false, error: { code: "invalid_sort" } });
    expect(readOfferListParams({ status: "gone" })).toMatchObject({ ok: false, error: { code: "invalid_status" } });
    expect(readOfferListParams({ program: "nope" })).toMatchObject({ ok: false, error: { code: "invalid_id", field: "program" } });
  });
  it("asks for two different offers to compare", () => {
    const id = "3f2b8c1e-2a4d-4b6e-8f00-1234567890ab";
    expect(readComparePair({ a: id.toUpperCase() })).toEqual({ ok: true, a: id, b: null });
    expect(readComparePair({ a: id, b: id })).toMatchObject({ ok: false, error: { code: "same_offer", field: "b" } });
  });
});
