import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { checkLedgerIntegrity, outstandingByProgram } from "@/lib/ledger/health";
import { seedDemoData } from "@/lib/seed";

describe("demo data", () => {
  it("loads users, programmes and a balanced ledger once, and a second run changes nothing", async () => {
    const first = await seedDemoData(getDb());
    expect(first.created).toContain("demo programmes and members");
    const outstanding = await outstandingByProgram(getDb());
    expect(outstanding.map((p) => p.code)).toEqual(["COAL", "DINE", "TRVL"]);
    expect(outstanding.reduce((s, p) => s + p.outstandingPoints, 0)).toBe(4_200 + 1_250 + 3_000 + 2_500 + 600 + 8_000 - 2_000);
    expect((await checkLedgerIntegrity(getDb())).ok).toBe(true);
    expect((await seedDemoData(getDb())).created).toEqual([]);
  });
});
