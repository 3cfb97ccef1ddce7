/**
 * A demo core-banking credit hook: a small HTTP server that behaves like a bank's API for crediting
 * cashback to a card account. It records credits by idempotency key (a repeat answers the first
 * answer), checks the HMAC signature when given a secret, and can be told to be slow, to fail a
 * share of calls with 503, or to refuse them with 422 — so retries and failures can be seen
 * (lib/demo/http.ts). `npm start` runs it for the demo; tests start it on a free port.
 */
import { randomUUID } from "node:crypto";
import { startDemoServer, type DemoAnswer, type DemoBehaviour, type DemoCall, type DemoRequest } from "./http";

export { signBody } from "./http";
export type CoreBankingBehaviour = DemoBehaviour;
export type DemoCredit = { reference: string; idempotencyKey: string; account: string; amount: number; currency: string; narration: string; reversed: number; at: string };

export type DemoCoreBanking = {
  url: string;
  credits: Map<string, DemoCredit>;
  /** Every request received (also the repeats and the ones answered with an error). */
  calls: DemoCall[];
  behaviour: CoreBankingBehaviour;
  close(): Promise<void>;
};

export async function startDemoCoreBanking(options: { port?: number; host?: string; secret?: string; random?: () => number } = {}): Promise<DemoCoreBanking> {
  const credits = new Map<string, DemoCredit>();
  const route = ({ method, path, body, idempotencyKey }: DemoRequest): DemoAnswer => {
    if (method === "POST" && path === "/credits") {
      if (!Number.isSafeInteger(body.amount) || (body.amount as number) <= 0) return { status: 422, body: { error: "amount must be a positive integer" } };
      const credit: DemoCredit = { reference: `CB-${randomUUID().slice(0, 8).toUpperCase()}`, idempotencyKey: idempotencyKey!, account: String(body.account), amount: body.amount as number, currency: String(body.currency), narration: String(body.narration ?? ""), reversed: 0, at: new Date().toISOString() };
      credits.set(credit.reference, credit);
      return { status: 201, body: { reference: credit.reference } };
    }
    const reverse = /^\/credits\/([^/]+)\/reverse$/.exec(path);
    if (method === "POST" && reverse) {
      const credit = credits.get(reverse[1]!);
      const amount = body.amount as number;
      if (!credit) return { status: 404, body: { error: "no such credit" } };
      if (!Number.isSafeInteger(amount) || amount <= 0 || credit.reversed + amount > credit.amount) return { status: 422, body: { error: "cannot reverse more than was credited" } };
      credit.reversed += amount;
      return { status: 200, body: { reference: credit.reference, reversed: credit.reversed } };
    }
    return { status: 404, body: { error: "not found" } };
  };
  const server = await startDemoServer(route, { ...options, refusal: "account closed" });
  return { ...server, credits };
}
