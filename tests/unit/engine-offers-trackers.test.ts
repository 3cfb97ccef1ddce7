import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOfLocalDayAfter, fastLocalDate } from "@/lib/engine/offers/localday";
import {
  compileOffer,
  compileTracker,
  evaluateTransaction,
  measureTransaction,
  type MemberContext,
  type OfferDefinition,
  type OfferUsage,
  periodKey,
  type TrackerDefinition,
  trackerKey,
  type TrackerState,
  type TransactionInput,
  localDate,
} from "@/lib/engine";

const PROGRAM = "11111111-1111-4111-8111-111111111111";
const TZ = "Asia/Kolkata";
const AT = new Date("2026-12-10T06:00:00Z");
const member: MemberContext = { programIds: [PROGRAM], tierIdByProgram: {}, attributes: {} };

const purchase = (over: Partial<TransactionInput> = {}): TransactionInput => ({
  externalId: "t1", type: "purchase", amount: 150_000, currency: "INR", occurredAt: AT, ...over,
});

const annualSpend: TrackerDefinition = { metric: "transaction_amount", window: { kind: "calendar_year" } };

describe("engine offers: trackers", () => {
  describe("trackerKey", () => {
    it("is the same for definitions that track the same thing", () => {
      const a = trackerKey({ metric: "transaction_amount", window: { kind: "calendar_year" }, filters: { countries: ["AE", "SG"], channels: ["POS"] } });
      const b = trackerKey({ filters: { channels: ["pos"], countries: ["sg", "ae", "SG"], mccs: [] }, window: { kind: "calendar_year" }, metric: "transaction_amount" });
      expect(a).toBe(b);
      expect(trackerKey(annualSpend)).toBe(trackerKey({ ...annualSpend, filters: { mccs: [] } }));
      expect(trackerKey(annualSpend)).toBe('tracker:{"metric":"transaction_amount","window":{"kind":"calendar_year"}}');
    });
    it("differs when the metric, window or filters differ", () => {
      const keys = new Set([
        trackerKey(annualSpend),
        trackerKey({ ...annualSpend, metric: "visits" }),
        trackerKey({ ...annualSpend, window: { kind: "calendar_month" } }),
        trackerKey({ ...annualSpend, window: { kind: "rolling_days", days: 30 } }),
        trackerKey({ ...annualSpend, window: { kind: "rolling_days", days: 31 } }),
        trackerKey({ ...annualSpend, filters: { international: true } }),
        trackerKey({ ...annualSpend, filters: { lineItems: { skus: [], categories: [] } } }),
      ]);
      expect(keys.size).toBe(7);
    });
    it("rejects an invalid tracker", () => {
      expect(() => trackerKey({ metric: "points", window: { kind: "calendar_year" } } as unknown as TrackerDefinition)).toThrow(
        expect.objectContaining({ code: "invalid_tracker" }) as Error,
      );
    });
  });

  describe("periodKey in Asia/Kolkata (+05:30)", () => {
    const month = { kind: "calendar_month" } as const;
    const quarter = { kind: "calendar_quarter" } as const;
    const year = { kind: "calendar_year" } as const;
    it.each([
      // [instant, month, quarter, year]
      ["2026-03-31T18:29:59.999Z", "2026-03", "2026-Q1", "2026"], // 23:59:59.999 on 31 Mar, local
      ["2026-03-31T18:30:00.000Z", "2026-04", "2026-Q2", "2026"], // local midnight, 1 Apr
      ["2026-09-30T18:29:59.999Z", "2026-09", "2026-Q3", "2026"],
      ["2026-09-30T18:30:00.000Z", "2026-10", "2026-Q4", "2026"],
      ["2026-12-31T18:29:59.999Z", "2026-12", "2026-Q4", "2026"],
      ["2026-12-31T18:30:00.000Z", "2027-01", "2027-Q1", "2027"], // UTC still says 2026
      ["2026-11-30T20:00:00.000Z", "2026-12", "2026-Q4", "2026"], // UTC says November
    ])("%s → %s, %s, %s", (iso, m, q, y) => {
      const at = new Date(iso);
      expect([periodKey(month, at, TZ), periodKey(quarter, at, TZ), periodKey(year, at, TZ)]).toEqual([m, q, y]);
    });
    it("a rolling window is always 'rolling'", () => {
      expect(periodKey({ kind: "rolling_days", days: 90 }, new Date("2026-12-31T18:30:00Z"), TZ)).toBe("rolling");
    });
  });

  describe("the cached local day of the hot path", () => {
    const zones = ["Asia/Kolkata", "Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham", "UTC"];
    it("equals calendar.localDate at any instant, including around DST changes (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2030-01-01T00:00:00Z") }), fc.constantFrom(...zones), (ms, tz) => {
          expect(fastLocalDate(ms, tz)).toEqual(localDate(new Date(ms), tz));
        }),
        { numRuns: 2000 },
      );
    });
    it("equals calendar.localDate second by second across a DST change", () => {
      // Europe/London springs forward at 2026-03-29T01:00Z; Lord Howe shifts by 30 minutes at 2026-04-04T15:00Z.
      for (const [tz, iso] of [["Europe/London", "2026-03-29T01:00:00Z"], ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"]] as const) {
        const t = Date.parse(iso);
        for (let ms = t - 3_600_000; ms <= t + 3_600_000; ms += 60_000) {
          expect(fastLocalDate(ms, tz)).toEqual(localDate(new Date(ms), tz));
        }
      }
    });
    it("a claim deadline ends the local day", () => {
      expect(endOfLocalDayAfter(Date.parse("2026-12-10T20:00:00Z"), 0, "Asia/Kolkata").toISOString()).toBe("2026-12-11T18:30:00.000Z");
    });
  });

  describe("what a transaction adds", () => {
    const lines = [
      { sku: "A", category: "grocery", quantity: 2, unitPrice: 500, amount: 1000 },
      { sku: "B", category: "Dairy", quantity: 3, unitPrice: 200, amount: 550 },
      { sku: "C", quantity: 1, unitPrice: 100, amount: 100 },
    ];
    const tx = purchase({ amount: 1650, grossAmount: 1800, lineItems: lines, country: "IN" });
    const measure = (def: TrackerDefinition, t: TransactionInput = tx) => measureTransaction(compileTracker(def, { homeCountry: "IN" }), t);
    const w = { kind: "calendar_month" } as const;
    it.each<[TrackerDefinition["metric"], number]>([
      ["transaction_amount", 1650],
      ["gross_bill_amount", 1800],
      ["line_item_count", 3],
      ["line_item_quantity", 6],
      ["line_item_price", 800],
      ["visits", 1],
    ])("%s → %i", (metric, expected) => {
      expect(measure({ metric, window: w })).toBe(expected);
    });
    it("uses the amount as gross bill when there is no gross amount", () => {
      expect(measure({ metric: "gross_bill_amount", window: w }, purchase({ amount: 999 }))).toBe(999);
    });
    it.each<[TrackerDefinition["metric"], number]>([
      ["transaction_amount", 1550],
      ["line_item_count", 2],
      ["line_item_quantity", 5],
      ["line_item_price", 700],
      ["gross_bill_amount", 1800],
      ["visits", 1],
    ])("with a line-item filter, %s counts matching lines only → %i", (metric, expected) => {
      expect(measure({ metric, window: w, filters: { lineItems: { skus: [], categories: ["grocery", "dairy"] } } })).toBe(expected);
    });
    it("counts only transactions that pass the tracker's filters, and never refunds", () => {
      const intl: TrackerDefinition = { metric: "transaction_amount", window: w, filters: { international: true } };
      expect(measure(intl)).toBe(0);
      expect(measure(intl, { ...tx, country: "AE" })).toBe(1650);
      expect(measure({ metric: "visits", window: w }, { ...tx, type: "refund" })).toBe(0);
      expect(measure({ metric: "line_item_count", window: w }, purchase())).toBe(0);
    });
  });
});

