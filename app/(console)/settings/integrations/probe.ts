import "server-only";

export type ProbeResult = { ok: boolean; target: string; status: number | null; ms: number; message: string };

const n = (value: number) => value.toLocaleString("en-GB");

/** The error under a failed fetch: undici says "fetch failed" and puts the socket's error in `cause`. */
function causeOf(error: unknown): { code?: string; message?: string } {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  return { code: typeof cause?.code === "string" ? cause.code : undefined, message: typeof cause?.message === "string" ? cause.message : undefined };
}

/**
 * Asks the core-banking hook whether it is up: GET <url>/health with the timeout, from the server
 * (where the worker calls it from). Only the status is kept, never the body: an admin can point this
 * at any address, so it must not become a way to read internal pages.
 */
export async function probeCoreBanking(url: string, timeoutMs: number): Promise<ProbeResult> {
  const target = new URL("health", url.endsWith("/") ? url : `${url}/`);
  const where = target.toString();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(target, { method: "GET", redirect: "manual", cache: "no-store", headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => {});
    const ms = elapsed();
    const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
    if (res.ok) return { ok: true, target: where, status: res.status, ms, message: `The hook answered ${status} in ${n(ms)} ms.` };
    return { ok: false, target: where, status: res.status, ms, message: `The hook answered ${status} instead of 200 OK. Check the URL: the hook must answer GET /health.` };
  } catch (error) {
    const ms = elapsed();
    const name = (error as Error | null)?.name;
    const fail = (message: string): ProbeResult => ({ ok: false, target: where, status: null, ms, message });
    if (name === "TimeoutError" || name === "AbortError") return fail(`No answer within ${n(timeoutMs)} ms. The hook is down or slow, or a firewall drops the connection.`);
    const cause = causeOf(error);
    switch (cause.code) {
      case "ECONNREFUSED":
        return fail(`Connection refused: nothing is listening at ${target.host}.`);
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return fail(`The host name ${target.hostname} could not be found.`);
      case "ECONNRESET":
      case "UND_ERR_SOCKET":
        return fail(`The connection to ${target.host} was closed before it answered.`);
      case "EHOSTUNREACH":
      case "ENETUNREACH":
        return fail(`${target.host} cannot be reached from this server (no route to the host).`);
      default: {
        const code = cause.code;
        if (code?.includes("CERT") || code?.startsWith("ERR_TLS") || code?.includes("SSL")) return fail(`The hook’s TLS certificate was not accepted (${code}).`);
        // The fetch standard blocks some ports (e.g. 9, 25, 6000) for every web request.
        if (cause.message === "bad port") return fail(`Port ${target.port} is one that web requests may not use. Give the hook another port.`);
        const detail = cause.message ?? (error as Error).message;
        return fail(`Could not reach the hook${code ? ` (${code})` : ""}: ${detail.replace(/\.$/, "")}.`);
      }
    }
  }
}
