/**
 * The hot path: one transaction (or activity event) against every compiled offer of the member's
 * programmes. Order of checks per offer: trigger, validity [validFrom, validUntil) at occurredAt,
 * enrolment, transaction filters, member filters, milestone, rule, partner conversion, voucher limit,
 * per-member cap, budget. A refund earns nothing (reversal is separate).
 */
import { assertValidDate, type CivilDate, daysFromCivil, localDate } from "../calendar";
import { EngineError } from "../errors";
import { applyCaps, capPeriodKey } from "./caps";
import type { CompiledBaseRule, CompiledOffer } from "./compile";
import { type CapPeriod, MAX_VOUCHERS_PER_AWARD, type PostingMethod } from "./definition";
import { type AwardFacts, buildOutcome, isMoneyMetric, type OutcomeSource, trackerValueText } from "./explain";
import { lineMatches, matchMember, matchTransaction, type NormalizedTransaction, normalizeTransaction } from "./filters";
import { formatAmount, formatCount, groupDigits, moneyFormatter, roundingWords } from "./format";
import { endOfLocalDayNumber, fastLocalDate } from "./localday";
import { ExactSum, decimalText, type Factor, multiplyFactor, safeAdd } from "./math";
import { accumulateRule } from "./rules";
import { skip, skipOffer } from "./skips";
import { type CompiledTracker, dayKey, measureNormalized, periodKeyOfDate } from "./trackers";
import type {
  EvaluationResult, MemberContext, OfferUsage, Outcome, OutcomePosting, Skipped, TrackerState, TrackerUpdate, TransactionInput, UsageState,
} from "./types";

export type EvaluateTransactionInput = {
  offers: readonly CompiledOffer[];
  /** Base earn rules, one per programme; they earn for members enrolled in their programme. */
  baseRules?: readonly CompiledBaseRule[];
  /** Further trackers to advance (e.g. for tier rules); the offers' milestone trackers are always advanced. */
  extraTrackers?: readonly CompiledTracker[];
  /**
   * The member's tier benefit per programme id: the base earn rule's points are multiplied by `factor`
   * and rounded as the rule rounds. Offers are not multiplied (they target tiers by their own filters).
   */
  tierMultipliers?: Readonly<Record<string, TierMultiplier>>;
  member: MemberContext;
  transaction: TransactionInput;
  trackers: TrackerState;
  usage: UsageState;
  /** The programme's IANA time zone: periods, caps and narration dates are local to it. */
  timeZone: string;
  /** The evaluation time (claim deadlines count from it). */
  now: Date;
};

export type TierMultiplier = { tierName: string; factor: Factor };

const acc = new ExactSum();
/** Shared by every automatic outcome, so frozen. */
const AUTOMATIC: OutcomePosting = Object.freeze({ method: "automatic" });
const checkedZones = new Set<string>();

export function assertTimeZone(timeZone: string): void {
  if (checkedZones.has(timeZone)) return;
  localDate(new Date(0), timeZone); // throws EngineError("invalid_time_zone")
  checkedZones.add(timeZone);
}

/** Per-call lazy values: the local day of the activity, claim deadlines, narration values. */
export class Moment {
  private day: CivilDate | null = null;
  private narration: AwardFacts["narrationValues"] | null = null;
  private nowDay: number | null = null;
  private capKeys: Partial<Record<CapPeriod, string | null>> = {};

  constructor(
    readonly occurredMs: number,
    readonly timeZone: string,
    readonly nowMs: number,
  ) {}

  localDay(): CivilDate {
    if (this.day === null) this.day = fastLocalDate(this.occurredMs, this.timeZone);
    return this.day;
  }

  /** The per-member cap period key of the activity's local day, built once per period kind. */
  capKey(period: CapPeriod): string | null {
    let key = this.capKeys[period];
    if (key === undefined) {
      key = capPeriodKey(period, this.localDay());
      this.capKeys[period] = key;
    }
    return key;
  }