describe("engine offers: milestones", () => {
  const milestoneOffer = (over: Partial<OfferDefinition> = {}, tracker: TrackerDefinition = annualSpend, threshold = 500_000) =>
    compileOffer(
      {
        offerId: "ms",
        version: 1,
        definition: {
          programId: PROGRAM, name: "Annual spend bonus", validFrom: "2026-01-01T00:00:00+05:30", funding: { kind: "bank" },
          trigger: { kind: "transaction" }, target: { kind: "milestone", tracker, threshold },
          outcome: { type: "reward_points" }, rule: { kind: "flat", value: 5000 }, posting: { method: "automatic" },
          narration: "Milestone bonus: {points} points", ...over,
        },
      },
      { homeCountry: "IN" },
    );
  const key = trackerKey(annualSpend);
  const run = (trackers: TrackerState, usage: Record<string, OfferUsage> = {}, tx: Partial<TransactionInput> = {}, offer = milestoneOffer()) =>
    evaluateTransaction({ offers: [offer], member, transaction: purchase(tx), trackers, usage, timeZone: TZ, now: AT });

  it("awards once when a transaction crosses the threshold, and reports the tracker change", () => {
    const r = run({ [key]: { periodKey: "2026", value: 400_000 } });
    expect(r.outcomes.map((o) => [o.value, o.usage.milestonePeriodKey])).toEqual([[5000, "2026"]]);
    expect(r.outcomes[0]?.explanation).toEqual([
      "milestone: spend in 2026 went from ₹4,000.00 to ₹5,500.00, reaching ₹5,000.00",
      "flat 5,000 points",
    ]);
    expect(r.trackerUpdates).toEqual([{ trackerKey: key, periodKey: "2026", delta: 150_000, before: 400_000, after: 550_000 }]);
  });

  it("awards when the value lands exactly on the threshold, and when one transaction crosses it from 0", () => {
    expect(run({ [key]: { periodKey: "2026", value: 350_000 } }).outcomes).toHaveLength(1);
    expect(run({}, {}, { amount: 600_000 }).outcomes).toHaveLength(1);
  });

  it("does not award before the threshold, nor after it was passed", () => {
    expect(run({ [key]: { periodKey: "2026", value: 349_999 } }).skipped[0]?.reason).toBe("milestone_not_reached");
    expect(run({ [key]: { periodKey: "2026", value: 500_000 } }).skipped[0]?.reason).toBe("milestone_already_passed");
  });

  it("does not award twice in one period", () => {
    const usage = { ms: { memberUsedInPeriod: {}, budgetUsed: 0, milestonePeriodsAwarded: ["2026"] } };
    expect(run({ [key]: { periodKey: "2026", value: 400_000 } }, usage).skipped[0]?.reason).toBe("milestone_already_awarded");
    // An award in another period does not count.
    const lastYear = { ms: { memberUsedInPeriod: {}, budgetUsed: 0, milestonePeriodsAwarded: ["2025"] } };
    expect(run({ [key]: { periodKey: "2026", value: 400_000 } }, lastYear).outcomes).toHaveLength(1);
  });

  it("starts a new period from 0 when the stored value is from an older period", () => {
    const r = run({ [key]: { periodKey: "2025", value: 900_000 } });
    expect(r.trackerUpdates).toEqual([{ trackerKey: key, periodKey: "2026", delta: 150_000, before: 0, after: 150_000 }]);
    expect(r.skipped[0]?.reason).toBe("milestone_not_reached");
  });

  it("uses the programme's time zone for the period: 31 Dec 19:00 UTC is already next year in Kolkata", () => {
    const r = run({ [key]: { periodKey: "2026", value: 450_000 } }, {}, { occurredAt: new Date("2026-12-31T19:00:00Z") });
    expect(r.trackerUpdates[0]).toMatchObject({ periodKey: "2027", before: 0, after: 150_000 });
    expect(r.skipped[0]?.reason).toBe("milestone_not_reached");
  });

  it("a percentage rule applies to the tracker value at crossing", () => {
    const offer = milestoneOffer({ rule: { kind: "percentage", rate: "1" } });
    const r = run({ [key]: { periodKey: "2026", value: 400_000 } }, {}, {}, offer);
    expect(r.outcomes[0]?.value).toBe(5500); // 1 % of 550,000
  });

  it("counts visits, with the tracker's own filters", () => {
    const visits: TrackerDefinition = { metric: "visits", window: { kind: "calendar_month" }, filters: { international: true } };
    const offer = milestoneOffer({}, visits, 3);
    const vkey = trackerKey(visits);
    expect(run({ [vkey]: { periodKey: "2026-12", value: 2 } }, {}, { country: "AE" }, offer).outcomes).toHaveLength(1);
    const domestic = run({ [vkey]: { periodKey: "2026-12", value: 2 } }, {}, { country: "IN" }, offer);
    expect(domestic.trackerUpdates).toEqual([]);
    expect(domestic.skipped[0]?.reason).toBe("milestone_not_reached");
  });

  it("advances shared trackers once even when several offers read them", () => {
    const a = milestoneOffer();
    const b = compileOffer({ offerId: "ms2", version: 1, definition: { ...a.definition, rule: { kind: "flat", value: 10 } } }, { homeCountry: "IN" });
    const r = evaluateTransaction({ offers: [a, b], member, transaction: purchase(), trackers: {}, usage: {}, timeZone: TZ, now: AT });
    expect(r.trackerUpdates).toHaveLength(1);
  });

  it("rejects a stored tracker value that is not a whole number", () => {
    expect(() => run({ [key]: { periodKey: "2026", value: 1.5 } })).toThrow(expect.objectContaining({ code: "invalid_tracker_state" }) as Error);
  });

  it("advances extra trackers (for tier rules) that no offer reads", () => {
    const visits = compileTracker({ metric: "visits", window: { kind: "rolling_days", days: 180 } }, { homeCountry: "IN" });
    const r = evaluateTransaction({
      offers: [], extraTrackers: [visits], member, transaction: purchase(),
      trackers: { [visits.key]: { periodKey: "rolling", value: 7 } }, usage: {}, timeZone: TZ, now: AT,
    });
    expect(r.trackerUpdates).toEqual([{ trackerKey: visits.key, periodKey: "rolling", delta: 1, before: 7, after: 8 }]);
  });
});
