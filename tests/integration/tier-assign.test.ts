/** Putting a member in a tier by hand: history with the reason, audit, refusals, and racing changes. */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { addTier } from "@/lib/programs";
import { assignTier } from "@/lib/tiers";
import { actorFor, makeUser, systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";

async function setUp() {
  const db = getDb();
  const program = await makeProgram();
  const gold = await addTier(db, systemTestActor, program.id, { name: "Gold" });
  const platinum = await addTier(db, systemTestActor, program.id, { name: "Platinum" });
  const member = await makeMember([program.id]);
  const manager = actorFor(await makeUser(["program_manager"]));
  return { db, program, gold, platinum, member, manager };
}
const tierOf = async (memberId: string) => (await getDb().execute<{ name: string }>(sql`select t.name from member_programs mp join tiers t on t.id = mp.tier_id where mp.member_id = ${memberId}`))[0]!.name;

describe("assigning a tier by hand", () => {
  it("moves the member, writes the tier history with the reason and the audit record, and awards no bonus", async () => {
    const { db, program, platinum, member, manager } = await setUp();
    await assignTier(db, manager, { memberId: member.id, programId: program.id, tierId: platinum.id, reason: "Status match with another bank" });
    expect(await tierOf(member.id)).toBe("Platinum");
    const history = await db.execute<{ reason: string; actor_label: string }>(sql`select reason, actor_label from member_tier_changes where member_id = ${member.id} order by id desc limit 1`);
    expect(history[0]).toEqual({ reason: "Set by hand: Status match with another bank", actor_label: manager.label });
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'member.tier.assign' and entity_id = ${member.id}`);
    expect(audit[0]!.n).toBe(1);
    const points = await db.execute<{ current: string }>(sql`select current::text from member_programs where member_id = ${member.id}`);
    expect(points[0]!.current).toBe("0");
  });

  it("refuses, changing nothing, a tier of another programme, the current tier, and a missing reason", async () => {
    const { db, program, gold, member, manager } = await setUp();
    const other = await addTier(db, systemTestActor, (await makeProgram()).id, { name: "Elsewhere" });
    await expect(assignTier(db, manager, { memberId: member.id, programId: program.id, tierId: other.id, reason: "Wrong programme" })).rejects.toMatchObject({ code: "tier_not_found" });
    await expect(assignTier(db, manager, { memberId: member.id, programId: program.id, tierId: gold.id, reason: " " })).rejects.toMatchObject({ code: "validation_failed", details: { field: "reason" } });
    const base = (await db.execute<{ id: string }>(sql`select tier_id as id from member_programs where member_id = ${member.id}`))[0]!.id;
    await expect(assignTier(db, manager, { memberId: member.id, programId: program.id, tierId: base, reason: "Already there" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(assignTier(db, manager, { memberId: member.id, programId: (await makeProgram()).id, tierId: gold.id, reason: "Not enrolled" })).rejects.toMatchObject({ code: "member_not_enrolled" });
    expect(await tierOf(member.id)).toBe("Base");
    const history = await db.execute<{ n: number }>(sql`select count(*)::int as n from member_tier_changes where member_id = ${member.id}`);
    expect(history[0]!.n).toBe(1); // only the enrolment
  });

  it("two managers changing one member's tier at once: both land one after the other, each in the history from the tier the other left", async () => {
    const { db, program, gold, platinum, member, manager } = await setUp();
    const other = actorFor(await makeUser(["program_manager"]));
    const results = await Promise.allSettled([
      assignTier(db, manager, { memberId: member.id, programId: program.id, tierId: gold.id, reason: "Gold by one" }),
      assignTier(db, other, { memberId: member.id, programId: program.id, tierId: platinum.id, reason: "Platinum by another" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const rows = await db.execute<{ from_tier: string | null; to_tier: string }>(sql`
      select ft.name as from_tier, tt.name as to_tier from member_tier_changes h left join tiers ft on ft.id = h.from_tier_id join tiers tt on tt.id = h.to_tier_id
      where h.member_id = ${member.id} order by h.id`);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.from_tier).toBe("Base");
    expect(rows[2]!.from_tier).toBe(rows[1]!.to_tier);
    expect(await tierOf(member.id)).toBe(rows[2]!.to_tier);
  });
});
