import { createHmac } from "node:crypto";

/** What a call to the outside world came to: ok (with the other side's reference), refused (final), or worth retrying. */
export type Delivery = { kind: "ok"; reference: string } | { kind: "rejected"; reason: string } | { kind: "retry"; reason: string };

/**
 * A signed JSON POST with an idempotency key, as both the core-banking hook and partner ledgers take
 * it: `X-Coalition-Signature` is the HMAC-SHA256 (hex) of the body with the shared secret, when there
 * is one. 2xx → ok with the answer's `reference`; 4xx (but 408 and 429) → rejected; 5xx, 408, 429,
 * a timeout or no answer → retry. `who` names the other side in the reasons ("The bank").
 */
export async function postSigned(
  target: { url: URL; secret: string | null | undefined; timeoutMs: number; who: string },
  idempotencyKey: string,
  payload: Record<string, unknown>,
): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json", "idempotency-key": idempotencyKey };
  if (target.secret) headers["x-coalition-signature"] = createHmac("sha256", target.secret).update(body).digest("hex");
  try {
    const res = await fetch(target.url, { method: "POST", headers, body, signal: AbortSignal.timeout(target.timeoutMs) });
    const answer = (await res.json().catch(() => ({}))) as { reference?: string; error?: string };
    if (res.ok) return { kind: "ok", reference: String(answer.reference ?? "") };
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: "rejected", reason: `${target.who} refused it (${res.status}): ${answer.error ?? res.statusText}` };
    return { kind: "retry", reason: `${target.who} answered ${res.status}` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { kind: "retry", reason: timedOut ? `No answer within ${target.timeoutMs} ms` : `Could not reach ${target.who.replace(/^The /, "the ")}: ${(error as Error).message}` };
  }
}

/** `path` under `base`, whether or not the base ends with a slash. */
export const under = (base: string, path: string) => new URL(path, base.endsWith("/") ? base : `${base}/`);
