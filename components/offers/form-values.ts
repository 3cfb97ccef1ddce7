/**
 * The wizard's form state and its two-way mapping to the offer definition (lib/engine offerDefinitionSchema).
 * The form has the definition's shape, field for field, so that a schema error at "filters.minAmount" or
 * "rule.bands.1.to" lands on the input of that name; only the leaves differ: text as typed (major units,
 * comma lists, a local date and time) where the definition has numbers, arrays and ISO date-times.
 */
import type { OfferDefinitionInput } from "@/lib/engine";
import { isoToLocal, joinList, localToIso, majorToMinor, minorDigits, minorToMajor, parseWhole, splitList } from "./convert";

export type BandValues = { from: string; to: string; basis: "value" | "rate"; value: string; rate: string };
export type AttributeValues = { key: string; op: "eq" | "neq" | "in"; values: string };

export type OfferFormValues = {
  programId: string;
  name: string;
  description: string;
  validFrom: string;
  validUntil: string;
  funding: { kind: "bank" | "partner"; partnerId: string };
  trigger: { kind: "transaction" | "event"; eventType: string; customType: string };
  filters: {
    channels: string;
    merchantIds: string;
    mccs: string;
    categories: string;
    countries: string;
    international: "any" | "true" | "false";
    minAmount: string;
    currency: string;
    lineItems: { skus: string; categories: string };
  };
  memberFilters: { tierIds: string[]; enrolledProgramIds: string[]; attributes: AttributeValues[]; segmentIds: string[] };
  target: { kind: "each" | "milestone"; tracker: { metric: string; window: { kind: string; days: string } }; threshold: string };
  outcome: { type: "reward_points" | "cashback" | "voucher" | "partner_points"; currency: string; poolId: string; partnerId: string };
  rule: { kind: "flat" | "percentage" | "slab"; value: string; rate: string; capPerTransaction: string; mode: "whole" | "banded"; bands: BandValues[] };
  rounding: "" | "floor" | "half_up" | "half_even";
  caps: { perMember: { limit: string; period: string }; budget: string };
  posting: { method: "automatic" | "claim"; claimWindowDays: string };
  narration: string;
};

/** What conversions need to know about the programme. */
export type ConvertContext = { currency: string; timeZone: string };

export const EMPTY_BAND: BandValues = { from: "", to: "", basis: "rate", value: "", rate: "" };

export function emptyFormValues(programId: string, validFrom: string): OfferFormValues {
  return {
    programId,
    name: "",
    description: "",
    validFrom,
    validUntil: "",
    funding: { kind: "bank", partnerId: "" },
    trigger: { kind: "transaction", eventType: "referral", customType: "" },
    filters: { channels: "", merchantIds: "", mccs: "", categories: "", countries: "", international: "any", minAmount: "", currency: "", lineItems: { skus: "", categories: "" } },
    memberFilters: { tierIds: [], enrolledProgramIds: [], attributes: [], segmentIds: [] },
    target: { kind: "each", tracker: { metric: "transaction_amount", window: { kind: "calendar_month", days: "30" } }, threshold: "" },
    outcome: { type: "reward_points", currency: "", poolId: "", partnerId: "" },
    rule: { kind: "percentage", value: "", rate: "", capPerTransaction: "", mode: "whole", bands: [{ ...EMPTY_BAND }] },
    rounding: "",
    caps: { perMember: { limit: "", period: "month" }, budget: "" },
    posting: { method: "automatic", claimWindowDays: "30" },
    narration: "{offer}: {value} earned at {merchant} on {date}",
  };
}

const MONEY_METRICS = new Set(["transaction_amount", "gross_bill_amount", "line_item_price"]);

/** How the amounts of an offer are typed: transaction money, the rule's reading, and the outcome's units. */
export function unitsOf(v: OfferFormValues, ctx: ConvertContext) {
  const txnCurrency = v.filters.currency.trim().toUpperCase() || ctx.currency;
  const readsCount = v.target.kind === "milestone" && !MONEY_METRICS.has(v.target.tracker.metric);
  const outcomeCurrency = v.outcome.type === "cashback" ? v.outcome.currency.trim().toUpperCase() || null : null;
  return {
    txnCurrency,
    txnDigits: minorDigits(txnCurrency),
    /** The slab bands and the milestone threshold read a count (visits, line items), not money. */
    readsCount,
    outcomeCurrency,
    outcomeDigits: outcomeCurrency ? minorDigits(outcomeCurrency) : null,
  };
}

type Units = ReturnType<typeof unitsOf>;

