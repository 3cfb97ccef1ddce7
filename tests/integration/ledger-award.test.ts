import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { awardPoints, awardPointsBatch } from "@/lib/ledger/award";
import { getMemberPoints } from "@/lib/ledger/balances";
import { redeemPoints } from "@/lib/ledger/redeem";
import { addExpiryStrategy, updateProgram } from "@/lib/programs";
import { DomainError } from "@/lib/errors";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { systemTestActor as actor } from "../support/fixtures";

describe("awards", () => {
  it("a batch writes its valid awards together and answers each bad one with its own error, writing nothing for it", async () => {
    const program = await makeProgram();
    const other = await makeProgram();
    const member = await makeMember([program.id]);
    const outsider = await makeMember([other.id]);
    const outcomes = await awardPointsBatch(getDb(), actor, [
      { memberId: member.id, programId: program.id, points: 100, reason: "welcome" },
      { memberId: outsider.id, programId: program.id, points: 50, reason: "not enrolled here" },
      { memberId: member.id, programId: program.id, points: 0, reason: "zero" },
      { memberId: member.id, programId: program.id, points: 25, reason: "bonus" },
      { memberId: member.id, programId: program.id, points: 10, reason: "bad strategy", expiryStrategyId: "00000000-0000-4000-8000-000000000000" },
      { memberId: member.id, programId: program.id, points: 7, reason: "future", awardedAt: new Date(Date.now() + 86_400_000) },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.award.points : o.error.code))).toEqual([
      100,
      "member_not_enrolled",
      "invalid_points",
      25,
      "expiry_strategy_not_found",
      "awarded_at_in_future",
    ]);
    const points = await getMemberPoints(getDb(), member.id);
    expect(points.group).toMatchObject({ current: 125, lifetime: 125 });
    expect(points.expirySchedule.map((l) => l.pointsLeft).sort((a, b) => a - b)).toEqual([25, 100]);
    expect((await getMemberPoints(getDb(), outsider.id)).group.current).toBe(0);
    const [audit] = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from audit_log where action = 'points.award' and entity_id = ${member.id}`);
    expect(audit!.n).toBe("2");
    await expectLedgerHealthy();
  });

  it("an award made after the programme's terms changed uses the new terms, even when this process cached the old ones", async () => {
    const program = await makeProgram({ timeZone: "Asia/Kolkata" });
    const member = await makeMember([program.id]);
    await award(member.id, program.id, 10); // caches the programme's terms: the default strategy never expires
    const at = new Date("2026-03-10T12:00:00Z");
    await addExpiryStrategy(getDb(), actor, program.id, { name: "12 months", kind: "months", amount: 12, isDefault: true });
    const first = await awardPoints(getDb(), actor, { memberId: member.id, programId: program.id, points: 20, reason: "after", awardedAt: at });
    expect(first.expiresAt).not.toBeNull();

    // The time zone moves the expiry instant: the award must use the new zone.
    const before = first.expiresAt!.getTime();
    await updateProgram(getDb(), actor, program.id, { ...programInput(program), timeZone: "America/New_York" });
    const second = await awardPoints(getDb(), actor, { memberId: member.id, programId: program.id, points: 30, reason: "after", awardedAt: at });
    expect(second.expiresAt!.getTime()).not.toBe(before);
    expect(second.expiresAt!.getTime() - before).toBe(10.5 * 3_600_000); // the same local day starts at +05:30, then at −05:00 (EST until 14 March 2027)
    await expectLedgerHealthy();
  });

  it("an award to a member who is not enrolled is refused with its own code, alone or among concurrent awards", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    const stranger = await makeMember([(await makeProgram()).id]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => awardPoints(getDb(), actor, { memberId: i % 5 === 0 ? stranger.id : member.id, programId: program.id, points: 10, reason: "mixed" })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as DomainError).code).toBe("member_not_enrolled");
    expect((await getMemberPoints(getDb(), member.id)).group.current).toBe(160);
    await expectLedgerHealthy();
  });

  it("hundreds of concurrent awards and group redemptions across members and programmes lose and create nothing", async () => {
    const programs = [await makeProgram(), await makeProgram(), await makeProgram()];
    const { setDefaultProgram } = await import("@/lib/programs");
    await setDefaultProgram(getDb(), actor, programs[0]!.id);
    const members = await Promise.all(Array.from({ length: 6 }, () => makeMember(programs.map((p) => p.id))));
    for (const m of members) await award(m.id, programs[2]!.id, 40);
    let awarded = 40 * members.length;
    let redeemed = 0;
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      const member = members[i % members.length]!;
      if (i % 4 === 3) {
        work.push(
          redeemPoints(getDb(), actor, { memberId: member.id, programId: programs[0]!.id, points: 15, group: true }).then(
            () => (redeemed += 15),
            (e: unknown) => expect((e as DomainError).code).toBe("insufficient_points"),
          ),
        );
      } else {
        const points = 5 + (i % 7);
        work.push(awardPoints(getDb(), actor, { memberId: member.id, programId: programs[i % 3]!.id, points, reason: "race" }).then(() => (awarded += points)));
      }
    }
    // And a batch in the middle of it all.
    work.push(
      awardPointsBatch(getDb(), actor, members.map((m) => ({ memberId: m.id, programId: programs[1]!.id, points: 3, reason: "batch" }))).then((outcomes) => {
        expect(outcomes.every((o) => o.ok)).toBe(true);
        awarded += 3 * members.length;
      }),
    );
    await Promise.all(work);
    let current = 0;
    let lifetime = 0;
    for (const m of members) {
      const g = (await getMemberPoints(getDb(), m.id)).group;
      current += g.current;
      lifetime += g.lifetime;
      expect(g.lifetime).toBe(g.current + g.redeemed + g.expired);
    }
    expect(lifetime).toBe(awarded);
    expect(current).toBe(awarded - redeemed);
    expect(redeemed).toBeGreaterThan(0);
    await expectLedgerHealthy();
  });
});

function programInput(p: Awaited<ReturnType<typeof makeProgram>>) {
  return {
    code: p.code,
    name: p.name,
    pointsToCurrency: p.pointsToCurrency,
    currency: p.currency,
    timeZone: p.timeZone,
    minRedemptionPoints: p.minRedemptionPoints,
    maxRedemptionPoints: p.maxRedemptionPoints,
    redemptionMultipleOf: p.redemptionMultipleOf,
  };
}