  /** Claims are open until the end of the local day `claimWindowDays` after `now`. */
  posting(p: PostingMethod): OutcomePosting {
    if (p.method === "automatic") return AUTOMATIC;
    this.nowDay ??= daysFromCivil(fastLocalDate(this.nowMs, this.timeZone));
    return { method: "claim", claimWindowDays: p.claimWindowDays, claimExpiresAt: endOfLocalDayNumber(this.nowDay + p.claimWindowDays, this.timeZone) };
  }

  /** The transaction's narration values, built once per evaluation. */
  narrationValues(tx: NormalizedTransaction): AwardFacts["narrationValues"] {
    this.narration ??= {
      amount: formatAmount(tx.amount, tx.currency),
      currency: tx.currency,
      merchant: tx.src.merchantName ?? tx.src.merchantId ?? "",
      date: dayKey(this.localDay()),
    };
    return this.narration;
  }
}

type TrackerRead = { periodKey: string; before: number; after: number };

function visitTracker(
  t: CompiledTracker, map: Map<string, TrackerRead>, state: TrackerState, tx: NormalizedTransaction, m: Moment, updates: TrackerUpdate[],
): void {
  if (map.has(t.key)) return;
  const delta = measureNormalized(t, tx);
  const periodKey = t.window.kind === "rolling_days" ? "rolling" : periodKeyOfDate(t.window, m.localDay());
  const stored = state[t.key];
  if (stored !== undefined && !(Number.isSafeInteger(stored.value) && stored.value >= 0)) {
    throw new EngineError("invalid_tracker_state", `The stored value of tracker ${t.key} must be a whole number ≥ 0.`);
  }
  const before = stored !== undefined && stored.periodKey === periodKey ? stored.value : 0;
  const after = safeAdd(before, delta);
  map.set(t.key, { periodKey, before, after });
  if (delta !== 0) updates.push({ trackerKey: t.key, periodKey, delta, before, after });
}

/** Every tracker the offers read (once each, however many offers share it), advanced by this transaction. */
function readTrackers(input: EvaluateTransactionInput, tx: NormalizedTransaction, m: Moment, updates: TrackerUpdate[]): Map<string, TrackerRead> | null {
  let map: Map<string, TrackerRead> | null = null;
  for (let i = 0; i < input.offers.length; i++) {
    const o = input.offers[i]!;
    if (o.milestone !== null && o.trigger.kind === "transaction") visitTracker(o.milestone.tracker, (map ??= new Map()), input.trackers, tx, m, updates);
  }
  if (input.extraTrackers) for (const t of input.extraTrackers) visitTracker(t, (map ??= new Map()), input.trackers, tx, m, updates);
  return map;
}

export function offerSource(o: CompiledOffer): OutcomeSource {
  return o.source;
}

export function isEnrolled(o: CompiledOffer, member: MemberContext): boolean {
  if (!member.programIds.includes(o.programId)) return false;
  return o.outcomeProgramId === null || o.outcomeProgramId === o.programId || member.programIds.includes(o.outcomeProgramId);
}

/** The rounded rule result, the base value after the rule's cap, and the value before per-member caps. */
export function computeValue(o: CompiledOffer | CompiledBaseRule, ruleResult: number): { baseValue: number; beforeCaps: number } {
  const rule = o.rule;
  const baseValue = rule.kind === "percentage" && rule.cap !== null && ruleResult > rule.cap ? rule.cap : ruleResult;
  if (!("outcome" in o)) return { baseValue, beforeCaps: baseValue };
  let value = o.conversion !== null ? multiplyFactor(baseValue, o.conversion, o.rounding) : baseValue;
  if (o.outcome.type === "voucher" && value > MAX_VOUCHERS_PER_AWARD) value = MAX_VOUCHERS_PER_AWARD;
  return { baseValue, beforeCaps: value };
}

