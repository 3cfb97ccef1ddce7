/** Why an offer did not earn: a snake_case code and a sentence member care can read out. */
import type { SkipReason, Skipped } from "./types";

export const SKIP_MESSAGES: Readonly<Record<SkipReason, string>> = {
  trigger_mismatch: "The offer is triggered by a different kind of activity.",
  not_yet_valid: "The activity happened before the offer started.",
  expired: "The activity happened after the offer ended.",
  refund_no_earn: "A refund earns nothing; what the purchase earned is reversed separately.",
  not_enrolled: "The member is not enrolled in the offer's programme.",
  filter_type: "The offer only rewards purchases.",
  filter_channel: "The transaction's channel is not one the offer rewards.",
  filter_merchant: "The merchant is not one the offer rewards.",
  filter_mcc: "The merchant category code (MCC) is not one the offer rewards.",
  filter_category: "The spend category is not one the offer rewards.",
  filter_country: "The transaction's country is not one the offer rewards.",
  filter_international: "The offer rewards only international (or only domestic) transactions, or the country is unknown.",
  filter_min_amount: "The amount is below the offer's minimum.",
  filter_currency: "The transaction's currency is not the one the offer rewards.",
  no_matching_line_items: "No line item matches the offer's SKUs or categories.",
  member_tier: "The member's tier is not one the offer is for.",
  member_programs: "The member is not enrolled in every programme the offer requires.",
  member_attribute: "The member's profile does not meet the offer's conditions.",
  member_segment: "The member is not in any of the segments the offer is for.",
  milestone_not_reached: "The milestone has not been reached yet.",
  milestone_already_passed: "The milestone was already passed before this activity in this period.",
  milestone_already_awarded: "The milestone was already awarded for this period.",
  missing_amount: "The event carries no amount for a percentage or slab rule.",
  currency_mismatch: "The amount is not in the cashback currency.",
  zero_value: "The calculation gives nothing for this amount.",
  member_cap_reached: "The member has reached the offer's cap for this period.",
  budget_exhausted: "The offer's budget is used up.",
};

/** A skip entry of a base rule (no offer id) or of an offer. */
export function skip(offerId: string | null, reason: SkipReason, programId?: string): Skipped {
  return programId === undefined
    ? { offerId, reason, message: SKIP_MESSAGES[reason] }
    : { offerId, programId, reason, message: SKIP_MESSAGES[reason] };
}

/**
 * An offer's skip entry, memoised on the compiled offer: it depends only on the offer and the reason, so
 * evaluations share it (frozen).
 */
export function skipOffer(o: { offerId: string; skips: Partial<Record<SkipReason, Skipped>> }, reason: SkipReason): Skipped {
  return (o.skips[reason] ??= Object.freeze({ offerId: o.offerId, reason, message: SKIP_MESSAGES[reason] }));
}
