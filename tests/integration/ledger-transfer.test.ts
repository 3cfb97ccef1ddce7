import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { checkTransferable, transferPoints } from "@/lib/ledger/transfer";
import { setDefaultProgram } from "@/lib/programs";
import { systemTestActor as actor } from "../support/fixtures";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

const transfer = (from: string, to: string, programId: string, points: number, group = false) =>
  transferPoints(getDb(), actor, { fromMemberId: from, toMemberId: to, programId, points, group });

describe("transfer", () => {
  it("a group transfer takes from all the sender's programmes and lands in the recipient's default programme", async () => {
    const main = await makeProgram();
    await setDefaultProgram(getDb(), actor, main.id);
    const other = await makeProgram();
    const alice = await makeMember([main.id, other.id]);
    const bob = await makeMember([main.id]);
    await award(alice.id, other.id, 40, new Date("2026-01-01T00:00:00Z"));
    await award(alice.id, main.id, 40, new Date("2026-02-01T00:00:00Z"));
    const t = await transfer(alice.id, bob.id, main.id, 60, true);
    expect(t.toProgramId).toBe(main.id);
    const bobs = await getMemberPoints(getDb(), bob.id);
    expect(bobs.programs).toEqual([expect.objectContaining({ programId: main.id, current: 60, transferredIn: 60, lifetime: 0 })]);
    // The recipient's lots keep the awarded dates of the points they came from.
    expect(bobs.expirySchedule.map((l) => [l.awardedAt.toISOString(), l.pointsLeft])).toEqual([
      ["2026-01-01T00:00:00.000Z", 40],
      ["2026-02-01T00:00:00.000Z", 20],
    ]);
    const alices = await getMemberPoints(getDb(), alice.id);
    expect(alices.group).toMatchObject({ current: 20, transferredOut: 60, lifetime: 80 });
    await expectLedgerHealthy();
  });

  it("a programme transfer stays in that programme; bad requests are refused and write nothing", async () => {
    const p = await makeProgram();
    const q = await makeProgram();
    const alice = await makeMember([p.id]);
    const bob = await makeMember([p.id]);
    const carol = await makeMember([q.id]);
    await award(alice.id, p.id, 50);
    await expect(transfer(alice.id, alice.id, p.id, 10)).rejects.toMatchObject({ code: "transfer_to_self" });
    await expect(transfer(alice.id, carol.id, p.id, 10)).rejects.toMatchObject({ code: "member_not_enrolled" });
    await expect(transfer(alice.id, bob.id, p.id, 51)).rejects.toMatchObject({ code: "insufficient_points" });
    await expect(transfer(alice.id, bob.id, p.id, -5)).rejects.toMatchObject({ code: "invalid_points" });
    await expect(transfer(alice.id, bob.id, p.id, 10, true)).rejects.toMatchObject({ code: expect.stringMatching(/group_requires_default_program|default_program_required/) });
    expect(await checkTransferable(getDb(), { fromMemberId: alice.id, toMemberId: bob.id, programId: p.id, points: 50, group: false })).toMatchObject({ transferable: true });
    expect((await getMemberPoints(getDb(), bob.id)).group.current).toBe(0);
    await transfer(alice.id, bob.id, p.id, 50);
    expect((await getMemberPoints(getDb(), bob.id)).group.current).toBe(50);
    await expectLedgerHealthy();
  });

  it("concurrent transfers in both directions between two members never deadlock, lose or create points", async () => {
    const p = await makeProgram();
    const a = await makeMember([p.id]);
    const b = await makeMember([p.id]);
    await award(a.id, p.id, 500);
    await award(b.id, p.id, 500);
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? transfer(a.id, b.id, p.id, 7) : transfer(b.id, a.id, p.id, 11))),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures.map((f) => (f as PromiseRejectedResult).reason?.code ?? String((f as PromiseRejectedResult).reason))).toEqual(
      failures.map(() => "insufficient_points"),
    );
    const total = (await getMemberPoints(getDb(), a.id)).group.current + (await getMemberPoints(getDb(), b.id)).group.current;
    expect(total).toBe(1000);
    await expectLedgerHealthy();
  });

  it("transfers around rings of 3 to 5 members in random order cannot deadlock", async () => {
    const p = await makeProgram();
    for (const size of [3, 4, 5]) {
      const ring: string[] = [];
      for (let i = 0; i < size; i++) {
        const m = await makeMember([p.id]);
        await award(m.id, p.id, 1000);
        ring.push(m.id);
      }
      const moves = Array.from({ length: 40 }, (_, i) => {
        const from = ring[i % size]!;
        const to = ring[(i + 1 + (i % 2)) % size]!;
        return () => transfer(from, to, p.id, 1 + (i % 9));
      }).sort(() => Math.random() - 0.5);
      const results = await Promise.allSettled(moves.map((run) => run()));
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      let total = 0;
      for (const id of ring) total += (await getMemberPoints(getDb(), id)).group.current;
      expect(total).toBe(1000 * size);
    }
    await expectLedgerHealthy();
  });
});
