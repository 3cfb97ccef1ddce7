import { describe, expect, it } from "vitest";
import {
  addMonthsUtc, compileBaseRule, compileTiers, decideDowngrade, decideUpgrade, evaluateTransaction, parseFactor, qualifyingTier, trackerKey, trackerPeriodsAt,
  type MemberTierFacts, type TierDefinition,
} from "@/lib/engine";
import { tierRulesFormSchema } from "@/lib/tiers/schemas";
import { engineErrorCode } from "../support/engine";

const SPEND = { metric: "transaction_amount" as const, window: { kind: "rolling_days" as const, days: 365 } };
const tier = (t: Partial<TierDefinition> & Pick<TierDefinition, "id" | "rank">): TierDefinition => ({
  name: t.id, isDefault: false, upgrade: null, downgrade: null, earnMultiplier: null, upgradeBonusPoints: null, ...t,
});
const ladder = compileTiers([
  tier({ id: "gold", name: "Gold", rank: 2, upgrade: { kind: "lifetime_points", threshold: 10_000 }, downgrade: { kind: "inactivity", months: 6 }, earnMultiplier: "1.25" }),
  tier({ id: "base", name: "Base", rank: 0, isDefault: true }),
  tier({ id: "silver", name: "Silver", rank: 1, upgrade: { kind: "tracker", tracker: SPEND, threshold: 500_000 }, downgrade: { kind: "visits", minVisits: 3, days: 90 } }),
]);
const spendKey = trackerKey(SPEND);
const visitsKey = trackerKey({ metric: "visits", window: { kind: "rolling_days", days: 90 } });
const facts = (f: Partial<MemberTierFacts> = {}): MemberTierFacts => ({ lifetime: 0, trackers: {}, lastTransactionAt: null, tierSince: new Date("2026-01-15T10:00:00Z"), currency: "INR", ...f });

