/** A member's tier history: the enrolment's first tier, then each change, newest first, with the tiers' names. */
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { memberTierChanges } from "@/db/schema";
import { listTierHistory } from "@/lib/members/tier-history";
import { addTier } from "@/lib/programs";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";

describe("listTierHistory", () => {
  it("names the programme and both tiers of each change, newest first, starting from the enrolment", async () => {
    const program = await makeProgram();
    const other = await makeProgram();
    const member = await makeMember([program.id, other.id]);
    const stranger = await makeMember([program.id]);
    const [enrolment] = (await listTierHistory(getDb(), member.id)).filter((r) => r.programId === program.id);
    expect(enrolment).toMatchObject({ programCode: program.code, fromTierName: null, reason: "Enrolled", actorLabel: "test" });

    const gold = await addTier(getDb(), systemTestActor, program.id, { name: "Gold" });
    const platinum = await addTier(getDb(), systemTestActor, program.id, { name: "Platinum" });
    const later = (days: number) => new Date(Date.now() + days * 86_400_000);
    const base = { memberId: member.id, programId: program.id, actorLabel: "agent@bank.example" };
    await getDb()
      .insert(memberTierChanges)
      .values([
        { ...base, fromTierId: (await defaultTierId(program.id)) ?? null, toTierId: gold.id, reason: "Spent ₹5,00,000 this year", at: later(1) },
        { ...base, fromTierId: gold.id, toTierId: platinum.id, reason: "Goodwill upgrade", at: later(2) },
      ]);

    const rows = await listTierHistory(getDb(), member.id);
    expect(rows.map((r) => [r.programCode, r.fromTierName, r.toTierName, r.reason])).toEqual([
      [program.code, "Gold", "Platinum", "Goodwill upgrade"],
      [program.code, enrolment!.toTierName, "Gold", "Spent ₹5,00,000 this year"],
      ...rows.slice(2).map((r) => [r.programCode, null, r.toTierName, "Enrolled"]),
    ]);
    expect(rows.slice(2).map((r) => r.programCode).sort()).toEqual([program.code, other.code].sort());
    expect(await listTierHistory(getDb(), stranger.id)).toHaveLength(1);
  });
});

async function defaultTierId(programId: string): Promise<string | undefined> {
  const rows = await getDb().query.tiers.findMany({ where: (t, { and, eq }) => and(eq(t.programId, programId), eq(t.isDefault, true)) });
  return rows[0]?.id;
}
