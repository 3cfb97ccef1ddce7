import { describe, expect, it } from "vitest";
import { describeOffer, EngineError, type OfferDefinition, previewOffer, renderNarration, type TransactionInput } from "@/lib/engine";

const PROGRAM = "11111111-1111-4111-8111-111111111111";
const PARTNER = "22222222-2222-4222-8222-222222222222";
const GOLD = "55555555-5555-4555-8555-555555555555";

const intlMiles: OfferDefinition = {
  programId: PROGRAM,
  name: "Miles abroad",
  validFrom: "2026-12-01T00:00:00+05:30",
  funding: { kind: "partner", partnerId: PARTNER },
  trigger: { kind: "transaction" },
  filters: { international: true },
  target: { kind: "each" },
  outcome: { type: "partner_points", partnerId: PARTNER },
  rule: { kind: "percentage", rate: "2", capPerTransaction: 500 },
  posting: { method: "automatic" },
  narration: "{points} Skyward Miles for {amount} {currency} at {merchant}",
};

const tx: TransactionInput = {
  externalId: "sample", type: "purchase", amount: 1_000_000, currency: "INR", occurredAt: new Date("2026-12-05T10:00:00Z"),
  country: "AE", merchantName: "Dubai Mall",
};

describe("engine offers: narration", () => {
  it("fills every placeholder", () => {
    const text = renderNarration("{offer}: {points} ({value}) for {amount} {currency} at {merchant} on {date}", {
      offer: "Dining", points: "37", value: "37", amount: "2,500.00", currency: "INR", merchant: "Taj", date: "2026-11-23",
    });
    expect(text).toBe("Dining: 37 (37) for 2,500.00 INR at Taj on 2026-11-23");
  });

  it("renders a placeholder without a value as empty text, and leaves other text alone", () => {
    expect(renderNarration("Thanks{merchant}! {points} points, 100% sure", { points: "5" })).toBe("Thanks! 5 points, 100% sure");
    expect(renderNarration("no placeholders", {})).toBe("no placeholders");
  });

  it("throws invalid_narration naming an unknown placeholder", () => {
    try {
      renderNarration("Earned {pts} at {merchant}", {});
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).code).toBe("invalid_narration");
      expect((e as EngineError).message).toContain("{pts}");
    }
  });
});

describe("engine offers: describeOffer", () => {
  it("summarises the offer in sentences", () => {
    expect(describeOffer(intlMiles, { partnerCurrencies: { [PARTNER]: "Skyward Miles" }, partners: { [PARTNER]: "Emirates" } })).toEqual([
      "Earns 2 % of the amount as Skyward Miles, up to 500 per transaction, on international purchases from 1 Dec 2026.",
      "Results are rounded down.",
      "Partner points are the base value times the partner's conversion rate.",
      "Posted automatically.",
      "Funded by Emirates.",
      'Statement narration: "{points} Skyward Miles for {amount} {currency} at {merchant}".',
    ]);
  });

  it("describes slabs, filters, members, milestones, caps and claims", () => {
    const d: OfferDefinition = {
      ...intlMiles,
      funding: { kind: "bank" },
      validUntil: "2027-01-01T00:00:00+05:30",
      filters: { mccs: ["5812"], currency: "INR", minAmount: 50_000 },
      memberFilters: { tierIds: [GOLD], attributes: [{ key: "segment", op: "neq", values: ["student"] }] },
      outcome: { type: "cashback", currency: "INR" },
      rule: { kind: "slab", mode: "banded", bands: [{ from: 0, to: 100_000, rate: "1" }, { from: 100_000, value: 5_000 }] },
      caps: { perMember: { limit: 20_000, period: "month" }, budget: 10_000_000 },
      posting: { method: "claim", claimWindowDays: 14 },
    };
    expect(describeOffer(d, { tiers: { [GOLD]: "Gold" } })).toEqual([
      "Earns cashback in INR by slab on the amount, on purchases from 1 Dec 2026, ending before 1 Jan 2027.",
      "Each band earns on the part of the amount inside it: ₹0.00 to under ₹1,000.00: 1 %; ₹1,000.00 and above: ₹50.00.",
      "Results are rounded half to even.",
      "Only for MCC 5812; transactions in INR; amounts of at least ₹500.00.",
      "Only for members in the Gold tier.",
      "Only for members whose segment is not student.",
      "At most ₹200.00 per member per month.",
      "Budget: ₹100,000.00 in total, then the offer stops earning.",
      "The member claims it within 14 days.",
      "Funded by the bank.",
      'Statement narration: "{points} Skyward Miles for {amount} {currency} at {merchant}".',
    ]);
    const milestone: OfferDefinition = {
      ...intlMiles,
      filters: undefined,
      target: { kind: "milestone", threshold: 50_000_000, tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } } },
      rule: { kind: "flat", value: 10_000 },
    };
    expect(describeOffer(milestone, { currency: "INR", partners: { [PARTNER]: "Emirates" } })[0]).toBe(
      "Earns 10,000 Emirates points, once a year, when the member's spend in the calendar year reaches ₹500,000.00, from 1 Dec 2026.",
    );
  });

  it("describes vouchers and count milestones without money", () => {
    const d: OfferDefinition = {
      ...intlMiles,
      filters: undefined,
      outcome: { type: "voucher", poolId: PROGRAM },
      target: { kind: "milestone", threshold: 10, tracker: { metric: "visits", window: { kind: "rolling_days", days: 30 } } },
      rule: { kind: "flat", value: 1 },
    };
    expect(describeOffer(d, { pools: { [PROGRAM]: "Coffee vouchers" } })[0]).toBe(
      "Earns a voucher from Coffee vouchers, once, when the member's visits over a rolling 30 days reaches 10, from 1 Dec 2026.",
    );
  });
});

