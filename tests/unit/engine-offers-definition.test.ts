import { engineErrorCode } from "../support/engine";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  baseEarnRuleSchema,
  compileOffer,
  offerBasicsSchema,
  offerDefinitionSchema,
  offerEligibilitySchema,
  offerOutcomeSchema,
  offerPostingSchema,
  type OfferDefinition,
  trackerDefinitionSchema,
} from "@/lib/engine";

const PROGRAM = "11111111-1111-4111-8111-111111111111";
const PARTNER = "22222222-2222-4222-8222-222222222222";
const POOL = "33333333-3333-4333-8333-333333333333";

const valid: OfferDefinition = {
  programId: PROGRAM,
  name: "Dining 5 %",
  validFrom: "2026-12-01T00:00:00+05:30",
  validUntil: "2027-01-01T00:00:00+05:30",
  funding: { kind: "bank" },
  trigger: { kind: "transaction" },
  filters: { categories: ["dining"] },
  target: { kind: "each" },
  outcome: { type: "reward_points" },
  rule: { kind: "percentage", rate: "5" },
  posting: { method: "automatic" },
  narration: "{points} points at {merchant}",
};

/** Messages of a failed parse, with their paths. */
function issues(input: unknown, schema: z.ZodType = offerDefinitionSchema) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected the parse to fail");
  return r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}
const messages = (input: unknown, schema: z.ZodType = offerDefinitionSchema) => issues(input, schema).map((i) => i.message);

const slab = (bands: unknown[], mode = "whole") => ({ ...valid, rule: { kind: "slab", mode, bands } });

