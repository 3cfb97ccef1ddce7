/** Batches: each row on its own, in order, with its index; repeats and Idempotency-Key replays change nothing. */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batchPOST } from "@/app/api/v1/transactions/batch/route";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

beforeAll(async () => {
  await useApiKey();
});

const countTransactions = async () => Number((await getDb().execute<{ n: string }>(sql`select count(*)::text as n from transactions`))[0]!.n);

describe("transaction batches", () => {
  it("answer every row in order: a bad row gets its error and index and stops nothing else", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { rule: { kind: "flat", value: 10 }, caps: { perMember: { limit: 20, period: "day" } } });
    const [a, b] = await Promise.all([makeMember([program.id]), makeMember([program.id])]);
    const first = purchase(a.id, 1_000);
    const rows = [first, purchase(a.id, 1_000), { ...purchase(b.id, 1_000), amount: -5 }, purchase(b.id, 1_000), purchase("ext:NOBODY", 1_000), first, purchase(a.id, 1_000)];
    const res = await call(batchPOST, "/api/v1/transactions/batch", { body: { transactions: rows } });
    expect(res.status).toBe(200);
    const results = res.body.results as { index: number; transaction_id?: string; repeated?: boolean; awards?: { points: number }[]; error?: { code: string; message: string } }[];
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results[2]!.error).toMatchObject({ code: "validation_failed" });
    expect(results[2]!.error!.message).toMatch(/^amount/);
    expect(results[4]!.error).toMatchObject({ code: "member_not_found" });
    expect(results[5]).toMatchObject({ transaction_id: results[0]!.transaction_id, repeated: true });
    // Member a's rows in the order sent: 10, 10, then the daily cap of 20 is reached.
    expect([0, 1, 6].map((i) => results[i]!.awards!.map((x) => x.points))).toEqual([[10], [10], []]);
    expect((await getMemberPoints(getDb(), a.id)).group.current).toBe(20);
    expect((await getMemberPoints(getDb(), b.id)).group.current).toBe(10);
    await expectLedgerHealthy();
  });

  it("a batch repeated with its Idempotency-Key, even concurrently, replays the first answer and writes nothing", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, {});
    const member = await makeMember([program.id]);
    const body = { transactions: [purchase(member.id, 500), purchase(member.id, 700)] };
    const before = await countTransactions();
    const answers = await Promise.all([1, 2, 3].map(() => call(batchPOST, "/api/v1/transactions/batch", { body, key: `batch-${member.id}` })));
    for (const r of answers) expect(r.body).toEqual(answers[0]!.body);
    expect(await countTransactions()).toBe(before + 2);
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(200);

    const empty = await call(batchPOST, "/api/v1/transactions/batch", { body: { transactions: [] } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe("validation_failed");
  });
});
