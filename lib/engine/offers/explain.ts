/**
 * Builds an outcome once an award is decided: its narration and the plain-language steps that explain
 * it to member care ("1.5 % of ₹2,500.00 = 37.5 → 37 points (rounded down)", "capped at 500 by the
 * per-member monthly cap"). Only awarded outcomes reach this module: a skipped offer builds no text.
 */
import type { OfferOutcome } from "./definition-parts";
import { type CompiledCaps, explainCaps } from "./caps";
import { formatAmount, formatCount, formatExactMoney, formatMaybeMoney, formatMoney, groupDigits, roundingWords } from "./format";
import { decimalText, type Factor } from "./math";
import { type CompiledNarration, renderAwardNarration } from "./narration";
import { type CompiledRule, type ExplainUnits, explainRule } from "./rules";
import type { Rounding } from "../decimal";
import type { Outcome, OutcomePosting } from "./types";

export type Units = { whole: (n: number) => string; exact: (numerator: number | bigint) => string };

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
const exactNumber = (numerator: number | bigint) => groupDigits(decimalText(numerator, 8));

const unitsCache = new Map<string, Units>();

/** How a value of this outcome is written; "base" is the rule's unit before a partner conversion. */
export function valueUnits(outcome: OfferOutcome, stage: "base" | "final"): Units {
  const key = `${outcome.type}|${outcome.type === "cashback" ? outcome.currency : ""}|${stage}`;
  let u = unitsCache.get(key);
  if (u === undefined) {
    u = makeUnits(outcome, stage);
    unitsCache.set(key, u);
  }
  return u;
}

function makeUnits(outcome: OfferOutcome, stage: "base" | "final"): Units {
  switch (outcome.type) {
    case "reward_points":
      return { whole: (n) => plural(n, "point", "points"), exact: exactNumber };
    case "partner_points":
      return stage === "base"
        ? { whole: (n) => plural(n, "base point", "base points"), exact: exactNumber }
        : { whole: (n) => plural(n, "partner point", "partner points"), exact: exactNumber };
    case "cashback":
      return { whole: (n) => `${formatMoney(n, outcome.currency)} cashback`, exact: (x) => formatExactMoney(x, 8, outcome.currency) };
    case "voucher":
      return { whole: (n) => plural(n, "voucher", "vouchers"), exact: exactNumber };
  }
}

export type OutcomeSource = {
  /** How values are written before and after a partner conversion: valueUnits(outcome, "base" | "final"). */
  units: { base: Units; final: Units };
  offerId: string | null;
  offerVersion: number | null;
  name: string;
  outcome: OfferOutcome;
  outcomeProgramId: string | null;
  rule: CompiledRule;
  rounding: Rounding;
  conversion: Factor | null;
  caps: CompiledCaps | null;
  narration: CompiledNarration;
};

/** Everything an outcome's explanation is rendered from: numbers, strings, engine-owned arrays, pure formatters. */
export type AwardFacts = {
  /** The amount the rule read, or the matching line items (labelled) when the rule applied per line. */
  ruleAmounts: number | readonly { label: string; amount: number }[];
  /** How an amount the rule read is written (money of the transaction, or a tracker count). Pure. */
  amountText: (n: number) => string;
  /** The rule's rounded result before its own per-transaction cap. */
  ruleResult: number;
  baseValue: number;
  /** After conversion and the voucher limit, before per-member caps and budget. */
  beforeCaps: number;
  value: number;
  /** The member's usage in the cap period and the offer's budget used, before this award. */
  memberUsed: number;
  budgetUsed: number;
  capKey: string | null;
  milestone: { periodKey: string; metric: string; before: number; after: number; threshold: number } | null;
  preface: string | null;
  posting: OutcomePosting;
  narrationValues: { amount: string; currency: string; merchant: string; date: string };
};

