/**
 * The plumbing the demo servers (core-banking hook, partner ledger) share: a JSON HTTP server that
 * answers GET /health and POST /_behaviour (to change how it behaves at run time), checks the HMAC
 * signature of POST bodies when given a secret, and makes every POST idempotent by its
 * Idempotency-Key: a repeat answers the first answer and does nothing more. It can be told to be
 * slow, to fail a share of POSTs with 503, to let a share hang past the caller's timeout (the call is
 * then dropped unprocessed), or to refuse a share with 422. Answers are remembered by key — refusals
 * too, as a real API would — except 503s and hangs, which a retry may get past.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export type DemoBehaviour = {
  /** Share of POSTs answered 503 (not remembered). */
  failShare: number;
  /** Share of POSTs refused with 422 (remembered by key). */
  rejectShare: number;
  /** Share of POSTs held for `hangMs` and then dropped without an answer or any effect. */
  timeoutShare: number;
  /** Every call waits this long first. */
  delayMs: number;
  hangMs: number;
};

export type DemoRequest = { method: string; path: string; body: Record<string, unknown>; idempotencyKey: string | null };
export type DemoAnswer = { status: number; body: unknown };
export type DemoCall = { path: string; idempotencyKey: string | null; status: number };

export type DemoServer = {
  url: string;
  behaviour: DemoBehaviour;
  /** Every request received (also the repeats and the ones answered with an error; a dropped call has status 0). */
  calls: DemoCall[];
  close(): Promise<void>;
};

const DEFAULT_BEHAVIOUR: DemoBehaviour = { failShare: 0, rejectShare: 0, timeoutShare: 0, delayMs: 0, hangMs: 65_000 };

export async function startDemoServer(
  route: (req: DemoRequest) => DemoAnswer,
  options: { port?: number; host?: string; secret?: string; random?: () => number; refusal?: string } = {},
): Promise<DemoServer> {
  const byKey = new Map<string, DemoAnswer>();
  const calls: DemoCall[] = [];
  const behaviour: DemoBehaviour = { ...DEFAULT_BEHAVIOUR };
  const random = options.random ?? Math.random;
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => (timers.delete(t), resolve()), ms);
      timers.add(t);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const key = header(req, "idempotency-key");
    const path = new URL(req.url ?? "/", "http://demo").pathname;
    const answer = ({ status, body }: DemoAnswer) => {
      calls.push({ path, idempotencyKey: key, status });
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return answer({ status: 400, body: { error: "the body is not JSON" } });
    }
    if (req.method === "POST" && path === "/_behaviour") {
      Object.assign(behaviour, body);
      return answer({ status: 200, body: behaviour });
    }
    if (req.method === "GET" && path.endsWith("/health")) return answer({ status: 200, body: { ok: true } });
    if (behaviour.delayMs > 0) await wait(behaviour.delayMs);
    if (req.method !== "POST") return answer(route({ method: req.method ?? "GET", path, body, idempotencyKey: key }));
    if (options.secret && !validSignature(options.secret, raw, header(req, "x-coalition-signature"))) return answer({ status: 401, body: { error: "bad signature" } });
    if (!key) return answer({ status: 400, body: { error: "Idempotency-Key is required" } });
    const first = byKey.get(key);
    if (first) return answer(first);
    if (random() < behaviour.failShare) return answer({ status: 503, body: { error: "temporarily unavailable" } });
    if (random() < behaviour.timeoutShare) {
      await wait(behaviour.hangMs);
      calls.push({ path, idempotencyKey: key, status: 0 });
      return void res.destroy();
    }
    const result = random() < behaviour.rejectShare ? { status: 422, body: { error: options.refusal ?? "refused" } } : route({ method: "POST", path, body, idempotencyKey: key });
    byKey.set(key, result);
    answer(result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    behaviour,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function signBody(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export function validSignature(secret: string, body: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" ? v : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
