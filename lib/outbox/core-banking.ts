import "server-only";
import type { DbOrTx } from "@/db";
import { getSetting } from "@/lib/settings";
import { postSigned, under, type Delivery } from "./signed-post";

export type { Delivery } from "./signed-post";

/** The core-banking hook's timeout (Settings), so the worker can lease a cashback row for longer than a call can take. */
export async function coreBankingTimeoutMs(db: DbOrTx): Promise<number> {
  return Number((await getSetting(db, "core_banking.timeout_ms")) ?? 10_000);
}

/**
 * Calls the core-banking credit hook: a signed JSON POST (HMAC-SHA256 of the body with
 * COALITION_CORE_BANKING_SECRET, when set) with an idempotency key, so a retried call credits once.
 * 2xx → ok with the bank's reference; 4xx → rejected (final); 5xx, timeout or no answer → retry.
 */
export async function callCoreBanking(db: DbOrTx, path: string, idempotencyKey: string, payload: Record<string, unknown>): Promise<Delivery> {
  const base = await getSetting(db, "core_banking.url");
  if (!base) return { kind: "retry", reason: "No core-banking credit hook is configured (Settings, or COALITION_CORE_BANKING_URL)." };
  const timeoutMs = await coreBankingTimeoutMs(db);
  return postSigned({ url: under(base, path), secret: process.env.COALITION_CORE_BANKING_SECRET, timeoutMs, who: "The bank" }, idempotencyKey, payload);
}
