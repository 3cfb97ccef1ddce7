/**
 * A demo partner ledger: a small HTTP server that behaves like an airline's or a hotel's loyalty API.
 *
 *   POST [/<programme>]/credits                 {account, points, fulfilment_id?, narration?} → 201 {reference, account, points, balance}
 *   POST [/<programme>]/credits/<ref>/reverse   {points} (all or part of what is left)        → 200 {reference, reversed}
 *   GET  [/<programme>]/accounts/<account>/balance                                           → 200 {account, balance}
 *   GET  [/<programme>]/health
 *
 * The optional first path segment names the programme (e.g. /SKYW), so one server can stand in for
 * several partners. Every POST needs an Idempotency-Key: a repeat answers the first answer and
 * credits nothing more. With a secret it refuses a POST whose X-Coalition-Signature is not the
 * HMAC-SHA256 of the body. It can be told to fail a share of calls (503), to hang a share past the
 * caller's timeout, to refuse (422) or to be slow — see lib/demo/http.ts. `npm start` runs one for
 * the demo partners; tests and the benchmark start it on a free port.
 */
import { randomUUID } from "node:crypto";
import { startDemoServer, type DemoAnswer, type DemoRequest, type DemoServer } from "./http";

export type PartnerLedgerCredit = {
  reference: string;
  idempotencyKey: string;
  programme: string;
  account: string;
  points: number;
  reversed: number;
  fulfilmentId: string | null;
  at: string;
};

export type DemoPartnerLedger = DemoServer & {
  /** Credits by idempotency key. */
  credits: Map<string, PartnerLedgerCredit>;
  balance(account: string, programme?: string): number;
};

const ROUTES = new Set(["credits", "accounts", "health"]);
const positive = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

export async function startDemoPartnerLedger(options: { port?: number; host?: string; secret?: string; random?: () => number } = {}): Promise<DemoPartnerLedger> {
  const credits = new Map<string, PartnerLedgerCredit>();
  const byReference = new Map<string, PartnerLedgerCredit>();
  const balances = new Map<string, number>();
  const accountKey = (programme: string, account: string) => `${programme}\u0000${account}`;
  const move = (c: PartnerLedgerCredit, points: number) => balances.set(accountKey(c.programme, c.account), (balances.get(accountKey(c.programme, c.account)) ?? 0) + points);

  const route = ({ method, path, body, idempotencyKey }: DemoRequest): DemoAnswer => {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const programme = parts[0] && !ROUTES.has(parts[0]) ? parts.shift()! : "";
    if (method === "POST" && parts.length === 1 && parts[0] === "credits") {
      if (typeof body.account !== "string" || body.account === "") return { status: 422, body: { error: "account is required" } };
      if (!positive(body.points)) return { status: 422, body: { error: "points must be a positive integer" } };
      const credit: PartnerLedgerCredit = {
        reference: `PL-${randomUUID().slice(0, 12).toUpperCase()}`,
        idempotencyKey: idempotencyKey!,
        programme,
        account: body.account,
        points: body.points,
        reversed: 0,
        fulfilmentId: typeof body.fulfilment_id === "string" ? body.fulfilment_id : null,
        at: new Date().toISOString(),
      };
      credits.set(credit.idempotencyKey, credit);
      byReference.set(credit.reference, credit);
      move(credit, credit.points);
      return { status: 201, body: { reference: credit.reference, account: credit.account, points: credit.points, balance: balances.get(accountKey(programme, credit.account)) } };
    }
    if (method === "POST" && parts.length === 3 && parts[0] === "credits" && parts[2] === "reverse") {
      const credit = byReference.get(parts[1]!);
      if (!credit || credit.programme !== programme) return { status: 404, body: { error: "no such credit" } };
      if (!positive(body.points) || credit.reversed + body.points > credit.points) return { status: 422, body: { error: "cannot reverse more than was credited" } };
      credit.reversed += body.points;
      move(credit, -body.points);
      return { status: 200, body: { reference: credit.reference, reversed: credit.reversed } };
    }
    if (method === "GET" && parts.length === 3 && parts[0] === "accounts" && parts[2] === "balance") {
      return { status: 200, body: { account: parts[1], balance: balances.get(accountKey(programme, parts[1]!)) ?? 0 } };
    }
    return { status: 404, body: { error: "not found" } };
  };

  const server = await startDemoServer(route, { ...options, refusal: "unknown member account" });
  return { ...server, credits, balance: (account, programme = "") => balances.get(accountKey(programme, account)) ?? 0 };
}
