/** External outcomes: cashback through the outbox to the (demo) core-banking hook, and voucher pools. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as reversePOST } from "@/app/api/v1/transactions/[transaction_id]/reverse/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { startDemoCoreBanking, type DemoCoreBanking } from "@/lib/demo/core-banking";
import { dispatchOutbox } from "@/lib/outbox/dispatch";
import { setSetting } from "@/lib/settings";
import { addVoucherCodes, createVoucherPool, listVoucherPools } from "@/lib/vouchers";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

let bank: DemoCoreBanking;
beforeAll(async () => {
  await useApiKey();
  bank = await startDemoCoreBanking();
  await setSetting(getDb(), systemTestActor, "core_banking.url", bank.url);
  await setSetting(getDb(), systemTestActor, "core_banking.timeout_ms", "2000");
});
afterAll(() => bank.close());
beforeEach(() => {
  Object.assign(bank.behaviour, { failShare: 0, rejectShare: 0, delayMs: 0 });
});

const cashbackOffer = (programId: string, extra = {}) =>
  liveOffer(programId, { outcome: { type: "cashback", currency: "INR" }, rule: { kind: "percentage", rate: "2" }, narration: "Cashback at {merchant}", ...extra });
const buy = async (memberId: string, amount: number) => (await call(transactionsPOST, "/api/v1/transactions", { body: purchase(memberId, amount) })).body;
const fulfilment = async (id: string) =>
  (await getDb().execute<{ state: string; external_reference: string | null }>(sql`select state, external_reference from fulfilments where id = ${id}`))[0]!;
const history = async (id: string) => (await getDb().execute<{ to_state: string; reason: string }>(sql`select to_state, reason from fulfilment_events where fulfilment_id = ${id} order by id`)).map((e) => e.reason);
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("cashback through the outbox", () => {
  it("is pending until the worker delivers it, then posted with the bank's reference", async () => {
    const program = await makeProgram();
    await cashbackOffer(program.id);
    const member = await makeMember([program.id]);
    const t = await buy(member.id, 100_000);
    const [award] = t.awards;
    expect(award).toMatchObject({ outcome_type: "cashback", amount: 2_000, currency: "INR", state: "pending" });

    expect(await dispatchOutbox(getDb())).toMatchObject({ delivered: 1 });
    const after = await fulfilment(award.fulfilment_id);
    expect(after.state).toBe("posted");
    const credit = bank.credits.get(after.external_reference!)!;
    expect(credit).toMatchObject({ account: member.externalId, amount: 2_000, currency: "INR", narration: "Cashback at Cafe Coffee Day" });
    expect(await dispatchOutbox(getDb())).toMatchObject({ delivered: 0 }); // nothing twice
  });

  it("retries a bank that is down with backoff, and fails a refusal, giving back the offer's budget", async () => {
    const program = await makeProgram();
    const offer = await cashbackOffer(program.id, { caps: { budget: 10_000 } });
    const member = await makeMember([program.id]);
    bank.behaviour.failShare = 1;
    const t1 = await buy(member.id, 100_000);
    expect(await dispatchOutbox(getDb())).toMatchObject({ retried: 1 });
    expect((await fulfilment(t1.awards[0].fulfilment_id)).state).toBe("pending");
    expect(await dispatchOutbox(getDb())).toMatchObject({ retried: 0, delivered: 0 }); // not due yet: backoff
    bank.behaviour.failShare = 0;
    expect(await dispatchOutbox(getDb(), { now: later(5) })).toMatchObject({ delivered: 1 });
    expect(await history(t1.awards[0].fulfilment_id)).toEqual(["Queued for delivery", expect.stringMatching(/^Attempt 1 failed: The bank answered 503/), expect.stringMatching(/^Credited by the bank/)]);

    bank.behaviour.rejectShare = 1;
    const t2 = await buy(member.id, 100_000);
    expect(await dispatchOutbox(getDb(), { now: later(6) })).toMatchObject({ failed: 1 });
    expect((await fulfilment(t2.awards[0].fulfilment_id)).state).toBe("failed");
    const [{ used }] = (await getDb().execute<{ used: string }>(sql`select budget_used::text as used from offers where id = ${offer.id}`)) as unknown as [{ used: string }];
    expect(used).toBe("2000"); // the refused 2,000 came back
  });

  it("three workers at once deliver each credit exactly once", async () => {
    const program = await makeProgram();
    await cashbackOffer(program.id);
    const member = await makeMember([program.id]);
    for (let i = 0; i < 12; i++) await buy(member.id, 50_000 + i);
    const before = bank.calls.filter((c) => c.path === "/credits").length;
    const rounds = await Promise.all([1, 2, 3].map(() => dispatchOutbox(getDb(), { limit: 5 })));
    const again = await dispatchOutbox(getDb(), { limit: 50 });
    expect(rounds.reduce((s, r) => s + r.delivered, 0) + again.delivered).toBe(12);
    expect(bank.calls.filter((c) => c.path === "/credits").length - before).toBe(12);
  });

  it("a refund of delivered cashback is reversed at the bank", async () => {
    const program = await makeProgram();
    await cashbackOffer(program.id);
    const member = await makeMember([program.id]);
    const t = await buy(member.id, 100_000);
    await dispatchOutbox(getDb());
    await call(reversePOST, `/api/v1/transactions/${t.transaction_id}/reverse`, { body: { amount: 25_000 }, params: { transaction_id: t.transaction_id } });
    expect(await dispatchOutbox(getDb())).toMatchObject({ delivered: 1 });
    const reference = (await fulfilment(t.awards[0].fulfilment_id)).external_reference!;
    expect(bank.credits.get(reference)!.reversed).toBe(500); // a quarter of 2,000
  });
});

describe("vouchers", () => {
  it("come from the pool one code each, and run out visibly", async () => {
    const program = await makeProgram();
    const pool = await createVoucherPool(getDb(), systemTestActor, { name: "Movie tickets" });
    expect(await addVoucherCodes(getDb(), systemTestActor, pool.id, ["film-0001", "FILM-0002", "FILM-0001"])).toEqual({ added: 2, duplicates: 1 });
    await liveOffer(program.id, { outcome: { type: "voucher", poolId: pool.id }, rule: { kind: "flat", value: 1 }, narration: "A movie ticket" });
    const members = await Promise.all([1, 2, 3].map(() => makeMember([program.id])));
    const awards = (await Promise.all(members.map((m) => buy(m.id, 10_000)))).map((t) => t.awards[0]);
    const posted = awards.filter((a) => a.state === "posted");
    expect(posted.map((a) => a.voucher_code).sort()).toEqual(["FILM-0001", "FILM-0002"]);
    const failed = awards.find((a) => a.state === "failed");
    expect(await history(failed.fulfilment_id)).toEqual(["The voucher pool has run out"]);
    expect((await listVoucherPools(getDb())).find((p) => p.id === pool.id)).toMatchObject({ total: 2, issued: 2, left: 0 });
  });
});
