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
  | "email_taken"
  | "cannot_deactivate_self"
  | "cannot_remove_own_admin"
  | "already_revoked"
  | "insufficient_scope"
  | "payload_too_large";

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  invalid_json: 400,
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