describe("tiers engine", () => {
  describe("compileTiers", () => {
    it("sorts lowest first and keys the trackers its rules read", () => {
      expect(ladder.map((t) => t.id)).toEqual(["base", "silver", "gold"]);
      expect(ladder[1]!.upgradeTrackerKey).toBe(spendKey);
      expect(ladder[1]!.visitsTrackerKey).toBe(visitsKey);
      expect(ladder[2]!.multiplier?.text).toBe("1.25");
    });
    it("refuses a ladder without one default tier at the bottom, or with shared ranks", () => {
      expect(engineErrorCode(() => compileTiers([tier({ id: "a", rank: 0 })]))).toBe("invalid_tiers");
      expect(engineErrorCode(() => compileTiers([tier({ id: "a", rank: 0 }), tier({ id: "b", rank: 1, isDefault: true })]))).toBe("invalid_tiers");
      expect(engineErrorCode(() => compileTiers([tier({ id: "a", rank: 0, isDefault: true }), tier({ id: "b", rank: 0 })]))).toBe("invalid_tiers");
    });
  });

  describe("upgrade", () => {
    it("stays in the default tier below every threshold", () => {
      expect(qualifyingTier(ladder, facts({ lifetime: 9_999, trackers: { [spendKey]: 499_999 } })).tier.id).toBe("base");
      expect(decideUpgrade(ladder, "base", facts({ lifetime: 9_999 }))).toBeNull();
    });
    it("upgrades at exactly the lifetime threshold, with the reason", () => {
      expect(decideUpgrade(ladder, "base", facts({ lifetime: 10_000 }))).toMatchObject({ tier: { id: "gold" }, reason: "Upgraded: lifetime points 10,000 ≥ 10,000" });
    });
    it("upgrades on a tracker value in its window, written as money", () => {
      expect(decideUpgrade(ladder, "base", facts({ trackers: { [spendKey]: 500_000 } }))).toMatchObject({ tier: { id: "silver" }, reason: "Upgraded: spend in the last 365 days ₹5,000.00 ≥ ₹5,000.00" });
    });
    it("jumps to the highest tier met, and never moves a member down", () => {
      expect(decideUpgrade(ladder, "base", facts({ lifetime: 20_000, trackers: { [spendKey]: 600_000 } }))?.tier.id).toBe("gold");
      expect(decideUpgrade(ladder, "gold", facts({ lifetime: 0 }))).toBeNull();
      expect(decideUpgrade(ladder, "silver", facts({ trackers: { [spendKey]: 600_000 } }))).toBeNull();
    });
    it("refuses a tier that is not on the ladder", () => {
      expect(engineErrorCode(() => decideUpgrade(ladder, "nope", facts()))).toBe("unknown_tier");
    });
  });

  describe("downgrade", () => {
    const last = new Date("2026-02-10T08:00:00Z");
    it("goes one step down after N months without a transaction, not a moment before", () => {
      expect(decideDowngrade(ladder, "gold", facts({ lastTransactionAt: last }), new Date("2026-08-10T07:59:59Z"))).toBeNull();
      expect(decideDowngrade(ladder, "gold", facts({ lastTransactionAt: last }), new Date("2026-08-10T08:00:00Z"))).toMatchObject({
        tier: { id: "silver" },
        reason: "Downgraded: no transaction in 6 months (last on 2026-02-10)",
      });
    });
    it("counts inactivity from entering the tier when that is later", () => {
      const since = new Date("2026-04-01T00:00:00Z");
      expect(decideDowngrade(ladder, "gold", facts({ lastTransactionAt: last, tierSince: since }), new Date("2026-09-30T23:59:59Z"))).toBeNull();
      expect(decideDowngrade(ladder, "gold", facts({ lastTransactionAt: null, tierSince: since }), new Date("2026-10-01T00:00:00Z"))?.reason).toBe(
        "Downgraded: no transaction in 6 months since reaching Gold on 2026-04-01",
      );
    });
    it("drops a member with too few visits once they held the tier a whole window", () => {
      const since = new Date("2026-01-01T00:00:00Z");
      expect(decideDowngrade(ladder, "silver", facts({ tierSince: since, trackers: { [visitsKey]: 2 } }), new Date("2026-03-31T23:59:59Z"))).toBeNull();
      expect(decideDowngrade(ladder, "silver", facts({ tierSince: since, trackers: { [visitsKey]: 2 } }), new Date("2026-04-01T00:00:00Z"))).toMatchObject({
        tier: { id: "base" },
        reason: "Downgraded: 2 visits in the last 90 days < 3",
      });
      expect(decideDowngrade(ladder, "silver", facts({ tierSince: since, trackers: { [visitsKey]: 3 } }), new Date("2026-06-01T00:00:00Z"))).toBeNull();
    });
    it("never moves the default tier", () => {
      expect(decideDowngrade(ladder, "base", facts(), new Date("2030-01-01T00:00:00Z"))).toBeNull();
    });
  });

  describe("calendar helpers", () => {
    it("adds months in UTC, clamped to the month's end", () => {
      expect(addMonthsUtc(new Date("2026-01-31T12:00:00Z"), 1).toISOString()).toBe("2026-02-28T12:00:00.000Z");
      expect(addMonthsUtc(new Date("2024-08-31T00:00:00Z"), 6).toISOString()).toBe("2025-02-28T00:00:00.000Z");
      expect(addMonthsUtc(new Date("2026-08-10T08:00:00Z"), -6).toISOString()).toBe("2026-02-10T08:00:00.000Z");
    });
    it("reads a rolling window as local days and a calendar window as its period", () => {
      expect(trackerPeriodsAt({ kind: "rolling_days", days: 3 }, new Date("2026-03-01T20:00:00Z"), "Asia/Kolkata")).toEqual({ from: "2026-02-28", to: "2026-03-02" });
      expect(trackerPeriodsAt({ kind: "calendar_year" }, new Date("2026-03-01T20:00:00Z"), "UTC")).toEqual({ keys: ["2026"] });
    });
  });

  describe("earn multiplier", () => {
    const base = compileBaseRule({ programId: "p", definition: { rule: { kind: "percentage", rate: "1" }, narration: "{points} base points" } });
    const run = (multipliers?: Record<string, { tierName: string; factor: ReturnType<typeof parseFactor> }>) =>
      evaluateTransaction({
        offers: [], baseRules: [base], tierMultipliers: multipliers, member: { programIds: ["p"], tierIdByProgram: {}, attributes: {} },
        transaction: { externalId: "t", type: "purchase", amount: 1_010_000, currency: "INR", occurredAt: new Date("2026-05-01T10:00:00Z") },
        trackers: {}, usage: {}, timeZone: "Asia/Kolkata", now: new Date("2026-05-01T10:00:00Z"),
      }).outcomes[0]!;
    it("multiplies the base earn exactly and rounds as the rule does (floor)", () => {
      expect(run().value).toBe(10_100);
      const gold = run({ p: { tierName: "Gold", factor: parseFactor("1.25", "x", "x") } });
      expect(gold.value).toBe(12_625);
      const odd = run({ p: { tierName: "Gold", factor: parseFactor("1.3333", "x", "x") } });
      expect(odd.value).toBe(13_466);
      expect(odd.explanation.at(-1)).toBe("Gold tier earns × 1.3333: 10,100 points × 1.3333 = 13,466.33 → 13,466 points (rounded down)");
    });
  });

  describe("rules form", () => {
    const ok = { tierId: "9b2f7b8e-0d5e-4f6a-9f1e-2a3b4c5d6e7f", upgradeKind: "lifetime_points", upgradeThreshold: "10,000", downgradeKind: "inactivity", inactivityMonths: "6", earnMultiplier: "1.25", upgradeBonusPoints: "500" };
    it("turns the form into the engine's rules", () => {
      expect(tierRulesFormSchema.parse(ok)).toEqual({
        tierId: ok.tierId, upgrade: { kind: "lifetime_points", threshold: 10_000 }, downgrade: { kind: "inactivity", months: 6 }, earnMultiplier: "1.25", upgradeBonusPoints: 500,
      });
    });
    it("names the field at fault", () => {
      const issues = (v: Record<string, string>) => tierRulesFormSchema.safeParse({ ...ok, ...v }).error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
      expect(issues({ upgradeThreshold: "" })).toEqual(["upgradeThreshold: Enter the threshold members must reach."]);
      expect(issues({ upgradeThreshold: "1.5" })).toEqual(["upgradeThreshold: A threshold must be a whole number."]);
      expect(issues({ earnMultiplier: "0.5" })).toEqual(["earnMultiplier: The multiplier is between 1 and 10."]);
      expect(issues({ earnMultiplier: "1.23456" })).toEqual(["earnMultiplier: Enter a multiplier such as 1.25 (at most 4 decimal places)."]);
      expect(issues({ downgradeKind: "visits" })).toEqual(["minVisits: Enter the visits a member must keep making.", "visitsDays: Enter the number of days of the window."]);
      expect(issues({ upgradeKind: "tracker" })).toEqual(["trackerMetric: Choose what the tracker adds up.", "trackerWindow: Choose the tracker's window."]);
      expect(issues({ upgradeThreshold: "ten" })).toEqual(["upgradeThreshold: Enter a threshold."]);
      expect(issues({ upgradeThreshold: "ten", downgradeKind: "visits", visitsDays: "90" })).toEqual(["upgradeThreshold: Enter a threshold.", "minVisits: Enter the visits a member must keep making."]);
      expect(issues({ inactivityMonths: "0" })).toEqual(["inactivityMonths: At least 1."]);
    });
  });
});
