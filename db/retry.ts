/**
 * Retries a whole transaction when PostgreSQL aborts it for a serialization failure (40001) or a
 * deadlock (40P01). Either means "nothing was written, try again"; the work must be re-runnable,
 * which every use case is: it touches only the database, and outside calls go through the outbox.
 */
const RETRYABLE = new Set(["40001", "40P01"]);

/** The SQLSTATE of a postgres.js error, also when Drizzle wraps it (DrizzleQueryError.cause). */
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE.has(state);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withTransactionRetry<T>(
  run: () => Promise<T>,
  options: { attempts?: number; baseDelayMs?: number; onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 15;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      options.onRetry?.(error, attempt);
      // Exponential backoff with full jitter, so the transactions that collided do not collide again.
      await sleep(Math.random() * base * 2 ** attempt);
    }
  }
}