describe("engine offers: previewOffer", () => {
  const context = { homeCountry: "IN", partnerConversion: "0.5", timeZone: "Asia/Kolkata" };

  it("shows the outcome and its steps for a sample transaction", () => {
    const p = previewOffer(intlMiles, tx, context);
    expect(p.earns).toBe(true);
    expect(p.outcome?.value).toBe(250);
    expect(p.outcome?.narration).toBe("250 Skyward Miles for 10,000.00 INR at Dubai Mall");
    expect(p.explanation).toEqual([
      "2 % of ₹10,000.00 = 20,000 base points",
      "capped at 500 base points per transaction by the rule",
      "500 base points × 0.5 = 250 partner points",
    ]);
  });

  it("gives the reasons it would not earn", () => {
    const p = previewOffer(intlMiles, { ...tx, country: "IN" }, context);
    expect(p).toMatchObject({ earns: false, outcome: null, reasons: [{ code: "filter_international" }] });
    expect(p.explanation).toEqual(["The offer rewards only international (or only domestic) transactions, or the country is unknown."]);
  });

  it("reports a definition that cannot be evaluated instead of throwing", () => {
    expect(previewOffer({ ...intlMiles, name: "" }, tx, context).reasons).toEqual([{ code: "invalid_offer", message: "Name the offer." }]);
    expect(previewOffer(intlMiles, tx, { homeCountry: "IN", timeZone: "Asia/Kolkata" }).reasons[0]?.code).toBe("missing_partner_conversion");
    expect(previewOffer(intlMiles, { ...tx, amount: -5 }, context).reasons[0]?.code).toBe("invalid_transaction");
  });

  it("uses a sample member who meets the member conditions", () => {
    const d: OfferDefinition = {
      ...intlMiles,
      memberFilters: { tierIds: [GOLD], attributes: [{ key: "segment", op: "in", values: ["hni", "nri"] }, { key: "kyc", op: "neq", values: ["pending"] }] },
    };
    expect(previewOffer(d, tx, context).earns).toBe(true);
    const stranger = { programIds: [PROGRAM], tierIdByProgram: {}, attributes: {} };
    expect(previewOffer(d, tx, { ...context, member: stranger }).reasons[0]?.code).toBe("member_tier");
  });

  it("previews a milestone with empty history and event-triggered offers with a sample event", () => {
    const milestone: OfferDefinition = {
      ...intlMiles,
      filters: undefined,
      target: { kind: "milestone", threshold: 500_000, tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } } },
      rule: { kind: "flat", value: 1000 },
    };
    const p = previewOffer(milestone, tx, context);
    expect(p.outcome?.value).toBe(500);
    expect(p.trackerUpdates[0]).toMatchObject({ periodKey: "2026", before: 0, after: 1_000_000 });
    const signUp: OfferDefinition = { ...intlMiles, filters: undefined, trigger: { kind: "event", eventType: "sign_up" }, rule: { kind: "flat", value: 200 } };
    expect(previewOffer(signUp, { type: "sign_up", occurredAt: tx.occurredAt, attributes: {} }, context).outcome?.value).toBe(100);
  });
});
