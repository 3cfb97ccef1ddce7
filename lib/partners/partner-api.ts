import "server-only";
import type { DbOrTx } from "@/db";
import { isDomainError } from "@/lib/errors";
import { postSigned, under, type Delivery } from "@/lib/outbox/signed-post";
import { partnerEndpoint, type PartnerEndpoint } from "./index";

/**
 * The partner ledger API the worker calls (lib/demo/partner-ledger.ts is a demo of it):
 *   POST {base}/credits               {account, points, fulfilment_id, narration} → {reference}
 *   POST {base}/credits/{ref}/reverse {points, fulfilment_id}                     → {reference}
 *   GET  {base}/health
 * Every POST is signed (HMAC-SHA256 of the body with the partner's secret, X-Coalition-Signature) and
 * carries an Idempotency-Key, so a repeat credits once; each call gives up after the partner's timeout.
 */
export type PartnerCredit = { account: string; points: number; fulfilmentId: string; narration: string };

const target = (p: PartnerEndpoint, path: string) => ({ url: under(p.baseUrl!, path), secret: p.secret, timeoutMs: p.timeoutMs, who: `The partner ${p.name}` });
const noUrl: Delivery = { kind: "retry", reason: "The partner has no API base URL set (Partners → Crediting API)." };

export async function creditPartnerPoints(p: PartnerEndpoint, idempotencyKey: string, c: PartnerCredit): Promise<Delivery> {
  if (!p.baseUrl) return noUrl;
  return postSigned(target(p, "credits"), idempotencyKey, { account: c.account, points: c.points, fulfilment_id: c.fulfilmentId, narration: c.narration });
}

export async function reversePartnerCredit(p: PartnerEndpoint, reference: string, idempotencyKey: string, r: { points: number; fulfilmentId: string }): Promise<Delivery> {
  if (!p.baseUrl) return noUrl;
  if (!reference) return { kind: "rejected", reason: "The credit has no partner reference to reverse." };
  return postSigned(target(p, `credits/${encodeURIComponent(reference)}/reverse`), idempotencyKey, { points: r.points, fulfilment_id: r.fulfilmentId });
}

/** The console's "Test connection": GET {base}/health within the partner's timeout. */
export async function testPartnerConnection(db: DbOrTx, partnerId: string): Promise<{ ok: true; latencyMs: number; detail: string } | { ok: false; reason: string }> {
  let p: PartnerEndpoint;
  try {
    p = await partnerEndpoint(db, partnerId);
  } catch (error) {
    if (isDomainError(error)) return { ok: false, reason: error.message };
    return { ok: false, reason: "The partner's API secret could not be read; save it again." };
  }
  if (!p.baseUrl) return { ok: false, reason: "Set the partner's API base URL first." };
  const started = performance.now();
  try {
    const res = await fetch(under(p.baseUrl, "health"), { signal: AbortSignal.timeout(p.timeoutMs) });
    const latencyMs = Math.round(performance.now() - started);
    if (!res.ok) return { ok: false, reason: `The partner answered ${res.status} ${res.statusText} after ${latencyMs} ms.` };
    return { ok: true, latencyMs, detail: `${p.name} answered ${res.status} in ${latencyMs} ms${p.secret ? "" : " (no API secret is stored: calls will be unsigned)"}.` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, reason: timedOut ? `No answer within the partner's timeout of ${p.timeoutMs} ms.` : `Could not reach ${p.baseUrl}: ${(error as Error).message}` };
  }
}
