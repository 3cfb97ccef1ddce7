import "server-only";
import { createHmac } from "node:crypto";
import type { DbOrTx } from "@/db";
import { getSetting } from "@/lib/settings";

export type Delivery = { kind: "ok"; reference: string } | { kind: "rejected"; reason: string } | { kind: "retry"; reason: string };

/**
 * Calls the core-banking credit hook: a signed JSON POST (HMAC-SHA256 of the body with
 * COALITION_CORE_BANKING_SECRET, when set) with an idempotency key, so a retried call credits once.
 * 2xx → ok with the bank's reference; 4xx → rejected (final); 5xx, timeout or no answer → retry.
 */
export async function callCoreBanking(db: DbOrTx, path: string, idempotencyKey: string, payload: Record<string, unknown>): Promise<Delivery> {
  const base = await getSetting(db, "core_banking.url");
  if (!base) return { kind: "retry", reason: "No core-banking credit hook is configured (Settings, or COALITION_CORE_BANKING_URL)." };
  const timeout = Number((await getSetting(db, "core_banking.timeout_ms")) ?? 10_000);
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json", "idempotency-key": idempotencyKey };
  const secret = process.env.COALITION_CORE_BANKING_SECRET;
  if (secret) headers["x-coalition-signature"] = createHmac("sha256", secret).update(body).digest("hex");
  try {
    const res = await fetch(new URL(path, base.endsWith("/") ? base : `${base}/`), { method: "POST", headers, body, signal: AbortSignal.timeout(timeout) });
    const answer = (await res.json().catch(() => ({}))) as { reference?: string; error?: string };
    if (res.ok) return { kind: "ok", reference: String(answer.reference ?? "") };
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: "rejected", reason: `The bank refused it (${res.status}): ${answer.error ?? res.statusText}` };
    return { kind: "retry", reason: `The bank answered ${res.status}` };
  } catch (error) {
    return { kind: "retry", reason: error instanceof Error && error.name === "TimeoutError" ? `No answer within ${timeout} ms` : `Could not reach the bank: ${(error as Error).message}` };
  }
}
