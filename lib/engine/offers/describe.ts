/**
 * The wizard's review step: an offer definition in plain sentences, e.g. "Earns 2 % of the amount as
 * Skyward Miles, up to 500 per transaction, on international purchases from 1 Dec 2026."
 */
import type { OfferDefinition } from "./definition";
import type { OfferOutcome, SlabBand, TrackerDefinition, TransactionFilters } from "./definition-parts";
import { effectiveRounding } from "./definition";
import { metricWords, isMoneyMetric } from "./explain";
import { formatCount, formatIsoDay, formatMaybeMoney, formatMoney, roundingWords } from "./format";

export type DescribeLabels = {
  /** Names by id, to write names instead of ids. */
  programs?: Readonly<Record<string, string>>;
  partners?: Readonly<Record<string, string>>;
  /** A partner's loyalty currency by partner id ("Skyward Miles"); defaults to the partner's name. */
  partnerCurrencies?: Readonly<Record<string, string>>;
  pools?: Readonly<Record<string, string>>;
  tiers?: Readonly<Record<string, string>>;
  segments?: Readonly<Record<string, string>>;
  /** The currency amounts are in when the offer does not pin one (the programme's currency). */
  currency?: string;
};

const list = (xs: readonly string[]) => xs.join(", ");
const nonEmpty = (xs: readonly string[] | undefined): xs is readonly string[] => xs !== undefined && xs.length > 0;
const name = (labels: Readonly<Record<string, string>> | undefined, id: string) => labels?.[id] ?? id;

function unitPhrase(o: OfferOutcome, d: OfferDefinition, l: DescribeLabels): { unit: string; as: string } {
  switch (o.type) {
    case "reward_points": {
      const program = l.programs?.[o.programId ?? d.programId];
      return { unit: program ? `${program} points` : "points", as: program ? `${program} points` : "points" };
    }
    case "partner_points": {
      const currency = l.partnerCurrencies?.[o.partnerId] ?? `${name(l.partners, o.partnerId)} points`;
      return { unit: currency, as: currency };
    }
    case "cashback":
      return { unit: `${o.currency} cashback`, as: `cashback in ${o.currency}` };
    case "voucher":
      return { unit: "vouchers", as: `vouchers from ${name(l.pools, o.poolId)}` };
  }
}

function bandPhrase(b: SlabBand, money: (n: number) => string, flat: (n: number) => string): string {
  const range = b.to === undefined ? `${money(b.from)} and above` : `${money(b.from)} to under ${money(b.to)}`;
  return `${range}: ${b.rate !== undefined ? `${b.rate} %` : flat(b.value ?? 0)}`;
}

function scopePhrase(d: OfferDefinition): string {
  const t = d.trigger;
  if (t.kind === "event") {
    const event = t.eventType === "custom" ? `"${t.customType ?? "custom"}"` : t.eventType.replace(/_/g, " ");
    return `for each ${event} event`;
  }
  const intl = d.filters?.international;
  const kind = intl === true ? "international " : intl === false ? "domestic " : "";
  return `on ${kind}purchases`;
}

function filterSentence(f: TransactionFilters | undefined, money: (n: number) => string): string | null {
  if (!f) return null;
  const parts: string[] = [];
  if (nonEmpty(f.channels)) parts.push(`channels ${list(f.channels)}`);
  if (nonEmpty(f.merchantIds)) parts.push(`merchants ${list(f.merchantIds)}`);
  if (nonEmpty(f.mccs)) parts.push(`MCC ${list(f.mccs)}`);
  if (nonEmpty(f.categories)) parts.push(`spend categories ${list(f.categories)}`);
  if (nonEmpty(f.countries)) parts.push(`countries ${list(f.countries)}`);
  if (f.currency) parts.push(`transactions in ${f.currency}`);
  if (f.minAmount !== undefined && f.minAmount > 0) parts.push(`amounts of at least ${money(f.minAmount)}`);
  return parts.length > 0 ? `Only for ${parts.join("; ")}.` : null;
}

