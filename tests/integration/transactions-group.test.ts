/** Group commit of single transactions (POST /api/v1/transactions without an Idempotency-Key). */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { setBaseEarnRule } from "@/lib/programs/earn-rule";
import { ingestSingles, TransactionGroupCommit } from "@/lib/transactions/group-commit";
import { transactionFieldsFromJson } from "@/lib/transactions/json";
import { systemTestActor } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

beforeAll(async () => {
  await useApiKey();
});

type Award = { fulfilment_id: string; offer_id: string | null; points: number };
const byId = (awards: Award[]) => [...awards].sort((a, b) => (a.fulfilment_id < b.fulfilment_id ? -1 : 1));

describe("group commit of single transactions", () => {
  it("64 concurrent transactions with repeats, bad ones and a conflicting external id: each caller gets its own answer, nothing lost or doubled", async () => {
    const program = await makeProgram();
    await setBaseEarnRule(getDb(), systemTestActor, program.id, { rule: { kind: "percentage", rate: "1" }, narration: "{points} base points" });
    const capped = await liveOffer(program.id, { rule: { kind: "flat", value: 40 }, caps: { perMember: { limit: 100, period: "month" } } });
    const members = await Promise.all(Array.from({ length: 6 }, () => makeMember([program.id])));
    const notEnrolled = await makeMember([]);

    const plain = Array.from({ length: 50 }, (_, i) => purchase(members[i % 6]!.id, 10_000 + i * 100));
    const repeated = [plain[0]!, plain[1]!, plain[2]!]; // each sent twice more
    const first = purchase(members[0]!.id, 10_000);
    const conflicting = { ...first, amount: 20_000 }; // the same external id, other details
    const unknown = purchase(`ext:nobody-${randomUUID()}`, 10_000);
    const future = purchase(members[1]!.id, 10_000, { occurred_at: new Date(Date.now() + 86_400_000).toISOString() });
    const lonely = purchase(notEnrolled.id, 10_000);
    const nul = purchase(members[2]!.id, 10_000, { merchant_name: "Cafe\u0000" }); // PostgreSQL text cannot hold it
    const nulMember = purchase("ext:CUST\u0000", 10_000);
    const bodies = [...plain, ...repeated, ...repeated, first, conflicting, unknown, future, lonely, nul, nulMember];
    const extra = Array.from({ length: 64 - bodies.length }, (_, i) => purchase(members[i % 6]!.id, 5_000));
    bodies.push(...extra);
    expect(bodies).toHaveLength(64);

    const answers = await Promise.all(bodies.map((body) => call(transactionsPOST, "/api/v1/transactions", { body })));
    const answerOf = (body: object) => bodies.flatMap((b, i) => (b === body ? [answers[i]!] : []));

    for (const body of [...plain.slice(3), ...extra]) {
      const [a] = answerOf(body);
      expect(a!.status).toBe(201);
      expect(a!.body.awards.length).toBeGreaterThan(0);
    }
    for (const body of repeated) {
      const three = answerOf(body);
      expect(three.map((a) => a.status).sort()).toEqual([200, 200, 201]);
      const [one] = three.filter((a) => a.status === 201);
      for (const a of three) {
        expect(a.body.transaction_id).toBe(one!.body.transaction_id);
        expect(byId(a.body.awards)).toEqual(byId(one!.body.awards));
      }
    }
    const pair = [...answerOf(first), ...answerOf(conflicting)];
    expect(pair.map((a) => a.status).sort()).toEqual([201, 409]);
    const winner = pair.find((a) => a.status === 201)!;
    expect(pair.find((a) => a.status === 409)!.body.error).toMatchObject({ code: "conflict", details: { transaction_id: winner.body.transaction_id } });
    expect(answerOf(unknown)[0]).toMatchObject({ status: 404, body: { error: { code: "member_not_found" } } });
    expect(answerOf(future)[0]).toMatchObject({ status: 422, body: { error: { code: "invalid_transaction" } } });
    expect(answerOf(nul)[0]).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { issues: [{ path: "merchant_name" }] } } } });
    expect(answerOf(nulMember)[0]).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { issues: [{ path: "member_id" }] } } } });
    expect(answerOf(lonely)[0]).toMatchObject({ status: 422, body: { error: { code: "member_not_enrolled" } } });

    // Exactly one row per accepted external id, and exactly the fulfilments that were answered.
    const accepted = new Set(answers.filter((a) => a.status < 300).map((a) => a.body.transaction_id as string));
    expect(accepted.size).toBe(50 + extra.length + 1);
    const externalIds = [...new Set(bodies.map((b) => b.external_id))];
    const [counts] = await getDb().execute<{ transactions: number; fulfilments: number }>(sql`
      select (select count(*)::int from transactions where external_id in ${sql.raw(`('${externalIds.join("','")}')`)}) as transactions,
             (select count(*)::int from fulfilments f join transactions t on t.id = f.transaction_id where t.external_id in ${sql.raw(`('${externalIds.join("','")}')`)}) as fulfilments`);
    const answeredAwards = new Set(answers.filter((a) => a.status === 201).flatMap((a) => (a.body.awards as Award[]).map((w) => w.fulfilment_id)));
    expect(counts).toEqual({ transactions: accepted.size, fulfilments: answeredAwards.size });

    // Caps held across the group: at most 100 per member from the capped offer, and the balances are the postings.
    for (const m of members) {
      const [row] = await getDb().execute<{ total: number }>(sql`select coalesce(sum(value), 0)::int as total from fulfilments where member_id = ${m.id} and offer_id = ${capped.id}`);
      expect(row!.total).toBe(100);
      const awarded = answers.filter((a) => a.status === 201 && bodies[answers.indexOf(a)]!.member_id === m.id).flatMap((a) => (a.body.awards as Award[]).map((w) => w.points));
      expect((await getMemberPoints(getDb(), m.id)).group.current).toBe(awarded.reduce((x, y) => x + y, 0));
    }
    await expectLedgerHealthy();
  });

  it("a group that fails as a whole is written again one by one, so only the bad transaction fails", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { rule: { kind: "flat", value: 10 } });
    const member = await makeMember([program.id]);
    const groups: number[] = [];
    // A stand-in for a transaction that breaks its statement (a bug, a constraint): it fails any group it is in.
    const committer = new TransactionGroupCommit(getDb(), async (tx, actor, items, now) => {
      groups.push(items.length);
      if (items.some((t) => t.input.externalId.startsWith("BOOM"))) throw new Error("boom");
      return ingestSingles(tx, actor, items, now);
    });
    const bodies = Array.from({ length: 20 }, (_, i) => purchase(member.id, 10_000, i === 7 ? { external_id: `BOOM-${randomUUID()}` } : {}));
    const outcomes = await Promise.allSettled(bodies.map((b) => committer.submit(systemTestActor, { memberRef: b.member_id, input: transactionFieldsFromJson(b as never) })));
    expect(Math.max(...groups)).toBeGreaterThan(1); // they were grouped
    outcomes.forEach((o, i) => {
      if (i === 7) expect(o).toMatchObject({ status: "rejected", reason: { message: "boom" } });
      else expect(o).toMatchObject({ status: "fulfilled", value: { ok: true, result: { repeated: false } } });
    });
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(19 * 10);
    const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from transactions where member_id = ${member.id}`);
    expect(row!.n).toBe(19);
    await expectLedgerHealthy();
  });
});
