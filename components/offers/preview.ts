/**
 * The wizard's examples, computed in the browser by the engine's previewOffer: the same compile and
 * evaluate code that earns for real (lib/engine is pure, so it runs here as it does on the server).
 */
import { formatMoney, offerDefinitionSchema, previewOffer, valueUnits, type ActivityEventInput, type OfferDefinition, type PreviewResult, type TransactionInput } from "@/lib/engine";
import { majorToMinor, minorDigits } from "./convert";
import { toDefinition, unitsOf, type OfferFormValues } from "./form-values";
import { convertContext, type WizardProgramme } from "./types";

/** What the earned value reads as: "₹20.00 cashback", "1,250 points". */
export function earnedText(result: PreviewResult): string | null {
  const o = result.outcome;
  if (!o) return null;
  const outcome =
    o.outcomeType === "cashback" ? { type: "cashback" as const, currency: o.currency ?? "" }
      : o.outcomeType === "voucher" ? { type: "voucher" as const, poolId: o.poolId ?? "" }
        : o.outcomeType === "partner_points" ? { type: "partner_points" as const, partnerId: o.partnerId ?? "" }
          : { type: "reward_points" as const };
  return valueUnits(outcome, "final").whole(o.value);
}

/** When an example happens: now, or the offer's start when that is later (before its end, else at the start). */
export function sampleTime(d: OfferDefinition, nowMs: number): Date {
  const start = Date.parse(d.validFrom);
  const end = d.validUntil ? Date.parse(d.validUntil) : Infinity;
  const at = Math.max(nowMs, start);
  return new Date(at < end ? at : start);
}

export type SampleFields = { amount: string; merchant: string; country: string; channel: string; mcc: string };

export type SampleRun = { result: PreviewResult; at: Date; amountText: string } | { problem: string };

/** Runs the example the reviewer typed against the whole definition. */
export function runSample(d: OfferDefinition, sample: SampleFields, programme: WizardProgramme, nowMs: number, conversion = "1"): SampleRun {
  const currency = d.filters?.currency ?? programme.currency;
  const digits = minorDigits(currency);
  const amount = sample.amount.trim() === "" ? 0 : majorToMinor(sample.amount, digits);
  if (amount === null) return { problem: "Enter the example amount as a number such as 1,000.00." };
  const at = sampleTime(d, nowMs);
  const context = { homeCountry: programme.homeCountry, partnerConversion: conversion, timeZone: programme.timeZone, now: at };
  const opt = (s: string) => (s.trim() === "" ? undefined : s.trim());
  let input: TransactionInput | ActivityEventInput;
  if (d.trigger.kind === "event") {
    input = {
      type: d.trigger.eventType,
      customType: d.trigger.customType,
      occurredAt: at,
      attributes: amount > 0 ? { amount, currency } : {},
    };
  } else {
    input = {
      externalId: "preview",
      type: "purchase",
      amount,
      currency,
      occurredAt: at,
      merchantId: opt(sample.merchant),
      merchantName: opt(sample.merchant),
      country: opt(sample.country)?.toUpperCase(),
      channel: opt(sample.channel)?.toLowerCase(),
      mcc: opt(sample.mcc),
    };
  }
  return { result: previewOffer(d, input, context), at, amountText: formatMoney(amount, currency) };
}

export type SlabExample = { label: string; modes: { mode: "whole" | "banded"; text: string }[] };

/** An amount that shows the bands at work: inside the last band (past its start when it is open-ended). */
function exampleAmount(bands: { from: number; to?: number }[], digits: number): number {
  const step = 10 ** digits;
  const last = bands.at(-1)!;
  const prevFrom = bands.at(-2)?.from ?? 0;
  const raw = last.to !== undefined ? Math.floor((last.from + last.to) / 2) : last.from + Math.max(Math.floor((last.from - prevFrom) / 2), 100 * step);
  return Math.max(step, raw - (raw % step));
}

/**
 * The same slab under both modes for one amount, so the difference is visible before choosing. Only the
 * rule, outcome and rounding matter here: filters, caps and validity are left out.
 */
export function slabExample(values: OfferFormValues, programme: WizardProgramme): SlabExample | null {
  const ctx = convertContext(programme);
  const units = unitsOf(values, ctx);
  if (units.readsCount) return { label: "the bands read the tracker’s count, so there is no money example.", modes: [] };
  const draft = toDefinition(values, ctx);
  const base = {
    ...draft,
    programId: programme.id,
    name: draft.name || "Example",
    validFrom: "2000-01-01T00:00:00Z",
    validUntil: undefined,
    funding: { kind: "bank" },
    trigger: { kind: "transaction" },
    filters: undefined,
    memberFilters: undefined,
    target: { kind: "each" },
    caps: undefined,
    posting: { method: "automatic" },
    narration: "example",
  };
  const parsed = offerDefinitionSchema.safeParse(base);
  if (!parsed.success || parsed.data.rule.kind !== "slab") return null;
  const rule = parsed.data.rule;
  const amount = exampleAmount(rule.bands, units.txnDigits);
  const at = new Date("2001-01-01T00:00:00Z");
  const modes = (["whole", "banded"] as const).map((mode) => {
    const definition = { ...parsed.data, rule: { ...rule, mode } };
    const result = previewOffer(
      definition,
      { externalId: "example", type: "purchase", amount, currency: units.txnCurrency, occurredAt: at },
      { homeCountry: programme.homeCountry, partnerConversion: "1", timeZone: programme.timeZone, now: at },
    );
    const earned = earnedText(result);
    return { mode, text: earned ? `earns ${earned} (${result.explanation.join("; ")})` : `earns nothing: ${result.explanation.join(" ")}` };
  });
  return { label: `a purchase of ${formatMoney(amount, units.txnCurrency)}`, modes };
}
