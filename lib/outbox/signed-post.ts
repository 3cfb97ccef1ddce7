import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";

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
    const res = await post(target.url, headers, body, target.timeoutMs);
    let answer: { reference?: string; error?: string } = {};
    try {
      answer = JSON.parse(res.text) as typeof answer;
    } catch {
      /* not JSON: the status says enough */
    }
    if (res.status >= 200 && res.status < 300) return { kind: "ok", reference: String(answer.reference ?? "") };
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: "rejected", reason: `${target.who} refused it (${res.status}): ${answer.error ?? res.statusText}` };
    return { kind: "retry", reason: `${target.who} answered ${res.status}` };
  } catch (error) {
    const timedOut = error instanceof TimeoutError;
    return { kind: "retry", reason: timedOut ? `No answer within ${target.timeoutMs} ms` : `Could not reach ${target.who.replace(/^The /, "the ")}: ${(error as Error).message}` };
  }
}

class TimeoutError extends Error {}

// Kept-alive connections, reused across calls: a worker makes hundreds of calls a second to the same hosts.
const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 128 }), "https:": new https.Agent({ keepAlive: true, maxSockets: 128 }) };

/** One POST with node:http (much cheaper per call than fetch), failing with TimeoutError when the whole exchange takes longer than `timeoutMs`. */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; statusText: string; text: string }> {
  const request = url.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, agent: agents[url.protocol as "http:" | "https:"] }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (e) => (clearTimeout(timer), reject(e)));
    });
    const timer = setTimeout(() => req.destroy(new TimeoutError(`No answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (e) => (clearTimeout(timer), reject(e)));
    req.end(body);
  });
}

/** `path` under `base`, whether or not the base ends with a slash. */
export const under = (base: string, path: string) => new URL(path, base.endsWith("/") ? base : `${base}/`);