function evaluateOffer(
  o: CompiledOffer, input: EvaluateTransactionInput, tx: NormalizedTransaction, m: Moment,
  trackers: Map<string, TrackerRead> | null, outcomes: Outcome[], skipped: Skipped[],
): void {
  if (o.trigger.kind !== "transaction") return void skipped.push(skipOffer(o, "trigger_mismatch"));
  if (tx.occurredMs < o.validFromMs) return void skipped.push(skipOffer(o, "not_yet_valid"));
  if (tx.occurredMs >= o.validUntilMs) return void skipped.push(skipOffer(o, "expired"));
  const member = input.member;
  if (!isEnrolled(o, member)) return void skipped.push(skipOffer(o, "not_enrolled"));
  if (o.filters !== null) {
    const reason = matchTransaction(o.filters, tx);
    if (reason !== null) return void skipped.push(skipOffer(o, reason));
  }
  if (o.member !== null) {
    const reason = matchMember(o.member, member, o.programId);
    if (reason !== null) return void skipped.push(skipOffer(o, reason));
  }
  const usage = input.usage[o.offerId];
  let amount = tx.amount;
  let milestone: TrackerRead | null = null;
  if (o.milestone !== null) {
    const t = trackers!.get(o.milestone.tracker.key)!;
    if (usage !== undefined && usage.milestonePeriodsAwarded.includes(t.periodKey)) {
      return void skipped.push(skipOffer(o, "milestone_already_awarded"));
    }
    if (t.after < o.milestone.threshold) return void skipped.push(skipOffer(o, "milestone_not_reached"));
    if (t.before >= o.milestone.threshold) return void skipped.push(skipOffer(o, "milestone_already_passed"));
    milestone = t;
    amount = t.after;
  }
  if (
    o.amountBased && o.outcome.type === "cashback" && tx.currency !== o.outcome.currency &&
    (o.milestone === null || isMoneyMetric(o.milestone.tracker.metric))
  ) {
    return void skipped.push(skipOffer(o, "currency_mismatch"));
  }

  award(o, tx, m, usage, amount, milestone, outcomes, skipped);
}

/** The rule, conversion, caps and outcome of an offer whose conditions hold. */
function award(
  o: CompiledOffer, tx: NormalizedTransaction, m: Moment, usage: OfferUsage | undefined, amount: number,
  milestone: TrackerRead | null, outcomes: Outcome[], skipped: Skipped[],
): void {
  acc.reset();
  const lf = o.lineItems;
  if (lf !== null) {
    const lines = tx.lines!;
    for (let i = 0; i < lines.length; i++) if (lineMatches(lf, lines[i]!)) accumulateRule(o.rule, lines[i]!.amount, acc);
  } else {
    accumulateRule(o.rule, amount, acc);
  }
  const ruleResult = acc.rounded(o.rounding);
  const { baseValue, beforeCaps } = computeValue(o, ruleResult);
  if (beforeCaps <= 0) return void skipped.push(skipOffer(o, "zero_value"));

  let value = beforeCaps;
  let capKey: string | null = null;
  let memberUsed = 0;
  let budgetUsed = 0;
  if (o.caps.perMember !== null || o.caps.budget !== null) {
    if (o.caps.perMember !== null) capKey = m.capKey(o.caps.perMember.period);
    const capped = applyCaps(beforeCaps, o.caps, usage, capKey);
    if (capped.reason !== null) return void skipped.push(skipOffer(o, capped.reason));
    value = capped.value;
    memberUsed = capped.memberUsed;
    budgetUsed = capped.budgetUsed;
  }

  const currency = tx.currency;
  const facts: AwardFacts = {
    ruleAmounts: lf !== null
      ? tx.lines!.filter((l) => lineMatches(lf, l)).map((l) => ({ label: `line ${l.sku}`, amount: l.amount }))
      : amount,
    amountText: milestone !== null ? trackerValueText(o.milestone!.tracker.metric, currency) : moneyFormatter(currency),
    ruleResult, baseValue, beforeCaps, value, memberUsed, budgetUsed, capKey,
    milestone: milestone === null ? null : {
      periodKey: milestone.periodKey, metric: o.milestone!.tracker.metric,
      before: milestone.before, after: milestone.after, threshold: o.milestone!.threshold,
    },
    preface: null,
    posting: m.posting(o.posting),
    narrationValues: m.narrationValues(tx),
  };
  outcomes.push(buildOutcome(offerSource(o), facts));
}

