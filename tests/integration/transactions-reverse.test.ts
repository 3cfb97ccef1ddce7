/** Refunds and chargebacks: proportional take-back, points debt, budgets, caps and milestones given back. */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as reversePOST } from "@/app/api/v1/transactions/[transaction_id]/reverse/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { redeemPoints } from "@/lib/ledger/redeem";
import { systemTestActor } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

beforeAll(async () => {
  await useApiKey();
});

const buy = async (memberId: string, amount: number) => (await call(transactionsPOST, "/api/v1/transactions", { body: purchase(memberId, amount) })).body;
const refund = (transactionId: string, amount: number) =>
  call(reversePOST, `/api/v1/transactions/${transactionId}/reverse`, { body: { amount }, params: { transaction_id: transactionId } });
const debtOf = async (memberId: string) =>
  Number((await getDb().execute<{ debt: string }>(sql`select coalesce(sum(debt), 0)::text as debt from member_programs where member_id = ${memberId}`))[0]!.debt);

describe("refunds", () => {
  it("partial refunds take back in proportion, and together with the last one exactly everything", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { rule: { kind: "percentage", rate: "3" } });
    const member = await makeMember([program.id]);
    const t = await buy(member.id, 99_999); // 3 % = 2,999 points
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(2_999);

    const first = await refund(t.transaction_id, 33_333);
    expect(first.status).toBe(200);
    expect(first.body.reversals[0]).toMatchObject({ reversed_now: 999, points_debt: 0, state: "posted" }); // floor(2,999 × 33,333 ÷ 99,999)
    await refund(t.transaction_id, 33_333);
    const last = await refund(t.transaction_id, 33_333);
    expect(last.body.refunded_amount).toBe(99_999);
    expect(last.body.reversals[0]).toMatchObject({ state: "reversed", points: 0 });
    const points = await getMemberPoints(getDb(), member.id);
    expect(points.group).toMatchObject({ current: 0, lifetime: 0 });

    const more = await refund(t.transaction_id, 1);
    expect(more.status).toBe(422);
    expect(more.body.error.code).toBe("refund_exceeds_amount");
    await expectLedgerHealthy();
  });

  it("buy, redeem, refund leaves a points debt that the next earnings repay first", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { rule: { kind: "flat", value: 500 } });
    const member = await makeMember([program.id]);
    const t = await buy(member.id, 10_000);
    await redeemPoints(getDb(), systemTestActor, { memberId: member.id, programId: program.id, points: 400, group: false });
    const r = await refund(t.transaction_id, 10_000);
    expect(r.body.reversals[0]).toMatchObject({ reversed_now: 500, points_debt: 400, state: "reversed" });
    expect(await debtOf(member.id)).toBe(400);
    let g = (await getMemberPoints(getDb(), member.id)).group;
    expect(g).toMatchObject({ current: 0, redeemed: 400 });
    expect(g.lifetime).toBe(g.current + g.redeemed + g.expired);

    await buy(member.id, 10_000); // earns 500: 400 repay the debt
    expect(await debtOf(member.id)).toBe(0);
    g = (await getMemberPoints(getDb(), member.id)).group;
    expect(g.current).toBe(100);
    expect(g.lifetime).toBe(g.current + g.redeemed + g.expired);
    await expectLedgerHealthy();
  });

  it("a refund gives back the offer's budget and the member's cap, and takes back a milestone no longer met", async () => {
    const program = await makeProgram();
    const budgeted = await liveOffer(program.id, { rule: { kind: "flat", value: 100 }, caps: { budget: 100, perMember: { limit: 100, period: "month" } } });
    const milestone = await liveOffer(program.id, {
      target: { kind: "milestone", tracker: { metric: "transaction_amount", window: { kind: "calendar_month" } }, threshold: 50_000 },
      rule: { kind: "flat", value: 1_000 },
    });
    const member = await makeMember([program.id]);
    const first = await buy(member.id, 30_000);
    const second = await buy(member.id, 30_000); // crosses 50,000: the milestone; the budget is spent already
    expect(second.awards.map((a: { offer_id: string }) => a.offer_id)).toEqual([milestone.id]);

    await refund(first.transaction_id, 30_000); // tracker back to 30,000: below the threshold
    const [{ used }] = (await getDb().execute<{ used: string }>(sql`select budget_used::text as used from offers where id = ${budgeted.id}`)) as unknown as [{ used: string }];
    expect(used).toBe("0");
    const states = await getDb().execute<{ offer_id: string; state: string }>(sql`select offer_id, state from fulfilments where member_id = ${member.id} order by created_at`);
    expect(states.map((s) => s.state)).toEqual(["reversed", "reversed"]);
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(0);

    const again = await buy(member.id, 30_000); // budget and cap free again; the milestone can be earned again
    expect(again.awards.map((a: { offer_id: string }) => a.offer_id).sort()).toEqual([budgeted.id, milestone.id].sort());
    await expectLedgerHealthy();
  });
});
