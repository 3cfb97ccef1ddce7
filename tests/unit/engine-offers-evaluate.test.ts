import { describe, expect, it } from "vitest";
import {
  compileBaseRule,
  compileOffer,
  EngineError,
  evaluateEvent,
  evaluateTransaction,
  type ActivityEventInput,
  type CompiledOffer,
  type MemberContext,
  type OfferDefinition,
  type OfferUsage,
  type TransactionInput,
} from "@/lib/engine";

const PROGRAM = "11111111-1111-4111-8111-111111111111";
const OTHER_PROGRAM = "44444444-4444-4444-8444-444444444444";
const GOLD = "55555555-5555-4555-8555-555555555555";
const SILVER = "66666666-6666-4666-8666-666666666666";
const TZ = "Asia/Kolkata";
const AT = new Date("2026-12-10T06:00:00Z"); // 11:30 in Kolkata

const base: OfferDefinition = {
  programId: PROGRAM,
  name: "Test offer",
  validFrom: "2026-12-01T00:00:00+05:30",
  validUntil: "2027-01-01T00:00:00+05:30",
  funding: { kind: "bank" },
  trigger: { kind: "transaction" },
  target: { kind: "each" },
  outcome: { type: "reward_points" },
  rule: { kind: "percentage", rate: "1" },
  posting: { method: "automatic" },
  narration: "{points} points at {merchant}",
};

const member: MemberContext = { programIds: [PROGRAM], tierIdByProgram: { [PROGRAM]: GOLD }, attributes: { segment: "salaried" } };

const purchase = (over: Partial<TransactionInput> = {}): TransactionInput => ({
  externalId: "t1", type: "purchase", amount: 100_000, currency: "INR", occurredAt: AT, ...over,
});

const compile = (over: Partial<OfferDefinition> = {}, offerId = "o1"): CompiledOffer =>
  compileOffer({ offerId, version: 3, definition: { ...base, ...over } }, { homeCountry: "IN" });

function run(offer: CompiledOffer | CompiledOffer[], tx: Partial<TransactionInput> = {}, opts: { member?: MemberContext; usage?: Record<string, OfferUsage> } = {}) {
  return evaluateTransaction({
    offers: Array.isArray(offer) ? offer : [offer],
    member: opts.member ?? member,
    transaction: purchase(tx),
    trackers: {},
    usage: opts.usage ?? {},
    timeZone: TZ,
    now: AT,
  });
}
/** The value earned, or the reason it was skipped. */
const result = (over: Partial<OfferDefinition>, tx: Partial<TransactionInput> = {}, opts: Parameters<typeof run>[2] = {}) => {
  const r = run(compile(over), tx, opts);
  return r.outcomes[0]?.value ?? r.skipped[0]?.reason;
};

const usage = (memberUsedInPeriod: Record<string, number>, budgetUsed = 0): Record<string, OfferUsage> => ({
  o1: { memberUsedInPeriod, budgetUsed, milestonePeriodsAwarded: [] },
});

