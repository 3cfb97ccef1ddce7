/** Transactions through the public API: evaluation against live offers, caps, budgets, milestones and repeats. */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as fulfilmentsGET } from "@/app/api/v1/members/[member_id]/fulfilments/route";
import { POST as claimPOST } from "@/app/api/v1/fulfilments/[fulfilment_id]/claim/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { changeOfferStatus } from "@/lib/offers";
import { setBaseEarnRule } from "@/lib/programs/earn-rule";
import { systemTestActor } from "../support/fixtures";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

beforeAll(async () => {
  await useApiKey();
});

describe("transactions", () => {
  it("earn the base rule and every matching offer, exactly the engine's values, posted to the ledger", async () => {
    const program = await makeProgram();
    await setBaseEarnRule(getDb(), systemTestActor, program.id, { rule: { kind: "percentage", rate: "1" }, narration: "{points} base points" });
    const double = await liveOffer(program.id, { rule: { kind: "percentage", rate: "2", capPerTransaction: 500 } });
    await liveOffer(program.id, { filters: { countries: ["AE"] }, rule: { kind: "flat", value: 999 } }); // does not match
    const member = await makeMember([program.id]);

    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 1_234_56) });
    expect(res.status).toBe(201);
    const awards = res.body.awards as { offer_id: string | null; points: number; state: string; narration: string }[];
    expect(awards.map((a) => [a.offer_id, a.points, a.state]).sort()).toEqual(
      [
        [null, 1234, "posted"], // 1 % of 123,456 paise, rounded down
        [double.id, 500, "posted"], // 2 % = 2,469, capped at 500 per transaction
      ].sort(),
    );
    expect(awards.find((a) => a.offer_id === null)!.narration).toBe("1,234 base points");
    expect((await getMemberPoints(getDb(), member.id)).group).toMatchObject({ current: 1734, lifetime: 1734 });

    const listed = await call(fulfilmentsGET, `/api/v1/members/${member.id}/fulfilments`, { params: { member_id: member.id } });
    expect(listed.body.fulfilments).toHaveLength(2);
    await expectLedgerHealthy();
  });

  it("a repeated external id changes nothing and answers the first answer; the same id with other details is refused", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, {});
    const member = await makeMember([program.id]);
    const body = purchase(member.id, 50_000);
    const first = await call(transactionsPOST, "/api/v1/transactions", { body });
    const again = await Promise.all([1, 2, 3].map(() => call(transactionsPOST, "/api/v1/transactions", { body })));
    expect(first.status).toBe(201);
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(first.body);
    }
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(100);
    const other = await call(transactionsPOST, "/api/v1/transactions", { body: { ...body, amount: 60_000 } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("conflict");
  });

  it("concurrent transactions of one member never exceed the per-member cap, nor all members the offer's budget", async () => {
    const program = await makeProgram();
    const capped = await liveOffer(program.id, { rule: { kind: "flat", value: 40 }, caps: { perMember: { limit: 100, period: "month" } } });
    const budgeted = await liveOffer(program.id, { rule: { kind: "flat", value: 30 }, caps: { budget: 200 } });
    const members = await Promise.all([1, 2, 3].map(() => makeMember([program.id])));
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => call(transactionsPOST, "/api/v1/transactions", { body: purchase(members[i % 3]!.id, 10_000) })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    for (const m of members) {
      const [row] = await getDb().execute<{ total: string }>(
        sql`select coalesce(sum(value), 0)::text as total from fulfilments where member_id = ${m.id} and offer_id = ${capped.id}`,
      );
      expect(Number(row!.total)).toBe(100); // 40 + 40 + 20: capped, never above
    }
    const [spent] = await getDb().execute<{ total: string; used: string }>(
      sql`select (select coalesce(sum(value), 0) from fulfilments where offer_id = ${budgeted.id})::text as total, (select budget_used from offers where id = ${budgeted.id})::text as used`,
    );
    expect(spent).toEqual({ total: "200", used: "200" }); // 6 × 30 + a last award cut to 20
    await expectLedgerHealthy();
  });

  it("a milestone on annual spend awards once when crossed, within the transaction that crosses it", async () => {
    const program = await makeProgram();
    const milestone = await liveOffer(program.id, {
      target: { kind: "milestone", tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } }, threshold: 500_000_00 },
      rule: { kind: "flat", value: 5000 },
    });
    const member = await makeMember([program.id]);
    const spend = async (amount: number) =>
      ((await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, amount) })).body.awards as { offer_id: string }[]).filter((a) => a.offer_id === milestone.id);
    expect(await spend(300_000_00)).toHaveLength(0);
    expect(await spend(250_000_00)).toHaveLength(1); // crosses 500,000 inside this transaction
    expect(await spend(100_000_00)).toHaveLength(0); // already awarded this year
    const [tracker] = await getDb().execute<{ value: string }>(sql`select value::text from member_trackers where member_id = ${member.id}`);
    expect(tracker!.value).toBe(String(650_000_00));
  });

  it("a paused offer earns nothing; bad input gets its own code and writes nothing", async () => {
    const program = await makeProgram();
    const offer = await liveOffer(program.id, {});
    await changeOfferStatus(getDb(), systemTestActor, offer.id, "pause");
    const member = await makeMember([program.id]);
    const paused = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) });
    expect(paused.body.awards).toEqual([]);

    const before = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from transactions`);
    const bad = [
      [{ ...purchase(member.id, 100), amount: -1 }, "validation_failed"],
      [{ ...purchase(member.id, 100), amount: 1.5 }, "validation_failed"],
      [{ ...purchase(member.id, 100), currency: "rupees" }, "validation_failed"],
      [{ ...purchase(member.id, 100), member_id: "ext:NOBODY" }, "member_not_found"],
      [{ ...purchase(member.id, 100), occurred_at: "yesterday" }, "validation_failed"],
      [{ ...purchase(member.id, 100), occurred_at: new Date(Date.now() + 86_400_000).toISOString() }, "invalid_transaction"],
      [{ ...purchase(member.id, 100), line_items: [{ sku: "A", quantity: -1, unit_price: 1, amount: 1 }] }, "validation_failed"],
    ] as const;
    for (const [body, code] of bad) {
      const res = await call(transactionsPOST, "/api/v1/transactions", { body });
      expect(res.status, code).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code).toBe(code);
    }
    const after = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from transactions`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("a claim-type outcome waits for the member's claim, which posts it once, however many claims race", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { posting: { method: "claim", claimWindowDays: 7 }, rule: { kind: "flat", value: 250 } });
    const member = await makeMember([program.id]);
    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) });
    const [award] = res.body.awards as { fulfilment_id: string; state: string; claim_expires_at: string }[];
    expect(award!.state).toBe("pending");
    expect(new Date(award!.claim_expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(0); // nothing until claimed

    const path = `/api/v1/fulfilments/${award!.fulfilment_id}/claim`;
    const claims = await Promise.all([1, 2, 3, 4].map(() => call(claimPOST, path, { body: {}, params: { fulfilment_id: award!.fulfilment_id } })));
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409, 409, 409]);
    expect(claims.find((c) => c.status === 409)!.body.error.code).toBe("not_claimable");
    expect(claims.find((c) => c.status === 200)!.body).toMatchObject({ state: "posted", points: 250 });
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(250);
    const unknown = await call(claimPOST, "/api/v1/fulfilments/00000000-0000-4000-8000-000000000000/claim", { body: {}, params: { fulfilment_id: "00000000-0000-4000-8000-000000000000" } });
    expect(unknown.body.error.code).toBe("fulfilment_not_found");
    await expectLedgerHealthy();
  });
});