function evaluateBaseRule(b: CompiledBaseRule, input: EvaluateTransactionInput, tx: NormalizedTransaction, m: Moment, outcomes: Outcome[], skipped: Skipped[]): void {
  if (!input.member.programIds.includes(b.programId)) return void skipped.push(skip(null, "not_enrolled", b.programId));
  acc.reset();
  accumulateRule(b.rule, tx.amount, acc);
  const ruleResult = acc.rounded(b.rounding);
  const { baseValue } = computeValue(b, ruleResult);
  if (baseValue <= 0) return void skipped.push(skip(null, "zero_value", b.programId));
  const tier = input.tierMultipliers?.[b.programId];
  const value = tier === undefined ? baseValue : multiplyFactor(baseValue, tier.factor, b.rounding);
  const outcome = buildOutcome(b.source, {
    ruleAmounts: tx.amount,
    amountText: moneyFormatter(tx.currency),
    ruleResult, baseValue, beforeCaps: value, value, memberUsed: 0, budgetUsed: 0, capKey: null, milestone: null,
    preface: "base earn of the programme", posting: AUTOMATIC, narrationValues: m.narrationValues(tx),
  });
  if (tier !== undefined) outcome.explanation.push(multiplierLine(tier, baseValue, value, b.rounding));
  outcomes.push(outcome);
}

/** "Gold tier earns × 1.25: 101 points × 1.25 = 126.25 → 126 points (rounded down)". */
function multiplierLine(tier: TierMultiplier, baseValue: number, value: number, rounding: CompiledBaseRule["rounding"]): string {
  const f = tier.factor;
  const scale = String(f.den).length - 1;
  const exact = BigInt(baseValue) * f.unitsBig;
  const head = `${tier.tierName} tier earns × ${f.text}: ${formatCount(baseValue)} ${baseValue === 1 ? "point" : "points"} × ${f.text}`;
  const points = `${formatCount(value)} ${value === 1 ? "point" : "points"}`;
  return exact % f.denBig === 0n ? `${head} = ${points}` : `${head} = ${groupDigits(decimalText(exact, scale))} → ${points} (${roundingWords(rounding)})`;
}

/**
 * Evaluates one transaction against compiled offers and base earn rules. Returns the awards, the tracker
 * changes to store (before/after in the period of the transaction) and why each other offer did not earn.
 */
export function evaluateTransaction(input: EvaluateTransactionInput): EvaluationResult {
  const tx = normalizeTransaction(input.transaction);
  assertValidDate(input.now);
  assertTimeZone(input.timeZone);
  const outcomes: Outcome[] = [];
  const skipped: Skipped[] = [];
  const trackerUpdates: TrackerUpdate[] = [];
  const offers = input.offers;
  const baseRules = input.baseRules ?? [];
  if (tx.src.type === "refund") {
    for (const b of baseRules) skipped.push(skip(null, "refund_no_earn", b.programId));
    for (const o of offers) skipped.push(skipOffer(o, "refund_no_earn"));
    return { outcomes, trackerUpdates, skipped };
  }
  const m = new Moment(tx.occurredMs, input.timeZone, input.now.getTime());
  const trackers = readTrackers(input, tx, m, trackerUpdates);
  for (let i = 0; i < baseRules.length; i++) evaluateBaseRule(baseRules[i]!, input, tx, m, outcomes, skipped);
  for (let i = 0; i < offers.length; i++) {
    const o = offers[i];
    if (!o) throw new EngineError("invalid_offer", "An offer in the list is missing.");
    evaluateOffer(o, input, tx, m, trackers, outcomes, skipped);
  }
  return { outcomes, trackerUpdates, skipped };
}