describe("engine offers: evaluateTransaction", () => {
  describe("an outcome", () => {
    it("records the offer version, programme, narration and usage keys", () => {
      const r = run(compile({ caps: { perMember: { limit: 5000, period: "month" } } }), { merchantName: "Taj" });
      expect(r.skipped).toEqual([]);
      expect(r.outcomes).toEqual([
        {
          offerId: "o1", offerVersion: 3, outcomeType: "reward_points", programId: PROGRAM, value: 1000, baseValue: 1000,
          posting: { method: "automatic" }, narration: "1,000 points at Taj", explanation: ["1 % of ₹1,000.00 = 1,000 points"],
          usage: { capPeriodKey: "2026-12", milestonePeriodKey: null },
        },
      ]);
    });

    it("explains with the usage as it was at evaluation, even after the caller updates it", () => {
      const u = usage({ "2026-12": 1200 }, 100);
      const r = run(compile({ caps: { perMember: { limit: 1500, period: "month" } } }), {}, { usage: u });
      u.o1!.budgetUsed += 300;
      (u.o1!.memberUsedInPeriod as Record<string, number>)["2026-12"] = 1500;
      const outcome = r.outcomes[0]!;
      const expected = ["1 % of ₹1,000.00 = 1,000 points", "capped at 300 points by the per-member monthly cap (1,200 of 1,500 already used)"];
      expect(outcome.explanation).toEqual(expected);
      expect(JSON.parse(JSON.stringify(outcome)).explanation).toEqual(expected);
    });

    it("credits reward points to the outcome's programme when it names one", () => {
      const offer = compile({ outcome: { type: "reward_points", programId: OTHER_PROGRAM } });
      expect(run(offer).skipped[0]?.reason).toBe("not_enrolled");
      const r = run(offer, {}, { member: { ...member, programIds: [PROGRAM, OTHER_PROGRAM] } });
      expect(r.outcomes[0]?.programId).toBe(OTHER_PROGRAM);
    });

    it("gives claim outcomes a deadline at the end of the local day, claimWindowDays after now", () => {
      const r = run(compile({ posting: { method: "claim", claimWindowDays: 30 } }));
      // now is 2026-12-10 in Kolkata; the claim is open through 2027-01-09 local.
      expect(r.outcomes[0]?.posting).toEqual({ method: "claim", claimWindowDays: 30, claimExpiresAt: new Date("2027-01-09T18:30:00Z") });
    });

    it("renders every narration placeholder", () => {
      const offer = compile({ narration: "{offer}: {points}/{value} for {amount} {currency} at {merchant} on {date}" });
      // 23:00 UTC on Dec 10 is already Dec 11 in Kolkata.
      const r = run(offer, { merchantId: "M-9", amount: 123_456, occurredAt: new Date("2026-12-10T23:00:00Z") });
      expect(r.outcomes[0]?.narration).toBe("Test offer: 1,234/1,234 for 1,234.56 INR at M-9 on 2026-12-11");
    });
  });

  describe("validity [validFrom, validUntil)", () => {
    const from = new Date("2026-11-30T18:30:00Z");
    const until = new Date("2026-12-31T18:30:00Z");
    it.each([
      [new Date(from.getTime() - 1), "not_yet_valid"],
      [from, 1000],
      [new Date(until.getTime() - 1), 1000],
      [until, "expired"],
    ])("at %s → %s", (occurredAt, expected) => {
      expect(result({}, { occurredAt })).toBe(expected);
    });
    it("an open-ended offer never expires", () => {
      expect(result({ validUntil: undefined }, { occurredAt: new Date("2099-01-01T00:00:00Z") })).toBe(1000);
    });
  });

  describe("refunds", () => {
    it("earn nothing and advance no tracker", () => {
      const milestone = compile({ target: { kind: "milestone", threshold: 1, tracker: { metric: "visits", window: { kind: "calendar_month" } } } }, "m");
      const baseRule = compileBaseRule({ programId: PROGRAM, definition: { rule: { kind: "flat", value: 1 }, narration: "x" } });
      const r = evaluateTransaction({
        offers: [compile(), milestone], baseRules: [baseRule], member, transaction: purchase({ type: "refund" }),
        trackers: {}, usage: {}, timeZone: TZ, now: AT,
      });
      expect(r.outcomes).toEqual([]);
      expect(r.trackerUpdates).toEqual([]);
      expect(r.skipped.map((s) => [s.offerId, s.reason])).toEqual([[null, "refund_no_earn"], ["o1", "refund_no_earn"], ["m", "refund_no_earn"]]);
    });
  });

  describe("transaction filters (hit and miss)", () => {
    it.each<[string, OfferDefinition["filters"], Partial<TransactionInput>, Partial<TransactionInput>, string]>([
      ["channel (case-insensitive)", { channels: ["pos", "contactless"] }, { channel: "POS" }, { channel: "ecommerce" }, "filter_channel"],
      ["channel missing", { channels: ["pos"] }, { channel: "pos" }, {}, "filter_channel"],
      ["merchant", { merchantIds: ["M1", "M2"] }, { merchantId: "M2" }, { merchantId: "M3" }, "filter_merchant"],
      ["mcc", { mccs: ["5411"] }, { mcc: "5411" }, { mcc: "5812" }, "filter_mcc"],
      ["category", { categories: ["dining"] }, { category: "Dining" }, { category: "fuel" }, "filter_category"],
      ["country", { countries: ["AE", "SG"] }, { country: "sg" }, { country: "IN" }, "filter_country"],
      ["international only", { international: true }, { country: "AE" }, { country: "IN" }, "filter_international"],
      ["international, country unknown", { international: true }, { country: "US" }, {}, "filter_international"],
      ["domestic only", { international: false }, { country: "IN" }, { country: "AE" }, "filter_international"],
      ["minimum amount (inclusive)", { minAmount: 100_000 }, { amount: 100_000 }, { amount: 99_999 }, "filter_min_amount"],
      ["currency", { currency: "INR" }, { currency: "inr" }, { currency: "USD" }, "filter_currency"],
      ["type", { types: ["purchase"] }, {}, {}, ""],
    ])("%s", (_name, filters, hit, miss, reason) => {
      expect(typeof result({ filters }, hit)).toBe("number");
      if (reason) expect(result({ filters }, miss)).toBe(reason);
    });

    it("an empty list means any", () => {
      expect(result({ filters: { channels: [], mccs: [], countries: [] } }, {})).toBe(1000);
    });

    it("all filters must hold together", () => {
      const filters = { channels: ["pos"], categories: ["dining"] };
      expect(result({ filters }, { channel: "pos", category: "dining" })).toBe(1000);
      expect(result({ filters }, { channel: "pos", category: "fuel" })).toBe("filter_category");
    });
  });

  describe("line items (the rule applies to each matching line)", () => {
    const lines = [
      { sku: "TV-55", category: "Electronics", quantity: 1, unitPrice: 60_000, amount: 60_000 },
      { sku: "HDMI", category: "accessories", quantity: 2, unitPrice: 1_000, amount: 2_000 },
      { sku: "SOAP", category: "grocery", quantity: 3, unitPrice: 50, amount: 150 },
    ];
    it("earns on the matching lines only, by SKU or by category", () => {
      expect(result({ filters: { lineItems: { skus: ["TV-55"], categories: [] } } }, { amount: 62_150, lineItems: lines })).toBe(600);
      expect(result({ filters: { lineItems: { skus: [], categories: ["electronics", "accessories"] } } }, { amount: 62_150, lineItems: lines })).toBe(620);
    });
    it("skips when no line matches, or there are no lines", () => {
      const filters = { lineItems: { skus: ["PHONE"], categories: [] } };
      expect(result({ filters }, { lineItems: lines })).toBe("no_matching_line_items");
      expect(result({ filters }, {})).toBe("no_matching_line_items");
    });
    it("applies a flat rule once per matching line, a slab per line, and explains each line", () => {
      const filters = { lineItems: { skus: [], categories: [] } };
      expect(result({ filters, rule: { kind: "flat", value: 5 } }, { lineItems: lines })).toBe(15);
      const slab: OfferDefinition["rule"] = { kind: "slab", mode: "whole", bands: [{ from: 0, to: 10_000, rate: "1" }, { from: 10_000, rate: "5" }] };
      // 5 % of 60,000 + 1 % of 2,000 + 1 % of 150 = 3,000 + 20 + 1.5
      const r = run(compile({ filters, rule: slab }), { lineItems: lines });
      expect(r.outcomes[0]?.value).toBe(3021);
      expect(r.outcomes[0]?.explanation).toEqual([
        "line TV-55: ₹600.00 is in the band ₹100.00 and above: 5 % of ₹600.00 = 3,000",
        "line HDMI: ₹20.00 is in the band ₹0.00 to under ₹100.00: 1 % of ₹20.00 = 20",
        "line SOAP: ₹1.50 is in the band ₹0.00 to under ₹100.00: 1 % of ₹1.50 = 1.5",
        "total 3,021.5 → 3,021 points (rounded down)",
      ]);
    });
  });

  describe("member filters", () => {
    it("requires enrolment in the offer's programme", () => {
      expect(result({}, {}, { member: { ...member, programIds: [OTHER_PROGRAM] } })).toBe("not_enrolled");
    });
    it("tier in the offer's programme", () => {
      expect(result({ memberFilters: { tierIds: [GOLD] } })).toBe(1000);
      expect(result({ memberFilters: { tierIds: [SILVER] } })).toBe("member_tier");
      expect(result({ memberFilters: { tierIds: [GOLD] } }, {}, { member: { ...member, tierIdByProgram: { [OTHER_PROGRAM]: GOLD } } })).toBe("member_tier");
    });
    it("enrolment in every listed programme", () => {
      const memberFilters = { enrolledProgramIds: [PROGRAM, OTHER_PROGRAM] };
      expect(result({ memberFilters })).toBe("member_programs");
      expect(result({ memberFilters }, {}, { member: { ...member, programIds: [PROGRAM, OTHER_PROGRAM] } })).toBe(1000);
    });
    it.each<["eq" | "neq" | "in", string[], Record<string, string>, number | string]>([
      ["eq", ["salaried"], { segment: "salaried" }, 1000],
      ["eq", ["salaried"], { segment: "student" }, "member_attribute"],
      ["eq", ["salaried"], {}, "member_attribute"],
      ["neq", ["student"], { segment: "salaried" }, 1000],
      ["neq", ["student"], {}, 1000],
      ["neq", ["student"], { segment: "student" }, "member_attribute"],
      ["in", ["student", "salaried"], { segment: "salaried" }, 1000],
      ["in", ["student", "retired"], { segment: "salaried" }, "member_attribute"],
    ])("attribute %s %j with %j → %s", (op, values, attributes, expected) => {
      expect(result({ memberFilters: { attributes: [{ key: "segment", op, values }] } }, {}, { member: { ...member, attributes } })).toBe(expected);
    });
  });

  describe("caps", () => {
    it("per transaction", () => {
      expect(result({ caps: { perMember: { limit: 300, period: "transaction" } } })).toBe(300);
    });
    it("per month, with what the member already used this month", () => {
      const caps = { perMember: { limit: 1500, period: "month" as const } };
      expect(result({ caps }, {}, { usage: usage({ "2026-12": 200 }) })).toBe(1000);
      const r = run(compile({ caps }), {}, { usage: usage({ "2026-12": 1200, "2026-11": 1500 }) });
      expect(r.outcomes[0]?.value).toBe(300);
      expect(r.outcomes[0]?.explanation.at(-1)).toBe("capped at 300 points by the per-member monthly cap (1,200 of 1,500 already used)");
      expect(result({ caps }, {}, { usage: usage({ "2026-12": 1500 }) })).toBe("member_cap_reached");
      expect(result({ caps }, {}, { usage: usage({ "2026-12": 1700 }) })).toBe("member_cap_reached");
    });
    it("per day uses the local day in the programme's time zone", () => {
      const caps = { perMember: { limit: 1000, period: "day" as const } };
      // 2026-12-10T20:00Z is 2026-12-11 01:30 in Kolkata.
      const r = run(compile({ caps }), { occurredAt: new Date("2026-12-10T20:00:00Z") }, { usage: usage({ "2026-12-10": 1000 }) });
      expect(r.outcomes[0]?.usage.capPeriodKey).toBe("2026-12-11");
      expect(r.outcomes[0]?.value).toBe(1000);
    });
    it("per year and over the offer's life", () => {
      expect(run(compile({ caps: { perMember: { limit: 9000, period: "year" } } })).outcomes[0]?.usage.capPeriodKey).toBe("2026");
      expect(result({ caps: { perMember: { limit: 9000, period: "offer_lifetime" } } }, {}, { usage: usage({ all: 8500 }) })).toBe(500);
    });
    it("budget: the remaining budget when smaller than the award, then budget_exhausted", () => {
      expect(result({ caps: { budget: 50_000 } }, {}, { usage: usage({}, 49_250) })).toBe(750);
      const r = run(compile({ caps: { budget: 50_000 } }), {}, { usage: usage({}, 49_250) });
      expect(r.outcomes[0]?.explanation.at(-1)).toBe("capped at 750 points by the remaining offer budget (49,250 of 50,000 already given)");
      expect(result({ caps: { budget: 50_000 } }, {}, { usage: usage({}, 50_000) })).toBe("budget_exhausted");
    });
    it("the smaller of the member's cap and the budget wins", () => {
      const caps = { perMember: { limit: 1000, period: "month" as const }, budget: 10_000 };
      expect(result({ caps }, {}, { usage: usage({ "2026-12": 400 }, 9_700) })).toBe(300);
      expect(result({ caps }, {}, { usage: usage({ "2026-12": 800 }, 9_700) })).toBe(200);
    });
  });

  describe("several offers and base rules", () => {
    it("evaluates each independently, in order, with base rules first", () => {
      const baseRule = compileBaseRule({ programId: PROGRAM, definition: { rule: { kind: "percentage", rate: "0.5" }, narration: "{points} base points" } });
      const otherBase = compileBaseRule({ programId: OTHER_PROGRAM, definition: { rule: { kind: "flat", value: 1 }, narration: "x" } });
      const r = evaluateTransaction({
        offers: [compile({}, "a"), compile({ filters: { mccs: ["5812"] } }, "b"), compile({ rule: { kind: "flat", value: 25 } }, "c")],
        baseRules: [baseRule, otherBase], member, transaction: purchase({ mcc: "5411" }), trackers: {}, usage: {}, timeZone: TZ, now: AT,
      });
      expect(r.outcomes.map((o) => [o.offerId, o.offerVersion, o.value, o.narration])).toEqual([
        [null, null, 500, "500 base points"], ["a", 3, 1000, "1,000 points at "], ["c", 3, 25, "25 points at "],
      ]);
      expect(r.skipped).toEqual([
        { offerId: null, programId: OTHER_PROGRAM, reason: "not_enrolled", message: "The member is not enrolled in the offer's programme." },
        { offerId: "b", reason: "filter_mcc", message: "The merchant category code (MCC) is not one the offer rewards." },
      ]);
    });
    it("skips event-triggered offers", () => {
      expect(result({ trigger: { kind: "event", eventType: "referral" }, rule: { kind: "flat", value: 1 } })).toBe("trigger_mismatch");
    });
  });

  describe("bad input", () => {
    it.each<[string, Partial<TransactionInput>]>([
      ["a negative amount", { amount: -1 }],
      ["a fractional amount", { amount: 1.5 }],
      ["a bad currency", { currency: "RUPEE" }],
      ["an invalid date", { occurredAt: new Date("nope") }],
      ["a fractional line amount", { lineItems: [{ sku: "A", quantity: 1, unitPrice: 1, amount: 0.5 }] }],
    ])("throws invalid_transaction for %s", (_n, tx) => {
      expect(() => run(compile(), tx)).toThrow(expect.objectContaining({ code: "invalid_transaction" }) as EngineError);
    });
    it("throws invalid_usage for usage that is not a whole number", () => {
      expect(() => run(compile({ caps: { budget: 10 } }), {}, { usage: usage({}, Number.NaN) }))
        .toThrow(expect.objectContaining({ code: "invalid_usage" }) as EngineError);
    });
    it("throws invalid_time_zone for an unknown zone", () => {
      expect(() => evaluateTransaction({ offers: [], member, transaction: purchase(), trackers: {}, usage: {}, timeZone: "Mars/Olympus", now: AT }))
        .toThrow(expect.objectContaining({ code: "invalid_time_zone" }) as EngineError);
    });
  });
});