/** The plain-language steps of an award. */
export function explainOutcome(src: OutcomeSource, facts: AwardFacts): string[] {
  const o = src.outcome;
  const { base, final } = src.units;
  const explanation: string[] = [];
  if (facts.preface) explanation.push(facts.preface);
  const ms = facts.milestone;
  if (ms) explanation.push(milestoneLine(ms.metric, ms.periodKey, ms.before, ms.after, ms.threshold, facts.amountText));
  const units: ExplainUnits = { amount: facts.amountText, whole: base.whole, exact: base.exact };
  explainRule(src.rule, facts.ruleAmounts, src.rounding, facts.ruleResult, units, explanation);
  if (facts.baseValue < facts.ruleResult) {
    explanation.push(`capped at ${base.whole(facts.baseValue)} per transaction by the rule`);
  }
  if (src.conversion !== null) {
    const f = src.conversion;
    const scale = String(f.den).length - 1;
    const p = facts.baseValue * f.units;
    const exact = p <= Number.MAX_SAFE_INTEGER ? p : BigInt(facts.baseValue) * f.unitsBig;
    const whole = typeof exact === "number" ? exact % f.den === 0 : exact % f.denBig === 0n;
    const after = facts.beforeCaps;
    explanation.push(
      whole
        ? `${base.whole(facts.baseValue)} × ${f.text} = ${final.whole(after)}`
        : `${base.whole(facts.baseValue)} × ${f.text} = ${groupDigits(decimalText(exact, scale))} → ${final.whole(after)} (${roundingWords(src.rounding)})`,
    );
  } else if (o.type === "voucher" && facts.beforeCaps < facts.baseValue) {
    explanation.push(`limited to ${final.whole(facts.beforeCaps)} per award`);
  }
  if (src.caps !== null) {
    explanation.push(...explainCaps(facts.beforeCaps, src.caps, facts.memberUsed, facts.budgetUsed, final.whole, formatCount));
  }
  return explanation;
}

/** The outcome of an award, with its narration and explanation rendered. */
export function buildOutcome(src: OutcomeSource, facts: AwardFacts): Outcome {
  const o = src.outcome;
  const valueText = o.type === "cashback" ? formatAmount(facts.value, o.currency) : formatCount(facts.value);
  const narration = renderAwardNarration(src.narration, facts.narrationValues, valueText, src.name);
  const outcome: Outcome = {
    offerId: src.offerId,
    offerVersion: src.offerVersion,
    outcomeType: o.type,
    value: facts.value,
    baseValue: facts.baseValue,
    posting: facts.posting,
    narration,
    explanation: explainOutcome(src, facts),
    usage: { capPeriodKey: facts.capKey, milestonePeriodKey: facts.milestone?.periodKey ?? null },
  };
  if (o.type === "reward_points") outcome.programId = src.outcomeProgramId ?? undefined;
  if (o.type === "partner_points") outcome.partnerId = o.partnerId;
  if (o.type === "cashback") outcome.currency = o.currency;
  if (o.type === "voucher") outcome.poolId = o.poolId;
  return outcome;
}

const MONEY_METRICS = new Set(["transaction_amount", "gross_bill_amount", "line_item_price"]);

export function isMoneyMetric(metric: string): boolean {
  return MONEY_METRICS.has(metric);
}

const METRIC_WORDS: Record<string, string> = {
  transaction_amount: "spend",
  gross_bill_amount: "gross bill amount",
  line_item_count: "line-item count",
  line_item_quantity: "line-item quantity",
  line_item_price: "line-item price total",
  visits: "visits",
};

export function metricWords(metric: string): string {
  return METRIC_WORDS[metric] ?? metric;
}

const trackerTexts = new Map<string, (n: number) => string>();

export function trackerValueText(metric: string, currency: string | null): (n: number) => string {
  if (!isMoneyMetric(metric)) return formatCount;
  const key = currency ?? "";
  let f = trackerTexts.get(key);
  if (f === undefined) {
    f = (n: number) => formatMaybeMoney(n, currency);
    trackerTexts.set(key, f);
  }
  return f;
}

export function milestoneLine(metric: string, periodKey: string, before: number, after: number, threshold: number, text: (n: number) => string): string {
  const period = periodKey === "rolling" ? "over the rolling window" : `in ${periodKey}`;
  return `milestone: ${metricWords(metric)} ${period} went from ${text(before)} to ${text(after)}, reaching ${text(threshold)}`;
}
