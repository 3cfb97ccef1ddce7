/**
 * Member activity events (referral, survey completed, social engagement, sign-up, custom) against
 * event-triggered offers. A flat rule is typical; a percentage or slab rule reads the event's `amount`
 * attribute (minor units; a whole number or a string of digits) and the offer is skipped with
 * `missing_amount` when there is none. `currency` (attribute) names the amount's currency.
 */
import { assertValidDate } from "../calendar";
import { EngineError } from "../errors";
import { applyCaps } from "./caps";
import type { CompiledOffer } from "./compile";
import { EVENT_TYPES } from "./definition-parts";
import { assertTimeZone, computeValue, isEnrolled, Moment, offerSource } from "./evaluate";
import { buildOutcome } from "./explain";
import { matchMember } from "./filters";
import { formatAmount, formatCount, formatMaybeMoney, moneyFormatter } from "./format";
import { ExactSum } from "./math";
import { accumulateRule } from "./rules";
import { skipOffer } from "./skips";
import { dayKey } from "./trackers";
import type { ActivityEventInput, EventEvaluationResult, MemberContext, Outcome, Skipped, UsageState } from "./types";

export type EvaluateEventInput = {
  offers: readonly CompiledOffer[];
  member: MemberContext;
  event: ActivityEventInput;
  usage: UsageState;
  timeZone: string;
  now: Date;
};

const acc = new ExactSum();
const plainAmount = (n: number) => formatMaybeMoney(n, null);

function eventAmount(attributes: ActivityEventInput["attributes"]): number | null {
  const a = attributes.amount;
  if (typeof a === "number") return Number.isSafeInteger(a) && a >= 0 ? a : null;
  if (typeof a === "string" && /^\d{1,15}$/.test(a)) return Number(a);
  return null;
}

function eventCurrency(attributes: ActivityEventInput["attributes"]): string | null {
  const c = attributes.currency;
  return typeof c === "string" && /^[A-Za-z]{3}$/.test(c) ? c.toUpperCase() : null;
}

export function evaluateEvent(input: EvaluateEventInput): EventEvaluationResult {
  const e = input.event;
  if (!e || !(EVENT_TYPES as readonly string[]).includes(e.type)) {
    throw new EngineError("invalid_event", `An event type is one of ${EVENT_TYPES.join(", ")}.`);
  }
  if (!e.attributes || typeof e.attributes !== "object") throw new EngineError("invalid_event", "The event's attributes must be an object.");
  let occurredMs: number;
  try {
    occurredMs = assertValidDate(e.occurredAt);
  } catch {
    throw new EngineError("invalid_event", "The event time is not a valid date.");
  }
  assertValidDate(input.now);
  assertTimeZone(input.timeZone);
  const m = new Moment(occurredMs, input.timeZone, input.now.getTime());
  const amount = eventAmount(e.attributes);
  const currency = eventCurrency(e.attributes);
  const outcomes: Outcome[] = [];
  const skipped: Skipped[] = [];

  for (const o of input.offers) {
    const t = o.trigger;
    if (t.kind !== "event" || t.eventType !== e.type || (t.eventType === "custom" && t.customType !== e.customType)) {
      skipped.push(skipOffer(o, "trigger_mismatch"));
      continue;
    }
    if (occurredMs < o.validFromMs) { skipped.push(skipOffer(o, "not_yet_valid")); continue; }
    if (occurredMs >= o.validUntilMs) { skipped.push(skipOffer(o, "expired")); continue; }
    if (!isEnrolled(o, input.member)) { skipped.push(skipOffer(o, "not_enrolled")); continue; }
    const memberReason = o.member === null ? null : matchMember(o.member, input.member, o.programId);
    if (memberReason !== null) { skipped.push(skipOffer(o, memberReason)); continue; }
    if (o.amountBased && amount === null) { skipped.push(skipOffer(o, "missing_amount")); continue; }
    if (o.amountBased && o.outcome.type === "cashback" && currency !== o.outcome.currency) {
      skipped.push(skipOffer(o, "currency_mismatch"));
      continue;
    }
    const ruleAmount = amount ?? 0;
    acc.reset();
    accumulateRule(o.rule, ruleAmount, acc);
    const ruleResult = acc.rounded(o.rounding);
    const { baseValue, beforeCaps } = computeValue(o, ruleResult);
    if (beforeCaps <= 0) { skipped.push(skipOffer(o, "zero_value")); continue; }
    const usage = input.usage[o.offerId];
    const capKey = o.caps.perMember === null ? null : m.capKey(o.caps.perMember.period);
    const capped = applyCaps(beforeCaps, o.caps, usage, capKey);
    if (capped.reason !== null) { skipped.push(skipOffer(o, capped.reason)); continue; }
    const eventName = e.type === "custom" ? (e.customType ?? "custom") : e.type.replace(/_/g, " ");
    outcomes.push(buildOutcome(offerSource(o), {
      ruleAmounts: ruleAmount,
      amountText: currency ? moneyFormatter(currency) : plainAmount,
      ruleResult, baseValue, beforeCaps, value: capped.value, memberUsed: capped.memberUsed, budgetUsed: capped.budgetUsed, capKey, milestone: null,
      preface: `${eventName} event`,
      posting: m.posting(o.posting),
      narrationValues: {
        amount: amount === null ? "" : currency ? formatAmount(amount, currency) : formatCount(amount),
        currency: currency ?? "",
        merchant: "",
        date: dayKey(m.localDay()),
      },
    }));
  }
  return { outcomes, skipped };
}
