/**
 * The offer calculation engine: definitions (zod), compilation, evaluation of transactions and events,
 * narration, reversal arithmetic, the wizard's preview and summary. Pure: no I/O, no clock.
 *
 * Decisions a caller relies on:
 * - Amounts (filters, bands, tracker values of money metrics) are minor units of the transaction's
 *   currency. A rule computes a base value: points (reward and partner, before conversion), minor units
 *   of the cashback currency, or a voucher count. Percentages are of the amount in minor units:
 *   1 % of 250,000 paise = 2,500 points. All math is integer (rates are exact fractions over 10^8).
 * - Rounding happens once per rule (banded slabs and line items are summed exactly first), then again
 *   for a partner conversion: value = round(baseValue × conversion). Defaults: floor for points and
 *   vouchers, half-even for cashback.
 * - Order: rule → rule's capPerTransaction (base units) → partner conversion → at most 10 vouchers →
 *   per-member cap → budget (both in outcome units). A cap that leaves 0 skips the offer.
 * - Line items: with a line-item filter, the rule applies to each matching line on its own (a slab picks a
 *   band per line, a flat value is earned once per line) and the results are summed.
 * - Milestones award once per member per tracker period, when before < threshold ≤ after; a percentage
 *   or slab rule reads the tracker value after the transaction. Rolling windows have the single period
 *   "rolling", so their milestone awards at most once per offer. Trackers advance on every qualifying
 *   purchase, whether or not an offer earns.
 * - Periods (tracker windows, per-member caps, narration dates) are local to the programme's time zone.
 * - Validity is [validFrom, validUntil) at the transaction time. Refunds earn nothing: see reversal.ts.
 * - Skip entries of offers are shared between evaluations (frozen).
 */
export * from "./caps";
export * from "./compile";
export * from "./definition";
export * from "./describe";
export * from "./evaluate";
export * from "./events";
export { explainOutcome, valueUnits } from "./explain";
export { formatMoney } from "./format";
export {
  type CompiledFilters, type CompiledMemberFilters, compileFilters, compileMemberFilters, matchMember, matchTransaction, normalizeTransaction,
} from "./filters";
export { type Factor, multiplyFactor, parseFactor, percentToMicro, RULE_DEN } from "./math";
export * from "./narration";
export * from "./preview";
export * from "./reversal";
export { type CompiledRule, compileRule } from "./rules";
export { SKIP_MESSAGES } from "./skips";
export * from "./trackers";
export * from "./types";
