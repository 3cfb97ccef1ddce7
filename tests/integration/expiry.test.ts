import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { expirePoints } from "@/lib/expiry/expire";
import { jobHandlers, SCHEDULED_JOBS } from "@/lib/jobs";
import { getMemberPoints } from "@/lib/ledger/balances";
import { redeemPoints } from "@/lib/ledger/redeem";
import { listMemberTimeline } from "@/lib/members/timeline";
import { addExpiryStrategy } from "@/lib/programs";
import { systemTestActor as actor } from "../support/fixtures";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

/** A programme in Asia/Kolkata whose points expire 30 days after they are awarded (at the local midnight ending the 30th day). */
async function thirtyDayProgram() {
  const program = await makeProgram({ timeZone: "Asia/Kolkata" });
  await addExpiryStrategy(getDb(), actor, program.id, { name: "30 days", kind: "days", amount: 30, isDefault: true });
  return program;
}

async function balance(memberId: string, programId: string) {
  const points = await getMemberPoints(getDb(), memberId, new Date(0));
  return points.programs.find((p) => p.programId === programId)!;
}

/** Every lot's expiry movements: the number of movements and points per lot, for the given members. */
async function expiryMovements(memberIds: string[]) {
  return getDb().execute<{ lot_id: string; n: number; points: string }>(sql`
    select m.lot_id::text, count(*)::int as n, sum(m.points)::text as points
    from lot_movements m join journal_entries e on e.id = m.entry_id join lots l on l.id = m.lot_id
    where e.kind = 'expiry' and l.member_id in ${sql.raw(`('${memberIds.join("','")}')`)}
    group by m.lot_id`);
}

// Awarded 2025-01-10 11:30 IST: 30 days on, the points are spendable through 2025-02-09 and expire at
// 2025-02-10 00:00 IST, i.e. 2025-02-09 18:30 UTC.
const AWARDED = new Date("2025-01-10T06:00:00Z");
const MIDNIGHT_IST = new Date("2025-02-09T18:30:00.000Z");

