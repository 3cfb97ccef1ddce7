import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db";
import { awardPoints } from "@/lib/ledger/award";
import { checkLedgerIntegrity } from "@/lib/ledger/health";
import { enrolMember } from "@/lib/members";
import { createProgram } from "@/lib/programs";
import type { ProgramInput } from "@/lib/programs/schemas";
import { systemTestActor } from "./fixtures";

export async function makeProgram(overrides: Partial<ProgramInput> = {}) {
  return createProgram(getDb(), systemTestActor, {
    code: `P${randomUUID().slice(0, 6).toUpperCase()}`,
    name: "Test programme",
    pointsToCurrency: "0.25",
    currency: "INR",
    timeZone: "Asia/Kolkata",
    minRedemptionPoints: 1,
    maxRedemptionPoints: null,
    redemptionMultipleOf: 1,
    ...overrides,
  });
}

export async function makeMember(programIds: string[]) {
  return enrolMember(getDb(), systemTestActor, { externalId: `C-${randomUUID()}`, programIds, attributes: {} });
}

export async function award(memberId: string, programId: string, points: number, awardedAt?: Date) {
  return awardPoints(getDb(), systemTestActor, { memberId, programId, points, reason: "test", awardedAt });
}

/** The ledger invariants, checked in SQL: every entry balances, balances equal postings and lots, none negative. */
export async function expectLedgerHealthy() {
  const report = await checkLedgerIntegrity(getDb());
  expect(report).toMatchObject({ ok: true, unbalancedEntries: 0, balanceMismatches: 0, lotMismatches: 0, lotMovementMismatches: 0, orphanRows: 0 });
  const [neg] = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from member_programs where current < 0`);
  expect(neg!.n).toBe("0");
}