const blank = (s: string | undefined) => (s ?? "").trim() === "";
/** A typed amount in minor units; the raw text when it is not one (the schema then reports it), undefined when blank. */
const money = (s: string, digits: number) => (blank(s) ? undefined : (majorToMinor(s, digits) ?? s));
const whole = (s: string) => (blank(s) ? undefined : (parseWhole(s) ?? s));
/** An outcome-unit value: money of the cashback currency, else a whole number. */
const outcomeValue = (s: string, u: Units) => (u.outcomeDigits === null ? whole(s) : money(s, u.outcomeDigits));
/** What a slab band or milestone reads: money of the transaction, or a count. */
const readValue = (s: string, u: Units) => (u.readsCount ? whole(s) : money(s, u.txnDigits));
const list = (s: string) => {
  const items = splitList(s);
  return items.length > 0 ? items : undefined;
};
const compact = <T extends Record<string, unknown>>(o: T): T | undefined => {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
};

/** The form as a definition (possibly incomplete or invalid: the step schemas judge it). */
export function toDefinition(v: OfferFormValues, ctx: ConvertContext): OfferDefinitionInput {
  const u = unitsOf(v, ctx);
  const f = v.filters;
  const lineItems =
    blank(f.lineItems.skus) && blank(f.lineItems.categories) ? undefined : { skus: splitList(f.lineItems.skus), categories: splitList(f.lineItems.categories) };
  const filters =
    v.trigger.kind === "event"
      ? undefined
      : compact({
          channels: list(f.channels),
          merchantIds: list(f.merchantIds),
          mccs: list(f.mccs),
          categories: list(f.categories),
          countries: list(f.countries),
          international: f.international === "any" ? undefined : f.international === "true",
          minAmount: money(f.minAmount, u.txnDigits),
          currency: blank(f.currency) ? undefined : f.currency.trim(),
          lineItems,
        });
  const m = v.memberFilters;
  const memberFilters = compact({
    tierIds: m.tierIds.length > 0 ? m.tierIds : undefined,
    enrolledProgramIds: m.enrolledProgramIds.length > 0 ? m.enrolledProgramIds : undefined,
    attributes: m.attributes.length > 0 ? m.attributes.map((a) => ({ key: a.key, op: a.op, values: a.op === "in" ? splitList(a.values) : [a.values.trim()].filter(Boolean) })) : undefined,
    segmentIds: m.segmentIds.length > 0 ? m.segmentIds : undefined,
  });
  const t = v.target;
  const target =
    t.kind === "each"
      ? { kind: "each" as const }
      : {
          kind: "milestone" as const,
          tracker: {
            metric: t.tracker.metric,
            window: t.tracker.window.kind === "rolling_days" ? { kind: "rolling_days", days: whole(t.tracker.window.days) } : { kind: t.tracker.window.kind },
          },
          threshold: readValue(t.threshold, u),
        };
  const o = v.outcome;
  const outcome =
    o.type === "cashback" ? { type: o.type, currency: o.currency.trim() }
      : o.type === "voucher" ? { type: o.type, poolId: o.poolId.trim() }
        : o.type === "partner_points" ? { type: o.type, partnerId: o.partnerId.trim() }
          : { type: o.type };
  const r = v.rule;
  const rule =
    r.kind === "flat" ? { kind: r.kind, value: outcomeValue(r.value, u) }
      : r.kind === "percentage" ? { kind: r.kind, rate: r.rate.trim(), capPerTransaction: outcomeValue(r.capPerTransaction, u) }
        : {
            kind: r.kind,
            mode: r.mode,
            bands: r.bands.map((b) => ({
              from: readValue(b.from, u) ?? (blank(b.from) ? 0 : b.from),
              to: readValue(b.to, u),
              ...(b.basis === "rate" ? { rate: b.rate.trim() } : { value: outcomeValue(b.value, u) }),
            })),
          };
  const perMember = blank(v.caps.perMember.limit) ? undefined : { limit: outcomeValue(v.caps.perMember.limit, u), period: v.caps.perMember.period };
  const caps = compact({ perMember, budget: outcomeValue(v.caps.budget, u) });
  const definition = {
    programId: v.programId,
    name: v.name,
    description: blank(v.description) ? undefined : v.description,
    validFrom: localToIso(v.validFrom, ctx.timeZone) ?? v.validFrom,
    validUntil: blank(v.validUntil) ? undefined : (localToIso(v.validUntil, ctx.timeZone) ?? v.validUntil),
    funding: v.funding.kind === "bank" ? { kind: "bank" } : { kind: "partner", partnerId: v.funding.partnerId.trim() },
    trigger:
      v.trigger.kind === "transaction"
        ? { kind: "transaction" }
        : { kind: "event", eventType: v.trigger.eventType, customType: v.trigger.eventType === "custom" ? v.trigger.customType : undefined },
    filters,
    memberFilters,
    target,
    outcome,
    rule,
    rounding: v.rounding === "" ? undefined : v.rounding,
    caps,
    posting: v.posting.method === "automatic" ? { method: "automatic" } : { method: "claim", claimWindowDays: whole(v.posting.claimWindowDays) },
    narration: v.narration,
  };
  return JSON.parse(JSON.stringify(definition)) as OfferDefinitionInput; // drops the undefined keys
}