describe("points expiry", () => {
  it("expires a lot at the programme's local midnight, not a millisecond before", async () => {
    const program = await thirtyDayProgram();
    const member = await makeMember([program.id]);
    const lot = await award(member.id, program.id, 120, AWARDED);
    expect(lot.expiresAt).toEqual(MIDNIGHT_IST);

    const before = await expirePoints(getDb(), { now: new Date(MIDNIGHT_IST.getTime() - 1) });
    expect(before.lots).toBe(0);
    expect(await balance(member.id, program.id)).toMatchObject({ current: 120, expired: 0 });

    const at = await expirePoints(getDb(), { now: MIDNIGHT_IST });
    expect(at).toMatchObject({ lots: 1, memberPrograms: 1, points: 120 });
    expect(await balance(member.id, program.id)).toMatchObject({ current: 0, expired: 120, lifetime: 120 });
    await expectLedgerHealthy();

    // Shown on the member's timeline as an expiry of 120 points in the programme.
    const timeline = await listMemberTimeline(getDb(), member.id, { kinds: ["expiry"] });
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ kind: "expiry", memo: "Expired: 1 lot", at: MIDNIGHT_IST });
    expect(timeline.items[0]!.kind === "expiry" && timeline.items[0]!.points).toEqual([{ programCode: program.code, points: -120 }]);

    // One audit record per batch, with its counts.
    const [audit] = await getDb().execute<{ after: { lots: number; points: number } }>(
      sql`select after from audit_log where action = 'points.expire' and (after->>'now')::timestamptz = ${MIDNIGHT_IST.toISOString()}::timestamptz`,
    );
    expect(audit!.after).toMatchObject({ lots: 1, points: 120, memberPrograms: 1 });

    // Running again expires nothing more.
    expect((await expirePoints(getDb(), { now: new Date(MIDNIGHT_IST.getTime() + 86_400_000) })).lots).toBe(0);
    expect(await balance(member.id, program.id)).toMatchObject({ current: 0, expired: 120 });
  });

  it("expires only what is left of a lot after a redemption, and leaves unexpired lots alone", async () => {
    const program = await thirtyDayProgram();
    const member = await makeMember([program.id]);
    await award(member.id, program.id, 100, AWARDED); // expires at MIDNIGHT_IST
    await award(member.id, program.id, 80, new Date("2025-01-20T06:00:00Z")); // ten days later
    await redeemPoints(getDb(), actor, { memberId: member.id, programId: program.id, points: 30, group: false }, new Date("2025-01-25T06:00:00Z"));

    const run = await expirePoints(getDb(), { now: MIDNIGHT_IST });
    expect(run).toMatchObject({ lots: 1, points: 70 });
    expect(await balance(member.id, program.id)).toMatchObject({ current: 80, redeemed: 30, expired: 70, lifetime: 180 });
    const left = await getMemberPoints(getDb(), member.id, MIDNIGHT_IST);
    expect(left.expirySchedule.map((l) => l.pointsLeft)).toEqual([80]);
    await expectLedgerHealthy();
  });

  it("a redemption racing the job never spends an expired point and never loses an unexpired one", async () => {
    const program = await thirtyDayProgram();
    for (let i = 0; i < 12; i++) {
      const member = await makeMember([program.id]);
      await award(member.id, program.id, 100, AWARDED); // expires at MIDNIGHT_IST
      await award(member.id, program.id, 60, new Date("2025-01-25T06:00:00Z")); // still spendable then
      // At the expiry instant only the 60 unexpired points can be spent, whoever gets the row first.
      const tooMuch = i % 2 === 0;
      const [redeemed, run] = await Promise.allSettled([
        redeemPoints(getDb(), actor, { memberId: member.id, programId: program.id, points: tooMuch ? 61 : 50, group: false }, MIDNIGHT_IST),
        expirePoints(getDb(), { now: MIDNIGHT_IST, batchSize: 1 }),
      ]);
      expect(run.status).toBe("fulfilled");
      if (tooMuch) {
        expect(redeemed).toMatchObject({ status: "rejected", reason: { code: "insufficient_points" } });
        expect(await balance(member.id, program.id)).toMatchObject({ current: 60, expired: 100, redeemed: 0, lifetime: 160 });
      } else {
        expect(redeemed.status).toBe("fulfilled");
        expect(await balance(member.id, program.id)).toMatchObject({ current: 10, expired: 100, redeemed: 50, lifetime: 160 });
      }
      expect((await getMemberPoints(getDb(), member.id, MIDNIGHT_IST)).expirySchedule.map((l) => l.pointsLeft)).toEqual([tooMuch ? 60 : 10]);
    }
    await expectLedgerHealthy();
  });

  it("a redemption made just before the expiry, racing the job, is either taken whole or refused whole", async () => {
    const program = await thirtyDayProgram();
    const justBefore = new Date(MIDNIGHT_IST.getTime() - 1);
    for (let i = 0; i < 12; i++) {
      const member = await makeMember([program.id]);
      await award(member.id, program.id, 100, AWARDED);
      await award(member.id, program.id, 60, new Date("2025-01-25T06:00:00Z"));
      const [redeemed] = await Promise.allSettled([
        redeemPoints(getDb(), actor, { memberId: member.id, programId: program.id, points: 130, group: false }, justBefore),
        expirePoints(getDb(), { now: MIDNIGHT_IST, batchSize: 1 }),
      ]);
      const b = await balance(member.id, program.id);
      // Redemption first: 100 (expiring) + 30 spent, nothing left to expire. Job first: 100 expired, 130 refused.
      if (redeemed.status === "fulfilled") expect(b).toMatchObject({ current: 30, redeemed: 130, expired: 0 });
      else expect(b).toMatchObject({ current: 60, redeemed: 0, expired: 100 });
      expect(b.current + b.redeemed + b.expired).toBe(b.lifetime);
    }
    await expectLedgerHealthy();
  });

  it("two runs at once expire each lot exactly once", async () => {
    const program = await thirtyDayProgram();
    const other = await thirtyDayProgram();
    const now = new Date("2025-03-01T00:00:00Z");
    const members = [];
    for (let i = 0; i < 40; i++) {
      const m = await makeMember([program.id, other.id]);
      members.push(m.id);
      await award(m.id, program.id, 10 + i, AWARDED);
      await award(m.id, program.id, 5, new Date("2025-01-12T06:00:00Z"));
      await award(m.id, other.id, 7, AWARDED);
    }
    const runs = await Promise.all([expirePoints(getDb(), { now, batchSize: 7 }), expirePoints(getDb(), { now, batchSize: 5 })]);
    const movements = await expiryMovements(members);
    expect(movements).toHaveLength(120);
    expect(movements.every((m) => m.n === 1)).toBe(true);
    expect(runs[0]!.lots + runs[1]!.lots).toBeGreaterThanOrEqual(120);
    const [totals] = await getDb().execute<{ expired: string; current: string; entries: number }>(sql`
      select sum(expired)::text as expired, sum(current)::text as current,
             (select count(*)::int from journal_entries where kind = 'expiry' and member_id in ${sql.raw(`('${members.join("','")}')`)}) as entries
      from member_programs where member_id in ${sql.raw(`('${members.join("','")}')`)}`);
    // Σ(10..49) + 40×5 + 40×7, and one entry per member-programme.
    expect(totals).toEqual({ expired: String(1180 + 200 + 280), current: "0", entries: 80 });
    await expectLedgerHealthy();
  });

  it("runs as the scheduled job points.expire, which reports the lots it expired", async () => {
    expect(SCHEDULED_JOBS["points.expire"].cron).toBe("*/15 * * * *");
    const program = await thirtyDayProgram();
    const member = await makeMember([program.id]);
    await award(member.id, program.id, 40, AWARDED);
    // The scheduled handler runs with the current time: every lot due by now expires.
    expect(await jobHandlers["points.expire"](getDb())).toBeGreaterThanOrEqual(1);
    expect(await balance(member.id, program.id)).toMatchObject({ current: 0, expired: 40 });
    expect(await jobHandlers["points.expire"](getDb())).toBe(0);
    await expectLedgerHealthy();
  });
});
