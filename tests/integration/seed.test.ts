import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { checkLedgerIntegrity, outstandingByProgram } from "@/lib/ledger/health";
import { seedDemoData } from "@/lib/seed";
import { systemActor } from "@/lib/actor";
import { resolveMember } from "@/lib/members";
import { ingestTransaction } from "@/lib/transactions/ingest";

describe("demo data", () => {
  it("loads users, programmes and a balanced ledger once, and a second run changes nothing", async () => {
    const first = await seedDemoData(getDb());
    expect(first.created).toContain("demo programmes and members");
    expect(first.created).toContain("demo earn rules and offers");
    const outstanding = await outstandingByProgram(getDb());
    expect(outstanding.map((p) => p.code)).toEqual(["COAL", "DINE", "TRVL"]);
    expect(outstanding.reduce((s, p) => s + p.outstandingPoints, 0)).toBe(4_200 + 1_250 + 3_000 + 2_500 + 600 + 8_000 - 2_000);
    expect((await checkLedgerIntegrity(getDb())).ok).toBe(true);
    expect((await seedDemoData(getDb())).created).toEqual([]);
  });

  it("has live demo offers, so a dining purchase on a fresh install earns base points and the dining bonus", async () => {
    await seedDemoData(getDb());
    const member = await resolveMember(getDb(), "ext:CUST-100001");
    const result = await getDb().transaction((tx) =>
      ingestTransaction(tx, systemActor("test"), {
        memberId: member.id,
        externalId: "SEED-CHECK-1",
        type: "purchase",
        amount: 200_000,
        currency: "INR",
        occurredAt: new Date(Date.now() - 60_000),
        merchantName: "Toit",
        mcc: "5812",
        country: "IN",
      }),
    );
    const awards = result.awards.map((a) => [a.offerId === null ? "base" : "offer", a.narration, a.value, a.state]);
    expect(awards).toContainEqual(["offer", "2,000 bonus points for dining at Toit", 2_000, "posted"]); // 5 % = 10,000, capped at 2,000 a month
    expect(awards).toContainEqual(["base", "2,000 Coalition points on 2,000.00 at Toit", 2_000, "posted"]); // 1 % of 200,000 paise
  });
});