describe("engine offers: definition schema", () => {
  describe("a valid definition", () => {
    it("parses and normalises codes (countries and currency upper-cased, channels lower-cased)", () => {
      const r = offerDefinitionSchema.parse({
        ...valid,
        filters: { countries: ["ae", "Sg"], currency: "inr", channels: [" POS "], mccs: ["5411"] },
      });
      expect(r.filters).toEqual({ countries: ["AE", "SG"], currency: "INR", channels: ["pos"], mccs: ["5411"] });
    });

    it("accepts every outcome type, funding kind and posting method", () => {
      for (const outcome of [
        { type: "reward_points", programId: PROGRAM },
        { type: "cashback", currency: "INR" },
        { type: "voucher", poolId: POOL },
        { type: "partner_points", partnerId: PARTNER },
      ]) {
        expect(offerDefinitionSchema.safeParse({ ...valid, outcome, rule: { kind: "flat", value: 1 } }).success).toBe(true);
      }
      expect(offerDefinitionSchema.safeParse({ ...valid, funding: { kind: "partner", partnerId: PARTNER } }).success).toBe(true);
      expect(offerDefinitionSchema.safeParse({ ...valid, posting: { method: "claim", claimWindowDays: 30 } }).success).toBe(true);
    });

    it("accepts a milestone target with a tracker", () => {
      const d = {
        ...valid,
        target: { kind: "milestone", threshold: 50_000_000, tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } } },
        rule: { kind: "flat", value: 5000 },
      };
      expect(offerDefinitionSchema.safeParse(d).success).toBe(true);
    });
  });

  describe("slab bands", () => {
    it("accepts contiguous sorted bands, the last open-ended", () => {
      const r = offerDefinitionSchema.safeParse(slab([{ from: 0, to: 1000, rate: "1" }, { from: 1000, to: 5000, value: 20 }, { from: 5000, rate: "2.5" }]));
      expect(r.success).toBe(true);
    });

    it("rejects a band with both a value and a rate, and one with neither", () => {
      expect(issues(slab([{ from: 0, to: 1000, rate: "1", value: 5 }, { from: 1000 }]))).toEqual([
        { path: "rule.bands.0.rate", message: "Band 1: give either a flat value or a rate, not both." },
        { path: "rule.bands.1.value", message: "Band 2 needs a flat value or a rate." },
      ]);
    });

    it("rejects overlapping bands", () => {
      expect(messages(slab([{ from: 0, to: 1000, rate: "1" }, { from: 500, rate: "2" }]))).toEqual([
        "Band 2 overlaps band 1: it starts at 500 but band 1 runs to 1,000.",
      ]);
    });

    it("rejects a gap between bands", () => {
      expect(messages(slab([{ from: 0, to: 1000, rate: "1" }, { from: 1500, rate: "2" }]))).toEqual([
        "There is a gap between band 1 (ends at 1,000) and band 2 (starts at 1,500).",
      ]);
    });

    it("rejects bands out of order", () => {
      expect(messages(slab([{ from: 1000, to: 2000, rate: "1" }, { from: 0, to: 1000, rate: "2" }]))).toContain(
        "Bands must be in ascending order: band 2 starts below band 1.",
      );
    });

    it("rejects an open-ended band that is not the last", () => {
      expect(messages(slab([{ from: 0, rate: "1" }, { from: 1000, rate: "2" }]))).toContain(
        "Only the last band may be open-ended; band 1 needs an upper bound.",
      );
    });

    it("rejects a band that ends where it starts, and a negative start", () => {
      expect(messages(slab([{ from: 100, to: 100, rate: "1" }]))).toEqual(["Band 1 must end above where it starts (100)."]);
      expect(messages(slab([{ from: -1, rate: "1" }]))).toContain("A band cannot start below 0.");
    });

    it("rejects an empty band list and an unknown mode", () => {
      expect(messages(slab([]))).toEqual(["Add at least one band."]);
      expect(messages(slab([{ from: 0, rate: "1" }], "stepped"))).toEqual([
        "Choose whole (one band for the whole amount) or banded (each band for its part).",
      ]);
    });
  });

  describe("rates", () => {
    it.each(["100", "0.000001", "1.5", "99.999999"])("accepts %s", (rate) => {
      expect(offerDefinitionSchema.safeParse({ ...valid, rule: { kind: "percentage", rate } }).success).toBe(true);
    });

    it.each([
      ["100.000001", "The rate must be above 0 and at most 100 %."],
      ["101", "The rate must be above 0 and at most 100 %."],
      ["0", "The rate must be above 0 and at most 100 %."],
      ["0.0000001", "Enter the rate as a number such as 1.5 (meaning 1.5 %), with at most 6 decimal places."],
      ["-1", "Enter the rate as a number such as 1.5 (meaning 1.5 %), with at most 6 decimal places."],
      ["1e2", "Enter the rate as a number such as 1.5 (meaning 1.5 %), with at most 6 decimal places."],
    ])("rejects %s with one clear message", (rate, message) => {
      expect(issues({ ...valid, rule: { kind: "percentage", rate } })).toEqual([{ path: "rule.rate", message }]);
    });

    it("rejects a rate given as a JS number", () => {
      expect(messages({ ...valid, rule: { kind: "percentage", rate: 1.5 } })).toEqual([
        "Enter the rate as a number such as 1.5 (meaning 1.5 %).",
      ]);
    });
  });

  describe("cross-field rules", () => {
    it("rejects an end before or at the start", () => {
      expect(issues({ ...valid, validUntil: "2026-11-30T23:59:59+05:30" })).toEqual([
        { path: "validUntil", message: "The end must be after the start." },
      ]);
      // The same instant written in another offset is not after the start either.
      expect(messages({ ...valid, validUntil: "2026-11-30T18:30:00Z" })).toEqual(["The end must be after the start."]);
    });

    it("rejects a date-time without an offset", () => {
      expect(messages({ ...valid, validFrom: "2026-12-01T00:00:00" })).toEqual([
        "Enter the start as a date and time with its offset, e.g. 2026-12-01T00:00:00+05:30.",
      ]);
    });

    it("requires a custom event type for custom events", () => {
      const d = { ...valid, filters: undefined, trigger: { kind: "event", eventType: "custom" } };
      expect(issues(d)).toEqual([{ path: "trigger.customType", message: "Name the custom event type." }]);
      expect(offerDefinitionSchema.safeParse({ ...d, trigger: { kind: "event", eventType: "custom", customType: "app_review" } }).success).toBe(true);
    });

    it("rejects milestones and transaction filters on event-triggered offers", () => {
      const d = {
        ...valid,
        trigger: { kind: "event", eventType: "referral" },
        target: { kind: "milestone", threshold: 3, tracker: { metric: "visits", window: { kind: "calendar_month" } } },
      };
      expect(messages(d)).toEqual([
        "An event-triggered offer earns on each event; milestones track transactions.",
        "Transaction filters apply only to transaction-triggered offers.",
      ]);
      // Empty filter lists restrict nothing, so they are allowed.
      expect(offerDefinitionSchema.safeParse({ ...valid, trigger: { kind: "event", eventType: "referral" }, filters: { mccs: [] } }).success).toBe(true);
    });

    it("caps a voucher award at 10", () => {
      expect(issues({ ...valid, outcome: { type: "voucher", poolId: POOL }, rule: { kind: "flat", value: 11 } })).toEqual([
        { path: "rule.value", message: "A voucher offer gives at most 10 vouchers per award." },
      ]);
    });
  });

  describe("field messages", () => {
    it("names each problem in a sentence", () => {
      expect(messages({ ...valid, name: "  " })).toEqual(["Name the offer."]);
      expect(messages({ ...valid, programId: "not-a-uuid" })).toEqual(["Choose a valid programme."]);
      expect(messages({ ...valid, filters: { mccs: ["541"] } })).toEqual(["MCC codes have four digits, e.g. 5411."]);
      expect(messages({ ...valid, filters: { countries: ["IND"] } })).toEqual(["Use two-letter ISO country codes, e.g. IN."]);
      expect(messages({ ...valid, filters: { minAmount: 10.5 } })).toEqual(["The minimum amount must be a whole number of minor units."]);
      expect(messages({ ...valid, rule: { kind: "bogus" } })).toEqual(["Choose a calculation rule: flat, percentage or slab."]);
      expect(messages({ ...valid, caps: { perMember: { limit: 0, period: "month" } } })).toEqual(["The per-member limit must be at least 1."]);
      expect(messages({ ...valid, posting: { method: "claim", claimWindowDays: 400 } })).toEqual(["The claim window is at most 365 days."]);
      expect(messages({ ...valid, memberFilters: { attributes: [{ key: "segment", op: "eq", values: ["a", "b"] }] } })).toEqual([
        'Compare attribute "segment" with exactly one value.',
      ]);
    });

    it("names unknown narration placeholders", () => {
      expect(issues({ ...valid, narration: "Hi {name}, {points} points on {when}" })).toEqual([
        {
          path: "narration",
          message: "Unknown placeholders {name}, {when} in the narration; use {amount}, {currency}, {merchant}, {points}, {value}, {offer}, {date}.",
        },
      ]);
      expect(messages({ ...valid, narration: "x".repeat(281) })).toEqual(["The narration has at most 280 characters."]);
    });

    it("validates tracker windows", () => {
      const bad = trackerDefinitionSchema.safeParse({ metric: "visits", window: { kind: "rolling_days", days: 3661 } });
      expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(["The window is at most 3,660 days."]);
    });
  });

  describe("wizard steps", () => {
    it("validates each step on its own", () => {
      expect(offerBasicsSchema.safeParse(valid).success).toBe(true);
      expect(offerEligibilitySchema.safeParse(valid).success).toBe(true);
      expect(offerOutcomeSchema.safeParse(valid).success).toBe(true);
      expect(offerPostingSchema.safeParse(valid).success).toBe(true);
      expect(messages({ ...valid, validUntil: valid.validFrom }, offerBasicsSchema)).toEqual(["The end must be after the start."]);
      expect(messages({ outcome: { type: "voucher", poolId: POOL }, rule: { kind: "flat", value: 12 } }, offerOutcomeSchema)).toEqual([
        "A voucher offer gives at most 10 vouchers per award.",
      ]);
      expect(messages({ posting: { method: "automatic" }, narration: "{oops}" }, offerPostingSchema)).toHaveLength(1);
    });
  });

  describe("base earn rule", () => {
    it("accepts flat, percentage and slab rules", () => {
      expect(baseEarnRuleSchema.safeParse({ rule: { kind: "percentage", rate: "1" }, narration: "{points} points" }).success).toBe(true);
      expect(baseEarnRuleSchema.safeParse({ rule: { kind: "flat", value: 5 }, rounding: "half_up", narration: "x" }).success).toBe(true);
    });
    it("rejects bad bands like an offer", () => {
      const r = baseEarnRuleSchema.safeParse({ rule: { kind: "slab", mode: "banded", bands: [{ from: 0, to: 10, rate: "1" }, { from: 5, rate: "1" }] }, narration: "x" });
      expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["Band 2 overlaps band 1: it starts at 5 but band 1 runs to 10."]);
    });
  });

  describe("compileOffer refuses what cannot be evaluated", () => {

    it("an invalid definition", () => {
      expect(engineErrorCode(() => compileOffer({ offerId: "o", version: 1, definition: { ...valid, name: "" } }, { homeCountry: "IN" }))).toBe("invalid_offer");
    });
    it("partner points without a conversion, or with a zero one", () => {
      const definition: OfferDefinition = { ...valid, outcome: { type: "partner_points", partnerId: PARTNER } };
      expect(engineErrorCode(() => compileOffer({ offerId: "o", version: 1, definition }, { homeCountry: "IN" }))).toBe("missing_partner_conversion");
      expect(engineErrorCode(() => compileOffer({ offerId: "o", version: 1, definition }, { homeCountry: "IN", partnerConversion: "0" }))).toBe(
        "invalid_partner_conversion",
      );
    });
    it("a percentage of USD transactions paid as INR cashback", () => {
      const definition: OfferDefinition = { ...valid, filters: { currency: "USD" }, outcome: { type: "cashback", currency: "INR" } };
      expect(engineErrorCode(() => compileOffer({ offerId: "o", version: 1, definition }, { homeCountry: "IN" }))).toBe("currency_mismatch");
    });
    it("a bad home country or version", () => {
      expect(engineErrorCode(() => compileOffer({ offerId: "o", version: 1, definition: valid }, { homeCountry: "IND" }))).toBe("invalid_context");
      expect(engineErrorCode(() => compileOffer({ offerId: "o", version: 0, definition: valid }, { homeCountry: "IN" }))).toBe("invalid_offer");
    });
  });
});