describe("engine offers: evaluateEvent", () => {
  const referral = (over: Partial<OfferDefinition> = {}) => compile({ trigger: { kind: "event", eventType: "referral" }, rule: { kind: "flat", value: 500 }, ...over });
  const event = (over: Partial<ActivityEventInput> = {}): ActivityEventInput => ({ type: "referral", occurredAt: AT, attributes: {}, ...over });
  const runEvent = (offers: CompiledOffer[], e: ActivityEventInput, u: Record<string, OfferUsage> = {}) =>
    evaluateEvent({ offers, member, event: e, usage: u, timeZone: TZ, now: AT });

  it("awards a flat value for a matching event, with its narration", () => {
    const r = runEvent([referral({ narration: "{points} points for your referral on {date}" })], event());
    expect(r.outcomes.map((o) => [o.value, o.narration, o.explanation])).toEqual([
      [500, "500 points for your referral on 2026-12-10", ["referral event", "flat 500 points"]],
    ]);
  });

  it("matches custom events by their custom type", () => {
    const offer = compile({ trigger: { kind: "event", eventType: "custom", customType: "app_review" }, rule: { kind: "flat", value: 50 } });
    expect(runEvent([offer], event({ type: "custom", customType: "app_review" })).outcomes[0]?.value).toBe(50);
    expect(runEvent([offer], event({ type: "custom", customType: "newsletter" })).skipped[0]?.reason).toBe("trigger_mismatch");
    expect(runEvent([offer], event({ type: "referral" })).skipped[0]?.reason).toBe("trigger_mismatch");
  });

  it("reads the amount attribute for percentage rules, and skips without one", () => {
    const offer = referral({ rule: { kind: "percentage", rate: "2" } });
    expect(runEvent([offer], event({ attributes: { amount: 50_000, currency: "INR" } })).outcomes[0]?.value).toBe(1000);
    expect(runEvent([offer], event({ attributes: { amount: "50000" } })).outcomes[0]?.value).toBe(1000);
    expect(runEvent([offer], event({ attributes: { amount: -5 } })).skipped[0]?.reason).toBe("missing_amount");
    expect(runEvent([offer], event()).skipped[0]?.reason).toBe("missing_amount");
  });

  it("applies validity, member filters and caps like transactions", () => {
    expect(runEvent([referral()], event({ occurredAt: new Date("2026-11-01T00:00:00Z") })).skipped[0]?.reason).toBe("not_yet_valid");
    expect(runEvent([referral({ memberFilters: { tierIds: [SILVER] } })], event()).skipped[0]?.reason).toBe("member_tier");
    const capped = referral({ caps: { perMember: { limit: 1200, period: "year" } } });
    expect(runEvent([capped], event(), usage({ "2026": 1000 })).outcomes[0]?.value).toBe(200);
    expect(runEvent([capped], event(), usage({ "2026": 1200 })).skipped[0]?.reason).toBe("member_cap_reached");
  });

  it("skips transaction offers and rejects unknown event types", () => {
    expect(runEvent([compile()], event()).skipped[0]?.reason).toBe("trigger_mismatch");
    expect(() => runEvent([], event({ type: "birthday" as ActivityEventInput["type"] }))).toThrow(
      expect.objectContaining({ code: "invalid_event" }) as EngineError,
    );
  });
});
