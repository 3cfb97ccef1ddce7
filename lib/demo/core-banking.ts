/**
 * A demo core-banking credit hook: a small HTTP server that behaves like a bank's API for crediting
 * cashback to a card account. It records credits by idempotency key (a repeat answers the first
 * answer), checks the HMAC signature when given a secret, and can be told to be slow, to fail a
 * share of calls with 503, or to refuse them with 422 — so retries and failures can be seen.
 * `npm start` runs it for the demo; tests start it on a free port.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type CoreBankingBehaviour = { failShare: number; rejectShare: number; delayMs: number };
export type DemoCredit = { reference: string; idempotencyKey: string; account: string; amount: number; currency: string; narration: string; reversed: number; at: string };

export type DemoCoreBanking = {
  url: string;
  credits: Map<string, DemoCredit>;
  /** Every request received (also the repeats and the ones answered with an error). */
  calls: { path: string; idempotencyKey: string | null; status: number }[];
  behaviour: CoreBankingBehaviour;
  close(): Promise<void>;
};

export async function startDemoCoreBanking(options: { port?: number; host?: string; secret?: string; random?: () => number } = {}): Promise<DemoCoreBanking> {
  const credits = new Map<string, DemoCredit>();
  const byKey = new Map<string, { status: number; body: unknown }>();
  const calls: DemoCoreBanking["calls"] = [];
  const behaviour: CoreBankingBehaviour = { failShare: 0, rejectShare: 0, delayMs: 0 };
  const random = options.random ?? Math.random;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const key = header(req, "idempotency-key");
    const path = new URL(req.url ?? "/", "http://demo").pathname;
    const answer = (status: number, body: unknown) => {
      calls.push({ path, idempotencyKey: key, status });
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (req.method === "POST" && path === "/_behaviour") {
      Object.assign(behaviour, JSON.parse(raw || "{}"));
      return answer(200, behaviour);
    }
    if (req.method === "GET" && path === "/health") return answer(200, { ok: true });
    if (options.secret && !validSignature(options.secret, raw, header(req, "x-coalition-signature"))) return answer(401, { error: "bad signature" });
    if (behaviour.delayMs > 0) await new Promise((r) => setTimeout(r, behaviour.delayMs));
    if (!key) return answer(400, { error: "Idempotency-Key is required" });
    const first = byKey.get(key);
    if (first) return answer(first.status, first.body);
    if (random() < behaviour.failShare) return answer(503, { error: "temporarily unavailable" });
    if (random() < behaviour.rejectShare) return remember(key, 422, { error: "account closed" }, answer);
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    if (req.method === "POST" && path === "/credits") {
      if (!Number.isSafeInteger(body.amount) || (body.amount as number) <= 0) return remember(key, 422, { error: "amount must be a positive integer" }, answer);
      const credit: DemoCredit = { reference: `CB-${randomUUID().slice(0, 8).toUpperCase()}`, idempotencyKey: key, account: String(body.account), amount: body.amount as number, currency: String(body.currency), narration: String(body.narration ?? ""), reversed: 0, at: new Date().toISOString() };
      credits.set(credit.reference, credit);
      return remember(key, 201, { reference: credit.reference }, answer);
    }
    const reverse = /^\/credits\/([^/]+)\/reverse$/.exec(path);
    if (req.method === "POST" && reverse) {
      const credit = credits.get(reverse[1]!);
      const amount = body.amount as number;
      if (!credit) return remember(key, 404, { error: "no such credit" }, answer);
      if (!Number.isSafeInteger(amount) || amount <= 0 || credit.reversed + amount > credit.amount) return remember(key, 422, { error: "cannot reverse more than was credited" }, answer);
      credit.reversed += amount;
      return remember(key, 200, { reference: credit.reference, reversed: credit.reversed }, answer);
    }
    return answer(404, { error: "not found" });
  };
  const remember = (key: string, status: number, body: unknown, answer: (s: number, b: unknown) => void) => {
    byKey.set(key, { status, body });
    answer(status, body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    credits,
    calls,
    behaviour,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function signBody(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

function validSignature(secret: string, body: string, signature: string | null): boolean {
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
