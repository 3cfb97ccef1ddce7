/**
 * Typed domain errors with a literal code. Mapped once to HTTP for the API (lib/api) and to form
 * messages for server actions (lib/auth/action.ts). Anything else is a bug: logged, never shown.
 */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "idempotency_key_reused"
  | "idempotency_key_invalid"
  | "invalid_json"
  | "invalid_cursor"
  | "email_taken"
  | "cannot_deactivate_self"
  | "cannot_remove_own_admin"
  | "already_revoked"
  | "insufficient_scope"
  | "payload_too_large"
  | "member_not_found"
  | "program_not_found"
  | "redemption_not_found"
  | "expiry_strategy_not_found"
  | "member_not_enrolled"
  | "member_exists"
  | "program_code_taken"
  | "insufficient_points"
  | "invalid_points"
  | "below_minimum_points"
  | "above_maximum_points"
  | "not_a_multiple"
  | "group_requires_default_program"
  | "transfer_to_self"
  | "already_reversed"
  | "awarded_at_in_future"
  | "default_program_required"
  | "offer_not_found"
  | "offer_ended"
  | "offer_awaiting_approval"
  | "offer_not_live"
  | "nothing_to_submit"
  | "nothing_to_approve"
  | "program_mismatch"
  | "maker_checker"
  | "invalid_offer_transition"
  | "invalid_offer"
  | "offer_not_evaluable"
  | "transaction_not_found"
  | "fulfilment_not_found"
  | "currency_mismatch"
  | "invalid_transaction"
  | "not_claimable"
  | "claim_window_closed"
  | "refund_exceeds_amount"
  | "partner_not_found"
  | "partner_code_taken"
  | "partner_suspended"
  | "partner_key_mismatch"
  | "insufficient_partner_points"
  | "point_block_not_found"
  | "point_block_not_pending"
  | "not_postpaid"
  | "nothing_to_bill"
  | "statement_not_found"
  | "not_retryable"
  | "not_reversible"
  | "adjustment_not_found"
  | "adjustment_not_pending"
  | "job_not_found"
  | "job_already_running"
  | "job_already_queued"
  | "jobs_not_started"
  | "already_awarded"
  | "tier_not_found"
  | "default_tier_rules"
  | "invalid_tier_rule"
  | "segment_not_found"
  | "segment_name_taken"
  | "segment_changed"
  | "segment_in_use";

export const ERROR_STATUS: Record<ErrorCode, number> = {
  member_not_found: 404,
  program_not_found: 404,
  tier_not_found: 404,
  default_tier_rules: 422,
  invalid_tier_rule: 422,
  segment_not_found: 404,
  segment_name_taken: 409,
  segment_changed: 409,
  segment_in_use: 409,
  redemption_not_found: 404,
  expiry_strategy_not_found: 422,
  member_not_enrolled: 422,
  member_exists: 409,
  program_code_taken: 409,
  insufficient_points: 422,
  invalid_points: 422,
  below_minimum_points: 422,
  above_maximum_points: 422,
  not_a_multiple: 422,
  group_requires_default_program: 422,
  transfer_to_self: 422,
  already_reversed: 409,
  awarded_at_in_future: 422,
  default_program_required: 409,
  offer_not_found: 404,
  offer_ended: 409,
  offer_awaiting_approval: 409,
  offer_not_live: 409,
  nothing_to_submit: 409,
  nothing_to_approve: 409,
  program_mismatch: 422,
  maker_checker: 403,
  invalid_offer_transition: 409,
  invalid_offer: 422,
  offer_not_evaluable: 422,
  transaction_not_found: 404,
  fulfilment_not_found: 404,
  currency_mismatch: 422,
  invalid_transaction: 422,
  not_claimable: 409,
  claim_window_closed: 409,
  refund_exceeds_amount: 422,
  partner_not_found: 404,
  partner_code_taken: 409,
  partner_suspended: 409,
  partner_key_mismatch: 403,
  insufficient_partner_points: 422,
  point_block_not_found: 404,
  point_block_not_pending: 409,
  not_postpaid: 409,
  nothing_to_bill: 409,
  statement_not_found: 404,
  not_retryable: 409,
  not_reversible: 409,
  adjustment_not_found: 404,
  adjustment_not_pending: 409,
  job_not_found: 404,
  job_already_running: 409,
  job_already_queued: 409,
  jobs_not_started: 409,
  already_awarded: 409,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  email_taken: 409,
  cannot_deactivate_self: 409,
  cannot_remove_own_admin: 409,
  already_revoked: 409,
  insufficient_scope: 403,
  payload_too_large: 413,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
