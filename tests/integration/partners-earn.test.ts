import { randomUUID } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, journalEntries, partners, partnerTransactions, pointBlockDebits, pointBlocks } from "@/db/schema";
import { getDb } from "@/db";
import { releaseBlockPoints } from "@/lib/partners/funding";
import { getMemberPoints } from "@/lib/ledger/balances";
import { GET as listPartnersRoute } from "@/app/api/v1/partners/route";
import { POST as partnerTransaction } from "@/app/api/v1/partners/[partner_id]/transactions/route";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { addBlock, makePartner, partnerKey } from "../support/partners";

type Program = Awaited<ReturnType<typeof makeProgram>>;
let program: Program;

const send = async (token: string, partnerId: string, body: Record<string, unknown>, idempotencyKey?: string) => {
  const res = await partnerTransaction(
    new Request(`http://localhost/api/v1/partners/${partnerId}/transactions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ partner_id: partnerId }) },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer's shape is what the assertions check
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

const earn = (memberId: string, points: number, extra: Record<string, unknown> = {}) => ({ external_id: `PX-${randomUUID()}`, member_id: memberId, points, ...extra });

const blocksOf = (partnerId: string) => getDb().select().from(pointBlocks).where(eq(pointBlocks.partnerId, partnerId)).orderBy(asc(pointBlocks.createdAt));

beforeAll(async () => {
  program = await makeProgram();
});

describe("partner earn transactions", () => {
  it("concurrent transactions against blocks that fund exactly K: K succeed, the reserve only after the prepaid blocks, none below zero", async () => {
    const partner = await makePartner(program.id, { debitRate: "1.5" });
    const older = await addBlock(partner.id, 900, "prepaid", "active", new Date(Date.now() - 60_000));
    const newer = await addBlock(partner.id, 600);
    const reserve = await addBlock(partner.id, 450, "reserve", "active", new Date(Date.now() - 120_000));
    await addBlock(partner.id, 100_000, "prepaid", "pending");
    const members = await Promise.all([1, 2, 3].map(() => makeMember([program.id])));
    const token = await partnerKey(partner.id);

    // Each gives 100 points and debits 150: the prepaid blocks fund 10, the reserve 3 more.
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => send(token, partner.id, earn(members[i % 3]!.id, 100))));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(13);
    expect(refused.every((r) => r.status === 422 && r.body.error.code === "insufficient_partner_points")).toBe(true);
    expect(ok.every((r) => r.body.debited_points === 150 && r.body.funding === "prepaid")).toBe(true);

    const blocks = new Map((await blocksOf(partner.id)).map((b) => [b.id, b]));
    expect(blocks.get(older.id)!.used).toBe(900);
    expect(blocks.get(newer.id)!.used).toBe(600);
    expect(blocks.get(reserve.id)!.used).toBe(450);
    expect([...blocks.values()].find((b) => b.status === "pending")!.used).toBe(0);

    // In the order they were written, no reserve debit comes before the last prepaid one.
    const debits = await getDb().select().from(pointBlockDebits).where(sql`${pointBlockDebits.blockId} in (${older.id}, ${newer.id}, ${reserve.id})`).orderBy(asc(pointBlockDebits.id));
    const lastPrepaid = debits.findLastIndex((d) => d.blockId !== reserve.id);
    const firstReserve = debits.findIndex((d) => d.blockId === reserve.id);
    expect(firstReserve).toBeGreaterThan(-1);
    expect(debits.slice(0, lastPrepaid + 1).filter((d) => d.blockId === reserve.id).length).toBeLessThanOrEqual(1); // a transaction may straddle the last prepaid points and the reserve
    expect(debits.reduce((s, d) => s + d.points, 0)).toBe(1950);

    const [flag] = await getDb().select({ at: partners.topUpRequiredAt }).from(partners).where(eq(partners.id, partner.id));
    expect(flag!.at).not.toBeNull();

    const totals = await Promise.all(members.map((m) => getMemberPoints(getDb(), m.id)));
    expect(totals.reduce((s, t) => s + t.programs.find((p) => p.programId === program.id)!.current, 0)).toBe(1300);
    const [n] = await getDb().select({ n: count() }).from(partnerTransactions).where(eq(partnerTransactions.partnerId, partner.id));
    expect(n!.n).toBe(13);
    await expectLedgerHealthy();
  });

  it("a transaction the partner cannot fund writes nothing at all", async () => {
    const partner = await makePartner(program.id);
    await addBlock(partner.id, 50);
    const member = await makeMember([program.id]);
    const token = await partnerKey(partner.id);
    const entriesBefore = await getDb().select({ n: count() }).from(journalEntries);
    const auditBefore = await getDb().select({ n: count() }).from(auditLog);

    const refused = await send(token, partner.id, earn(member.id, 51));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "insufficient_partner_points", details: { needed: 51, available: 50 } });
    expect((await blocksOf(partner.id))[0]!.used).toBe(0);
    expect(await getDb().select({ n: count() }).from(journalEntries)).toEqual(entriesBefore);
    expect(await getDb().select({ n: count() }).from(auditLog)).toEqual(auditBefore);
    expect((await getMemberPoints(getDb(), member.id)).programs[0]!.current).toBe(0);

    const funded = await send(token, partner.id, earn(member.id, 50, { reason: "Flight DXB–BOM" }));
    expect(funded.status).toBe(201);
    expect(funded.body.blocks).toEqual([{ block_id: expect.any(String), points: 50 }]);
    expect((await getMemberPoints(getDb(), member.id)).programs[0]!.current).toBe(50);
  });

  it("only the partner's own key may send its transactions", async () => {
    const partner = await makePartner(program.id);
    const other = await makePartner(program.id, { name: "Other partner" });
    await addBlock(partner.id, 1000);
    const member = await makeMember([program.id]);
    const body = earn(member.id, 10);

    const otherKey = await send(await partnerKey(other.id), partner.id, body);
    expect(otherKey.status).toBe(403);
    expect(otherKey.body.error.code).toBe("partner_key_mismatch");
    const unbound = await send(await partnerKey(null), partner.id, body);
    expect(unbound.status).toBe(403);
    expect(unbound.body.error.code).toBe("partner_key_mismatch");
    const unknown = await send(await partnerKey(partner.id), randomUUID(), body);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("partner_not_found");
    expect((await blocksOf(partner.id))[0]!.used).toBe(0);
  });

  it("a repeated external id answers the first answer; the same id with other details is a conflict", async () => {
    const partner = await makePartner(program.id);
    await addBlock(partner.id, 1000);
    const member = await makeMember([program.id]);
    const token = await partnerKey(partner.id);
    const body = earn(member.id, 120);

    const first = await send(token, partner.id, body);
    const repeats = await Promise.all([1, 2, 3].map(() => send(token, partner.id, body)));
    expect(first.status).toBe(201);
    for (const r of repeats) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(first.body);
    }
    const conflict = await send(token, partner.id, { ...body, points: 121 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("conflict");
    expect((await blocksOf(partner.id))[0]!.used).toBe(120);
    expect((await getMemberPoints(getDb(), member.id)).programs[0]!.current).toBe(120);
  });

  it("bad input gets a clear 4xx and changes nothing", async () => {
    const partner = await makePartner(program.id);
    await addBlock(partner.id, 1000);
    const member = await makeMember([program.id]);
    const stranger = await makeMember([(await makeProgram()).id]);
    const token = await partnerKey(partner.id);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...earn(member.id, 0) }, 422, "validation_failed"],
      [{ ...earn(member.id, 1.5) }, 422, "validation_failed"],
      [{ member_id: member.id, points: 5 }, 422, "validation_failed"],
      [{ ...earn(member.id, 5), occurred_at: "yesterday" }, 422, "validation_failed"],
      [{ ...earn(member.id, 5), occurred_at: new Date(Date.now() + 86_400_000).toISOString() }, 422, "awarded_at_in_future"],
      [{ ...earn("ext:nobody", 5) }, 404, "member_not_found"],
      [{ ...earn(stranger.id, 5) }, 422, "member_not_enrolled"],
    ];
    for (const [body, status, code] of cases) {
      const r = await send(token, partner.id, body);
      expect([r.status, r.body.error?.code]).toEqual([status, code]);
    }
    expect((await blocksOf(partner.id))[0]!.used).toBe(0);
  });

  it("a suspended partner's transactions are refused", async () => {
    const partner = await makePartner(program.id, { status: "suspended" });
    await addBlock(partner.id, 1000);
    const member = await makeMember([program.id]);
    const r = await send(await partnerKey(partner.id), partner.id, earn(member.id, 10));
    expect([r.status, r.body.error.code]).toEqual([409, "partner_suspended"]);
  });

  it("a post-paid partner needs no blocks: its transactions wait for the next statement", async () => {
    const partner = await makePartner(program.id, { fundingMode: "postpaid", billingCycle: "monthly", pricePerPoint: "0.2", billingCurrency: "INR", debitRate: "2" });
    const member = await makeMember([program.id]);
    const r = await send(await partnerKey(partner.id), partner.id, earn(member.id, 75));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ funding: "postpaid", debited_points: 150, blocks: [] });
    const [row] = await getDb().select().from(partnerTransactions).where(eq(partnerTransactions.id, r.body.partner_transaction_id));
    expect(row).toMatchObject({ funding: "postpaid", statementId: null, debitPoints: 150 });
  });

  it("creates the next block when what is left falls below the threshold: pending once, or active when auto-approved", async () => {
    const pendingPartner = await makePartner(program.id, { autoBlockThreshold: 500, autoBlockPoints: 5000, autoBlockPrice: 250_000 });
    await addBlock(pendingPartner.id, 1000);
    const member = await makeMember([program.id]);
    const token = await partnerKey(pendingPartner.id);
    expect((await send(token, pendingPartner.id, earn(member.id, 400))).status).toBe(201);
    expect(await blocksOf(pendingPartner.id)).toHaveLength(1); // 600 left: above the threshold
    expect((await send(token, pendingPartner.id, earn(member.id, 200))).status).toBe(201);
    expect((await send(token, pendingPartner.id, earn(member.id, 200))).status).toBe(201);
    const afterTwo = await blocksOf(pendingPartner.id);
    expect(afterTwo).toHaveLength(2); // one auto-created block waits for approval; no second one
    expect(afterTwo[1]).toMatchObject({ status: "pending", autoCreated: true, points: 5000, price: 250_000, used: 0 });
    const refused = await send(token, pendingPartner.id, earn(member.id, 300));
    expect(refused.body.error.code).toBe("insufficient_partner_points"); // a pending block funds nothing

    const autoPartner = await makePartner(program.id, { autoBlockThreshold: 500, autoBlockPoints: 5000, autoApprove: true });
    await addBlock(autoPartner.id, 1000);
    const autoToken = await partnerKey(autoPartner.id);
    expect((await send(autoToken, autoPartner.id, earn(member.id, 600))).status).toBe(201);
    expect((await send(autoToken, autoPartner.id, earn(member.id, 1000))).status).toBe(201); // 400 + 600 of the new block
    const blocks = await blocksOf(autoPartner.id);
    expect(blocks.map((b) => [b.status, b.autoCreated, b.used])).toEqual([
      ["active", false, 1000],
      ["active", true, 600],
    ]);
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "point_block.auto_create"), eq(auditLog.entityId, blocks[1]!.id)));
    expect(audits).toHaveLength(1);
  });

  it("releases what a fulfilment took from the blocks once, however often it is asked", async () => {
    const partner = await makePartner(program.id);
    const block = await addBlock(partner.id, 1000);
    const fulfilmentId = randomUUID();
    await getDb().execute(sql`insert into fulfilments (id, member_id, outcome_type, value, state, posting_method, narration)
      values (${fulfilmentId}, ${(await makeMember([program.id])).id}, 'partner_points', 300, 'failed', 'automatic', 'test')`);
    await getDb().update(pointBlocks).set({ used: 300 }).where(eq(pointBlocks.id, block.id));
    await getDb().insert(pointBlockDebits).values({ blockId: block.id, fulfilmentId, points: 300 });
    const released = await Promise.all([1, 2, 3].map(() => getDb().transaction((tx) => releaseBlockPoints(tx, fulfilmentId))));
    expect(released.sort()).toEqual([0, 0, 300]);
    expect((await blocksOf(partner.id))[0]!.used).toBe(0);
  });

  it("lists the partners with their currencies", async () => {
    const partner = await makePartner(program.id, { name: "Stay Hotels", type: "hotel", currencyCode: "STAY", currencyName: "Stay Points" });
    const res = await listPartnersRoute(new Request("http://localhost/api/v1/partners", { headers: { authorization: `Bearer ${await partnerKey(null)}` } }));
    const body = (await res.json()) as { partners: Record<string, unknown>[] };
    expect(res.status).toBe(200);
    expect(body.partners.find((p) => p.id === partner.id)).toMatchObject({ name: "Stay Hotels", type: "hotel", currency: { code: "STAY", name: "Stay Points" }, conversion_rate: "0.5" });
  });
});