// Reading a stored definition back into the form: lenient, since a draft may be incomplete.
type Loose = Record<string, unknown>;
const obj = (x: unknown): Loose => (x && typeof x === "object" && !Array.isArray(x) ? (x as Loose) : {});
const str = (x: unknown) => (typeof x === "string" ? x : typeof x === "number" ? String(x) : "");
const oneOf = <T extends string>(x: unknown, options: readonly T[], fallback: T): T => (options.includes(x as T) ? (x as T) : fallback);
const shownMoney = (x: unknown, digits: number) => (typeof x === "number" ? minorToMajor(x, digits) : str(x));
const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);

export function fromDefinition(raw: unknown, fallback: OfferFormValues, ctx: ConvertContext): OfferFormValues {
  const d = obj(raw);
  const v = structuredClone(fallback);
  v.programId = str(d.programId) || v.programId;
  v.name = str(d.name);
  v.description = str(d.description);
  v.validFrom = isoToLocal(d.validFrom, ctx.timeZone) || v.validFrom;
  v.validUntil = isoToLocal(d.validUntil, ctx.timeZone);
  const funding = obj(d.funding);
  v.funding = { kind: oneOf(funding.kind, ["bank", "partner"], "bank"), partnerId: str(funding.partnerId) };
  const trigger = obj(d.trigger);
  v.trigger = { kind: oneOf(trigger.kind, ["transaction", "event"], "transaction"), eventType: str(trigger.eventType) || "referral", customType: str(trigger.customType) };
  const outcome = obj(d.outcome);
  v.outcome = {
    type: oneOf(outcome.type, ["reward_points", "cashback", "voucher", "partner_points"], "reward_points"),
    currency: str(outcome.currency),
    poolId: str(outcome.poolId),
    partnerId: str(outcome.partnerId),
  };
  const target = obj(d.target);
  const tracker = obj(target.tracker);
  const window = obj(tracker.window);
  v.target = {
    kind: oneOf(target.kind, ["each", "milestone"], "each"),
    tracker: { metric: str(tracker.metric) || "transaction_amount", window: { kind: str(window.kind) || "calendar_month", days: str(window.days) || "30" } },
    threshold: "",
  };
  const f = obj(d.filters);
  const li = obj(f.lineItems);
  v.filters = {
    channels: joinList(f.channels),
    merchantIds: joinList(f.merchantIds),
    mccs: joinList(f.mccs),
    categories: joinList(f.categories),
    countries: joinList(f.countries),
    international: f.international === true ? "true" : f.international === false ? "false" : "any",
    minAmount: "",
    currency: str(f.currency),
    lineItems: { skus: joinList(li.skus), categories: joinList(li.categories) },
  };
  const u = unitsOf(v, ctx);
  const shownRead = (x: unknown) => (u.readsCount ? str(x) : shownMoney(x, u.txnDigits));
  const shownOutcome = (x: unknown) => (u.outcomeDigits === null ? str(x) : shownMoney(x, u.outcomeDigits));
  v.filters.minAmount = shownMoney(f.minAmount, u.txnDigits);
  v.target.threshold = shownRead(target.threshold);
  const mf = obj(d.memberFilters);
  v.memberFilters = {
    tierIds: strings(mf.tierIds),
    enrolledProgramIds: strings(mf.enrolledProgramIds),
    attributes: (Array.isArray(mf.attributes) ? mf.attributes : []).map((a) => {
      const x = obj(a);
      return { key: str(x.key), op: oneOf(x.op, ["eq", "neq", "in"], "eq"), values: joinList(x.values) };
    }),
    segmentIds: strings(mf.segmentIds),
  };
  const r = obj(d.rule);
  const bands = (Array.isArray(r.bands) ? r.bands : []).map((b): BandValues => {
    const x = obj(b);
    return { from: shownRead(x.from), to: shownRead(x.to), basis: x.rate !== undefined ? "rate" : "value", value: shownOutcome(x.value), rate: str(x.rate) };
  });
  v.rule = {
    kind: oneOf(r.kind, ["flat", "percentage", "slab"], "percentage"),
    value: r.kind === "flat" ? shownOutcome(r.value) : "",
    rate: str(r.rate),
    capPerTransaction: shownOutcome(r.capPerTransaction),
    mode: oneOf(r.mode, ["whole", "banded"], "whole"),
    bands: bands.length > 0 ? bands : [{ ...EMPTY_BAND }],
  };
  v.rounding = oneOf(d.rounding, ["", "floor", "half_up", "half_even"], "");
  const caps = obj(d.caps);
  const perMember = obj(caps.perMember);
  v.caps = { perMember: { limit: shownOutcome(perMember.limit), period: str(perMember.period) || "month" }, budget: shownOutcome(caps.budget) };
  const posting = obj(d.posting);
  v.posting = { method: oneOf(posting.method, ["automatic", "claim"], "automatic"), claimWindowDays: str(posting.claimWindowDays) || "30" };
  v.narration = typeof d.narration === "string" ? d.narration : v.narration;
  return v;
}
