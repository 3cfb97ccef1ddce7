/** Offers a partner funds: their points come out of the partner's blocks, whole or not at all, and go back when a credit fails. */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerTransactions, pointBlockDebits, pointBlocks } from "@/db/schema";
import { POST as eventsPOST } from "@/app/api/v1/events/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { POST as reversePOST } from "@/app/api/v1/transactions/[transaction_id]/reverse/route";
import { retryCredit } from "@/lib/partners/credits";
import { systemTestActor } from "../support/fixtures";
import { getDb } from "@/db";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { dispatchOutbox } from "@/lib/outbox/dispatch";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { addBlock, changePartner, makeApiPartner, makePartner, PARTNER_SECRET } from "../support/partners";
import { closeBillingCycle } from "@/lib/partners/billing";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

let ledger: DemoPartnerLedger;
beforeAll(async () => {
  await useApiKey();
  ledger = await startDemoPartnerLedger({ secret: PARTNER_SECRET });
});
afterAll(() => ledger.close());

type Award = { fulfilment_id: string; offer_id: string | null; points?: number; state: string };
const used = async (blockId: string) => (await getDb().select({ used: pointBlocks.used }).from(pointBlocks).where(eq(pointBlocks.id, blockId)))[0]!.used;

describe("partner-funded offers", () => {
  it("take each award's points from the partner's blocks, and grant nothing the blocks cannot fund, even concurrently", async () => {
    const program = await makeProgram();
    const partner = await makePartner(program.id, { debitRate: "2" });
    const block = await addBlock(partner.id, 1000);
    const offer = await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, rule: { kind: "flat", value: 100 } });
    const members = await Promise.all([1, 2, 3, 4].map(() => makeMember([program.id])));

    // Each award of 100 points debits 200 block points: the block funds exactly 5 of the 12.
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(transactionsPOST, "/api/v1/transactions", { body: purchase(members[i % 4]!.id, 50_000) })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const awards = results.flatMap((r) => (r.body.awards as Award[]).filter((a) => a.offer_id === offer.id));
    expect(awards).toHaveLength(5);
    expect(awards.every((a) => a.points === 100 && a.state === "posted")).toBe(true);
    expect(await used(block.id)).toBe(1000);
    const debits = await getDb().select().from(pointBlockDebits).where(eq(pointBlockDebits.blockId, block.id)).orderBy(asc(pointBlockDebits.id));
    expect(debits.map((d) => d.points)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(debits.map((d) => d.fulfilmentId))).toEqual(new Set(awards.map((a) => a.fulfilment_id)));
    await expectLedgerHealthy();
  });

  it("activity events take block points too", async () => {
    const program = await makeProgram();
    const partner = await makePartner(program.id);
    const block = await addBlock(partner.id, 150);
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, trigger: { kind: "event", eventType: "referral" }, rule: { kind: "flat", value: 100 } });
    const member = await makeMember([program.id]);
    const event = () => call(eventsPOST, "/api/v1/events", { body: { member_id: member.id, type: "referral", occurred_at: new Date(Date.now() - 60_000).toISOString(), attributes: {} } });
    expect((await event()).body.awards).toHaveLength(1);
    expect((await event()).body.awards).toHaveLength(0); // 50 left: cannot fund 100
    expect(await used(block.id)).toBe(100);
  });

  it("a partner credit that fails gives its block points back", async () => {
    const program = await makeProgram();
    const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY` });
    const block = await addBlock(partner.id, 10_000);
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, outcome: { type: "partner_points", partnerId: partner.id }, rule: { kind: "flat", value: 700 } });
    const member = await makeMember([program.id]);

    ledger.behaviour.rejectShare = 1;
    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) });
    const award = (res.body.awards as Award[]).find((a) => a.points === 700)!;
    expect(award.state).toBe("pending");
    expect(await used(block.id)).toBe(700);
    await dispatchOutbox(getDb());
    ledger.behaviour.rejectShare = 0;
    const [f] = await getDb().execute<{ state: string }>(sql`select state from fulfilments where id = ${award.fulfilment_id}`);
    expect(f!.state).toBe("failed");
    expect(await used(block.id)).toBe(0);
    const net = await getDb().select({ points: pointBlockDebits.points }).from(pointBlockDebits).where(eq(pointBlockDebits.fulfilmentId, award.fulfilment_id));
    expect(net.map((d) => d.points).sort()).toEqual([-700, 700]);
  });

  it("refunds give the blocks back their share, all of it when the refunds add up to the whole", async () => {
    const program = await makeProgram();
    const partner = await makePartner(program.id, { debitRate: "3" });
    const block = await addBlock(partner.id, 10_000);
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, rule: { kind: "flat", value: 100 } });
    const member = await makeMember([program.id]);
    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 90_000) });
    expect(await used(block.id)).toBe(300);
    const refund = (amount: number) => call(reversePOST, `/api/v1/transactions/${res.body.transaction_id}/reverse`, { body: { amount }, params: { transaction_id: res.body.transaction_id } });
    expect((await refund(30_000)).body).toMatchObject({ transaction_id: res.body.transaction_id });
    expect(await used(block.id)).toBe(201); // a third of the purchase takes back 33 of the 100 points: 99 of the 300 block points
    expect((await refund(45_000)).body).toMatchObject({ transaction_id: res.body.transaction_id });
    expect(await used(block.id)).toBe(51); // 50 more of the 67 points still due: 150 of the 201 held (rounded up)
    expect((await refund(15_000)).body).toMatchObject({ transaction_id: res.body.transaction_id });
    expect(await used(block.id)).toBe(0);
    await expectLedgerHealthy();
  });

  it("a retried credit takes its block points again, or is refused when the blocks cannot fund it", async () => {
    const program = await makeProgram();
    const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY` });
    const block = await addBlock(partner.id, 1000);
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, outcome: { type: "partner_points", partnerId: partner.id }, rule: { kind: "flat", value: 600 } });
    const member = await makeMember([program.id]);
    ledger.behaviour.rejectShare = 1;
    const first = (await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) })).body.awards[0] as Award;
    await dispatchOutbox(getDb());
    ledger.behaviour.rejectShare = 0;
    expect(await used(block.id)).toBe(0);

    await retryCredit(getDb(), systemTestActor, { fulfilmentId: first.fulfilment_id });
    expect(await used(block.id)).toBe(600);
    await dispatchOutbox(getDb());
    const [posted] = await getDb().execute<{ state: string }>(sql`select state from fulfilments where id = ${first.fulfilment_id}`);
    expect(posted!.state).toBe("posted");

    // A second credit fails; meanwhile the block's 400 left cannot fund 600: the retry is refused, nothing changes.
    ledger.behaviour.rejectShare = 1;
    await addBlock(partner.id, 600);
    const second = (await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) })).body.awards[0] as Award;
    await dispatchOutbox(getDb());
    ledger.behaviour.rejectShare = 0;
    await getDb().update(pointBlocks).set({ status: "rejected" }).where(sql`${pointBlocks.partnerId} = ${partner.id} and ${pointBlocks.id} <> ${block.id}`);
    await expect(retryCredit(getDb(), systemTestActor, { fulfilmentId: second.fulfilment_id })).rejects.toMatchObject({ code: "not_retryable" });
    expect(await used(block.id)).toBe(600);
    const [still] = await getDb().execute<{ state: string }>(sql`select state from fulfilments where id = ${second.fulfilment_id}`);
    expect(still!.state).toBe("failed");
  });

  it("a post-paid partner is billed for the awards of the offers it funds, and not for a credit that failed", async () => {
    const program = await makeProgram();
    const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY` });
    await changePartner(partner.id, { fundingMode: "postpaid", billingCycle: "monthly", pricePerPoint: "0.5", billingCurrency: "INR", debitRate: "2" });
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, rule: { kind: "flat", value: 100 } });
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, outcome: { type: "partner_points", partnerId: partner.id }, rule: { kind: "flat", value: 40 } });
    const member = await makeMember([program.id]);
    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) });
    expect((res.body.awards as Award[]).filter((a) => a.offer_id !== null)).toHaveLength(2);
    const lines = () => getDb().select().from(partnerTransactions).where(eq(partnerTransactions.partnerId, partner.id));
    expect((await lines()).map((l) => [l.points, l.debitPoints, l.funding, l.statementId]).sort()).toEqual([
      [100, 200, "postpaid", null],
      [40, 80, "postpaid", null],
    ]);

    // The partner refuses the 40 partner points: that line goes; the 100 reward points stay billed.
    ledger.behaviour.rejectShare = 1;
    await dispatchOutbox(getDb());
    ledger.behaviour.rejectShare = 0;
    expect((await lines()).map((l) => l.points)).toEqual([100]);
    const statement = await closeBillingCycle(getDb(), systemTestActor, partner.id);
    expect(statement).toMatchObject({ transactionCount: 1, points: 200, amountDue: 10_000 }); // 200 debit points × ₹0.50
  });

  it("a refund lowers a post-paid partner's unbilled line by its share", async () => {
    const program = await makeProgram();
    const partner = await makePartner(program.id, { fundingMode: "postpaid", billingCycle: "monthly", pricePerPoint: "0.5", billingCurrency: "INR", debitRate: "3" });
    await liveOffer(program.id, { funding: { kind: "partner", partnerId: partner.id }, rule: { kind: "flat", value: 100 } });
    const member = await makeMember([program.id]);
    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 90_000) });
    const line = async () => (await getDb().select().from(partnerTransactions).where(eq(partnerTransactions.partnerId, partner.id)))[0];
    expect(await line()).toMatchObject({ points: 100, debitPoints: 300 });
    await call(reversePOST, `/api/v1/transactions/${res.body.transaction_id}/reverse`, { body: { amount: 30_000 }, params: { transaction_id: res.body.transaction_id } });
    expect(await line()).toMatchObject({ points: 67, debitPoints: 201 }); // 33 of 100 points taken back: 99 of 300 debit points
    await call(reversePOST, `/api/v1/transactions/${res.body.transaction_id}/reverse`, { body: { amount: 60_000 }, params: { transaction_id: res.body.transaction_id } });
    expect(await line()).toBeUndefined();
  });
});
