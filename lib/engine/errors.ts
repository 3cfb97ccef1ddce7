/**
 * The one error type of the calculation engine. `code` names the problem (e.g. "invalid_points",
 * "invalid_decimal"); callers map it to their own domain errors.
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "EngineError";
  }
}
