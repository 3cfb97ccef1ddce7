/** PostgreSQL text cannot hold NUL characters: any request carrying one is a clear 422, never a 500, and writes nothing. */
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { POST as membersPOST } from "@/app/api/v1/members/route";
import { GET as memberGET } from "@/app/api/v1/members/[member_id]/route";
import { POST as awardPOST } from "@/app/api/v1/points/award/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { POST as batchPOST } from "@/app/api/v1/transactions/batch/route";
import { getDb } from "@/db";
import { makeMember, makeProgram } from "../support/ledger";
import { call, purchase, useApiKey } from "../support/transactions";

beforeAll(async () => {
  await useApiKey();
});

describe("NUL characters", () => {
  it("are refused with validation_failed wherever they hide: body values, body keys, path, and with an Idempotency-Key", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    const audits = async () => (await getDb().select({ n: count() }).from(auditLog))[0]!.n;
    const before = await audits();
    const cases = [
      await call(membersPOST, "/api/v1/members", { body: { external_id: "CUST-\u0000-1", program_ids: [program.id] } }),
      await call(awardPOST, "/api/v1/points/award", { body: { member_id: member.id, program_id: program.id, points: 10, reason: "bonus\u0000", external_reference: "R-1" } }),
      await call(transactionsPOST, "/api/v1/transactions", { body: purchase("ext:CUST\u0000X", 10_000), key: "nul-key-1" }),
      await call(transactionsPOST, "/api/v1/transactions", { body: { ...purchase(member.id, 10_000), ["merchant\u0000"]: "x" }, key: "nul-key-2" }),
      await call(memberGET, "/api/v1/members/x", { params: { member_id: "ext:A\u0000B" } }),
    ];
    for (const res of cases) {
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect(cases[1]!.body.error.details.issues).toEqual([{ path: "reason", message: "Contains a NUL character." }]);
    expect(await audits()).toBe(before);
  });

  it("in a batch, reject only the row that carries one", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    const res = await call(batchPOST, "/api/v1/transactions/batch", { body: { transactions: [purchase(member.id, 10_000), purchase(member.id, 10_000, { merchant_name: "Cafe\u0000" })] } });
    expect(res.status).toBe(200);
    const [good, bad] = res.body.results as { index: number; transaction_id?: string; error?: { code: string } }[];
    expect(good).toMatchObject({ index: 0, transaction_id: expect.any(String) });
    expect(bad).toMatchObject({ index: 1, error: { code: "invalid_transaction" } });
  });
});
