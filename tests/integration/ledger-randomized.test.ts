/**
 * Thousands of mixed operations (award, redeem, transfer, reverse) across programmes, in a seeded
 * random order; after every step total points are conserved and every member's identities hold.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { redeemPoints, reverseRedemption } from "@/lib/ledger/redeem";
import { transferPoints } from "@/lib/ledger/transfer";
import { setDefaultProgram } from "@/lib/programs";
import { systemTestActor as actor } from "../support/fixtures";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

/** mulberry32: a small seeded generator, so a failure can be replayed with its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("randomized ledger", () => {
  it("conserves points and keeps every identity through 2,000 mixed operations", { timeout: 240_000 }, async () => {
    const seed = Number(process.env.LEDGER_SEED ?? 20261123);
    const rnd = random(seed);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const programs = [await makeProgram(), await makeProgram(), await makeProgram()];
    await setDefaultProgram(getDb(), actor, programs[0]!.id);
    const members = [];
    for (let i = 0; i < 8; i++) members.push(await makeMember(programs.map((p) => p.id)));
    const redemptionIds: string[] = [];
    let awarded = 0;

    for (let step = 0; step < 2000; step++) {
      const op = rnd();
      const m = pick(members).id;
      const p = pick(programs).id;
      const points = 1 + Math.floor(rnd() * 150);
      try {
        if (op < 0.35) {
          await award(m, p, points);
          awarded += points;
        } else if (op < 0.65) {
          const group = rnd() < 0.5;
          const r = await redeemPoints(getDb(), actor, { memberId: m, programId: group ? programs[0]!.id : p, points, group });
          redemptionIds.push(r.id);
        } else if (op < 0.9) {
          const to = pick(members.filter((x) => x.id !== m)).id;
          const group = rnd() < 0.5;
          await transferPoints(getDb(), actor, { fromMemberId: m, toMemberId: to, programId: group ? programs[0]!.id : p, points, group });
        } else if (redemptionIds.length) {
          await reverseRedemption(getDb(), actor, pick(redemptionIds));
        }
      } catch (error) {
        if (!isDomainError(error) || !["insufficient_points", "already_reversed"].includes(error.code)) throw new Error(`seed ${seed} step ${step}: ${error}`);
      }
      if (step % 50 === 49 || step === 1999) {
        const [row] = await getDb().execute<{ current: string; redeemed: string; lifetime: string; tin: string; tout: string; bad: string }>(sql`
          select sum(current)::text as current, sum(redeemed)::text as redeemed, sum(lifetime)::text as lifetime,
                 sum(transferred_in)::text as tin, sum(transferred_out)::text as tout,
                 count(*) filter (where lifetime + transferred_in - transferred_out <> current + expired + redeemed)::text as bad
          from member_programs`);
        // Conservation: everything awarded is either held or redeemed; transfers only move it.
        expect(Number(row!.current) + Number(row!.redeemed), `seed ${seed} step ${step}`).toBe(awarded);
        expect(Number(row!.lifetime)).toBe(awarded);
        expect(row!.tin).toBe(row!.tout);
        // Per member and programme: earned + received − sent = held + expired + redeemed.
        expect(row!.bad).toBe("0");
        await expectLedgerHealthy();
      }
    }
    expect(redemptionIds.length).toBeGreaterThan(100);
  });
});