export function describeOffer(d: OfferDefinition, labels: DescribeLabels = {}): string[] {
  const currency = d.filters?.currency ?? labels.currency ?? (d.outcome.type === "cashback" ? d.outcome.currency : null);
  const money = (n: number) => formatMaybeMoney(n, currency);
  const { unit, as } = unitPhrase(d.outcome, d, labels);
  const r = d.rule;
  const sentences: string[] = [];
  const target = d.target;
  const what = target.kind === "milestone" ? `the ${metricWords(target.tracker.metric)}` : "the amount";
  // What the rule reads: money, or a count for count metrics (visits, line items).
  const ruleAmount = target.kind === "milestone" && !isMoneyMetric(target.tracker.metric) ? formatCount : money;

  let earn: string;
  if (r.kind === "flat") {
    const o = d.outcome;
    earn = o.type === "cashback" ? `Earns ${formatMoney(r.value, o.currency)} cashback`
      : o.type === "voucher" ? `Earns ${r.value === 1 ? "a voucher" : `${formatCount(r.value)} vouchers`} from ${name(labels.pools, o.poolId)}`
        : `Earns ${formatCount(r.value)} ${unit}`;
  } else if (r.kind === "percentage") {
    earn = `Earns ${r.rate} % of ${what} as ${as}`;
    if (r.capPerTransaction !== undefined) {
      const cap = d.outcome.type === "cashback" ? formatMoney(r.capPerTransaction, d.outcome.currency) : formatCount(r.capPerTransaction);
      earn += `, up to ${cap} per transaction`;
    }
  } else {
    earn = `Earns ${as} by slab on ${what}`;
  }
  let when: string;
  if (target.kind === "milestone") {
    const w = target.tracker.window;
    const [once, period] = w.kind === "rolling_days" ? ["once", `over a rolling ${formatCount(w.days)} days`]
      : w.kind === "calendar_month" ? ["once a month", "in the calendar month"]
        : w.kind === "calendar_quarter" ? ["once a quarter", "in the calendar quarter"] : ["once a year", "in the calendar year"];
    when = `${once}, when the member's ${metricWords(target.tracker.metric)} ${period} reaches ${ruleAmount(target.threshold)},`;
  } else {
    when = scopePhrase(d);
  }
  const validity = `from ${formatIsoDay(d.validFrom)}${d.validUntil ? `, ending before ${formatIsoDay(d.validUntil)}` : ""}`;
  sentences.push(`${earn}, ${when} ${validity}.`);

  if (r.kind === "slab") {
    const outcome = d.outcome;
    const flat = (n: number) => (outcome.type === "cashback" ? formatMoney(n, outcome.currency) : `${formatCount(n)} ${unit}`);
    const value = target.kind === "milestone" ? "value" : "amount";
    const how = r.mode === "whole" ? `The band the ${value} falls in applies to the whole ${value}` : `Each band earns on the part of the ${value} inside it`;
    sentences.push(`${how}: ${r.bands.map((b) => bandPhrase(b, ruleAmount, flat)).join("; ")}.`);
  }
  if (r.kind !== "flat") sentences.push(`Results are ${roundingWords(effectiveRounding(d))}.`);
  if (d.outcome.type === "partner_points") sentences.push("Partner points are the base value times the partner's conversion rate.");

  const filters = filterSentence(d.filters, money);
  if (filters) sentences.push(filters);
  const li = d.filters?.lineItems;
  if (li) {
    const which = [nonEmpty(li.skus) ? `SKUs ${list(li.skus)}` : "", nonEmpty(li.categories) ? `categories ${list(li.categories)}` : ""]
      .filter(Boolean).join(" or ");
    sentences.push(
      target.kind === "each"
        ? `Earns on each matching line item separately${which ? ` (${which})` : ""}, not on the whole bill.`
        : `Needs a matching line item${which ? ` (${which})` : ""}.`,
    );
  }
  const mf = d.memberFilters;
  if (mf) {
    if (nonEmpty(mf.tierIds)) sentences.push(`Only for members in the ${list(mf.tierIds.map((t) => name(labels.tiers, t)))} tier${mf.tierIds.length > 1 ? "s" : ""}.`);
    if (nonEmpty(mf.enrolledProgramIds)) sentences.push(`Only for members enrolled in ${list(mf.enrolledProgramIds.map((p) => name(labels.programs, p)))}.`);
    for (const a of mf.attributes ?? []) {
      const op = a.op === "eq" ? "is" : a.op === "neq" ? "is not" : "is one of";
      sentences.push(`Only for members whose ${a.key} ${op} ${list(a.values)}.`);
    }
    if (nonEmpty(mf.segmentIds)) {
      const names = mf.segmentIds.map((s) => name(labels.segments, s));
      sentences.push(names.length === 1 ? `Only for members in the segment ${names[0]}.` : `Only for members in one of the segments ${list(names)}.`);
    }
  }
  const caps = d.caps;
  const outcome = d.outcome;
  const capUnit = (n: number) => (outcome.type === "cashback" ? formatMoney(n, outcome.currency) : `${formatCount(n)} ${unit}`);
  if (caps?.perMember) {
    const p = caps.perMember.period;
    const per = p === "transaction" ? "per transaction" : p === "offer_lifetime" ? "over the offer's life" : `per ${p}`;
    sentences.push(`At most ${capUnit(caps.perMember.limit)} per member ${per}.`);
  }
  if (caps?.budget) sentences.push(`Budget: ${capUnit(caps.budget)} in total, then the offer stops earning.`);
  sentences.push(d.posting.method === "automatic" ? "Posted automatically." : `The member claims it within ${d.posting.claimWindowDays} days.`);
  sentences.push(d.funding.kind === "bank" ? "Funded by the bank." : `Funded by ${name(labels.partners, d.funding.partnerId)}.`);
  sentences.push(`Statement narration: "${d.narration}".`);
  return sentences;
}

/** A tracker in words, for the trackers page: what it adds up, over which window, and its filters. */
export function describeTracker(t: TrackerDefinition, currency: string | null): { metric: string; window: string; filters: string[] } {
  const money = (n: number) => formatMaybeMoney(n, t.filters?.currency ?? currency);
  const w = t.window;
  const window =
    w.kind === "rolling_days" ? `The last ${formatCount(w.days)} ${w.days === 1 ? "day" : "days"} (rolling)`
      : w.kind === "calendar_month" ? "Each calendar month"
        : w.kind === "calendar_quarter" ? "Each calendar quarter" : "Each calendar year";
  const filters: string[] = [];
  const sentence = filterSentence(t.filters, money);
  if (sentence) filters.push(sentence);
  if (t.filters?.international !== undefined) filters.push(t.filters.international ? "Only purchases abroad." : "Only domestic purchases.");
  const li = t.filters?.lineItems;
  if (li) {
    const which = [nonEmpty(li.skus) ? `SKUs ${list(li.skus)}` : "", nonEmpty(li.categories) ? `categories ${list(li.categories)}` : ""].filter(Boolean).join(" or ");
    filters.push(which ? `Only line items of ${which}.` : "Only purchases with line items.");
  }
  const metric = metricWords(t.metric);
  return { metric: metric.charAt(0).toUpperCase() + metric.slice(1), window, filters };
}
