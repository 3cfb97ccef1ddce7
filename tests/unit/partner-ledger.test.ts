/** The demo partner ledger: idempotency by key, the HMAC signature, reversals and balances. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signBody } from "@/lib/demo/http";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";

const SECRET = "ledger-unit-secret";
let ledger: DemoPartnerLedger;
beforeAll(async () => {
  ledger = await startDemoPartnerLedger({ secret: SECRET });
});
afterAll(() => ledger.close());
beforeEach(() => {
  Object.assign(ledger.behaviour, { failShare: 0, rejectShare: 0, timeoutShare: 0, delayMs: 0 });
});

const post = async (path: string, body: unknown, key: string | null, secret: string | null = SECRET) => {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers["idempotency-key"] = key;
  if (secret) headers["x-coalition-signature"] = signBody(secret, raw);
  const res = await fetch(`${ledger.url}${path}`, { method: "POST", headers, body: raw });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const balance = async (path: string) => (await (await fetch(`${ledger.url}${path}`)).json()) as { balance: number };

describe("demo partner ledger", () => {
  it("credits once per idempotency key: a repeat answers the first answer", async () => {
    const first = await post("/SKYW/credits", { account: "FF-1", points: 700 }, "k-1");
    expect(first).toMatchObject({ status: 201, body: { reference: expect.stringMatching(/^PL-/), balance: 700 } });
    const again = await post("/SKYW/credits", { account: "FF-1", points: 700 }, "k-1");
    expect(again).toEqual(first);
    expect(ledger.balance("FF-1", "SKYW")).toBe(700);
    expect(await balance("/SKYW/accounts/FF-1/balance")).toEqual({ account: "FF-1", balance: 700 });
    expect(await balance("/STAYPTS/accounts/FF-1/balance")).toEqual({ account: "FF-1", balance: 0 }); // programmes apart
    expect([...ledger.credits.keys()].filter((k) => k === "k-1")).toHaveLength(1);
  });

  it("refuses a missing or wrong signature and a missing key, crediting nothing", async () => {
    expect((await post("/credits", { account: "FF-2", points: 5 }, "k-2", null)).status).toBe(401);
    expect((await post("/credits", { account: "FF-2", points: 5 }, "k-2", "someone-else")).status).toBe(401);
    expect((await post("/credits", { account: "FF-2", points: 5 }, null)).status).toBe(400);
    expect(ledger.balance("FF-2")).toBe(0);
    expect((await post("/credits", { account: "FF-2", points: 5 }, "k-2")).status).toBe(201); // the key was not used up
  });

  it("reverses all or part of a credit, idempotently, never more than was credited", async () => {
    const { body } = await post("/credits", { account: "FF-3", points: 1000 }, "k-3");
    const path = `/credits/${body.reference as string}/reverse`;
    expect(await post(path, { points: 400 }, "r-1")).toMatchObject({ status: 200, body: { reversed: 400 } });
    expect(await post(path, { points: 400 }, "r-1")).toMatchObject({ status: 200, body: { reversed: 400 } }); // a repeat
    expect(await post(path, { points: 601 }, "r-2")).toMatchObject({ status: 422 });
    expect(await post(path, { points: 600 }, "r-3")).toMatchObject({ status: 200, body: { reversed: 1000 } });
    expect(ledger.balance("FF-3")).toBe(0);
    expect(await post("/credits/PL-NOPE/reverse", { points: 1 }, "r-4")).toMatchObject({ status: 404 });
  });

  it("fails a share of calls with 503 without remembering them, and remembers refusals", async () => {
    ledger.behaviour.failShare = 1;
    expect((await post("/credits", { account: "FF-4", points: 1 }, "k-4")).status).toBe(503);
    ledger.behaviour.failShare = 0;
    ledger.behaviour.rejectShare = 1;
    expect((await post("/credits", { account: "FF-4", points: 1 }, "k-4")).status).toBe(422);
    ledger.behaviour.rejectShare = 0;
    expect((await post("/credits", { account: "FF-4", points: 1 }, "k-4")).status).toBe(422); // the refusal stands for that key
    expect(ledger.balance("FF-4")).toBe(0);
  });

  it("drops a share of calls after hanging past the caller's timeout, crediting nothing", async () => {
    Object.assign(ledger.behaviour, { timeoutShare: 1, hangMs: 300 });
    await expect(post("/credits", { account: "FF-5", points: 1 }, "k-5")).rejects.toThrow();
    expect(ledger.balance("FF-5")).toBe(0);
    ledger.behaviour.timeoutShare = 0;
    expect((await post("/credits", { account: "FF-5", points: 1 }, "k-5")).status).toBe(201);
  });
});
