/** Inputs and results of offer evaluation. Amounts are integer minor units; values are integers. */
import type { ActivityEventType, OfferOutcome } from "./definition-parts";

export type LineItemInput = { sku: string; category?: string; quantity: number; unitPrice: number; amount: number };

export type TransactionInput = {
  externalId: string;
  type: "purchase" | "refund";
  /** Minor units of `currency`, ≥ 0. */
  amount: number;
  /** The bill before discounts, for the gross_bill_amount tracker; defaults to `amount`. */
  grossAmount?: number;
  currency: string;
  occurredAt: Date;
  channel?: string;
  merchantId?: string;
  merchantName?: string;
  mcc?: string;
  category?: string;
  /** ISO alpha-2; a transaction without one meets neither international: true nor international: false. */
  country?: string;
  lineItems?: LineItemInput[];
};

export type ActivityEventInput = {
  type: ActivityEventType;
  customType?: string;
  occurredAt: Date;
  /** `amount` (minor units, a whole number or digit string) feeds percentage and slab rules; `currency` names it. */
  attributes: Record<string, string | number | boolean>;
};

export type MemberContext = {
  programIds: readonly string[];
  tierIdByProgram: Readonly<Record<string, string>>;
  attributes: Readonly<Record<string, string>>;
  /**
   * The saved segments the member is in (segment_members), loaded only when a live offer targets a
   * segment; absent means "in none".
   */
  segmentIds?: readonly string[];
};

/** Tracker values before this transaction, by trackerKey. A stale periodKey counts as 0 (a new period). */
export type TrackerState = Readonly<Record<string, { periodKey: string; value: number }>>;

export type OfferUsage = {
  /** Outcome units already given to this member, by cap period key ("2026-11", "2026-11-23", "all"...). */
  memberUsedInPeriod: Readonly<Record<string, number>>;
  /** Outcome units the offer has given out in total (all members). */
  budgetUsed: number;
  /** Tracker period keys ("2026", "2026-Q4", "rolling") in which this member already got the milestone. */
  milestonePeriodsAwarded: readonly string[];
};
export type UsageState = Readonly<Record<string, OfferUsage>>;

export type SkipReason =
  | "trigger_mismatch"
  | "not_yet_valid"
  | "expired"
  | "refund_no_earn"
  | "not_enrolled"
  | "filter_type"
  | "filter_channel"
  | "filter_merchant"
  | "filter_mcc"
  | "filter_category"
  | "filter_country"
  | "filter_international"
  | "filter_min_amount"
  | "filter_currency"
  | "no_matching_line_items"
  | "member_tier"
  | "member_programs"
  | "member_attribute"
  | "member_segment"
  | "milestone_not_reached"
  | "milestone_already_passed"
  | "milestone_already_awarded"
  | "missing_amount"
  | "currency_mismatch"
  | "zero_value"
  | "member_cap_reached"
  | "budget_exhausted";

/** Why an offer did not earn. Entries of offers are shared between evaluations and frozen: do not mutate them. */
export type Skipped = { readonly offerId: string | null; readonly programId?: string; readonly reason: SkipReason; readonly message: string };

export type OutcomePosting = { method: "automatic" } | { method: "claim"; claimWindowDays: number; claimExpiresAt: Date };

export type Outcome = {
  /** null for a programme's base earn rule. */
  offerId: string | null;
  offerVersion: number | null;
  outcomeType: OfferOutcome["type"];
  programId?: string;
  partnerId?: string;
  currency?: string;
  poolId?: string;
  /** What to credit: points, minor units of `currency`, partner points or a voucher count. */
  value: number;
  /** The rule's result before the partner conversion (equal to `value` for other outcomes), after the rule's own cap. */
  baseValue: number;
  posting: OutcomePosting;
  narration: string;
  explanation: string[];
  /** What the caller records: add `value` to memberUsedInPeriod[capPeriodKey] and budgetUsed; note milestonePeriodKey. */
  usage: { capPeriodKey: string | null; milestonePeriodKey: string | null };
};

export type TrackerUpdate = { trackerKey: string; periodKey: string; delta: number; before: number; after: number };

export type EvaluationResult = { outcomes: Outcome[]; trackerUpdates: TrackerUpdate[]; skipped: Skipped[] };
export type EventEvaluationResult = { outcomes: Outcome[]; skipped: Skipped[] };
