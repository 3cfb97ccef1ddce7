import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getMemberPoints } from "@/lib/ledger/balances";
import { checkRedeemable, listRedemptions, redeemPoints, reverseRedemption } from "@/lib/ledger/redeem";
import { setDefaultProgram, setGroupRedemptionRules } from "@/lib/programs";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { systemTestActor as actor } from "../support/fixtures";

const day = (iso: string) => new Date(`${iso}T06:00:00Z`);

describe("redemption", () => {
  it("a group redemption takes earliest-expiring points first across programmes, ties to the earliest awarded", async () => {
    const main = await makeProgram({ pointsToCurrency: "0.5" });
    await setDefaultProgram(getDb(), actor, main.id);
    const hotel = await makeProgram();
    const member = await makeMember([main.id, hotel.id]);
    const { addExpiryStrategy } = await import("@/lib/programs");
    const year = await addExpiryStrategy(getDb(), actor, hotel.id, { name: "1 year", kind: "months", amount: 12, isDefault: true });
    await addExpiryStrategy(getDb(), actor, main.id, { name: "1 year", kind: "months", amount: 12, isDefault: true });
    await award(member.id, main.id, 100, day("2026-03-01")); // expires 2027-03-02
    await award(member.id, hotel.id, 70, day("2026-01-10")); // expires 2027-01-11: first
    await award(member.id, main.id, 50, day("2026-01-10")); // same expiry as hotel's, awarded same day
    expect(year.kind).toBe("months");

    const r = await redeemPoints(getDb(), actor, { memberId: member.id, programId: main.id, points: 150, group: true, externalReference: "ORDER-1" });
    expect(r.breakupByProgram).toEqual([
      { program_id: hotel.id, points: 70 },
      { program_id: main.id, points: 80 },
    ]);
    expect(r.currencyValueMinor).toBe(7500); // 150 × 0.5 INR = 75.00 INR, the default programme's ratio
    const points = await getMemberPoints(getDb(), member.id);
    expect(points.group).toMatchObject({ current: 70, redeemed: 150, lifetime: 220 });
    expect(points.expirySchedule.map((l) => l.pointsLeft)).toEqual([70]);
    expect((await listRedemptions(getDb(), member.id)).map((x) => x.id)).toEqual([r.id]);
    await expectLedgerHealthy();
  });

  it("a single-programme redemption spends only that programme with its own ratio", async () => {
    const a = await makeProgram({ pointsToCurrency: "1" });
    const b = await makeProgram({ pointsToCurrency: "0.25" });
    const member = await makeMember([a.id, b.id]);
    await award(member.id, a.id, 100);
    await award(member.id, b.id, 100);
    await expect(redeemPoints(getDb(), actor, { memberId: member.id, programId: b.id, points: 150, group: false })).rejects.toMatchObject({ code: "insufficient_points" });
    const r = await redeemPoints(getDb(), actor, { memberId: member.id, programId: b.id, points: 40, group: false });
    expect(r.breakupByProgram).toEqual([{ program_id: b.id, points: 40 }]);
    expect(r.currencyValueMinor).toBe(1000);
    await expectLedgerHealthy();
  });

  it("a reversal returns the points to the same lots with their original expiry", async () => {
    const p = await makeProgram();
    const member = await makeMember([p.id]);
    await award(member.id, p.id, 30, day("2026-02-01"));
    await award(member.id, p.id, 30, day("2026-03-01"));
    const before = await getMemberPoints(getDb(), member.id);
    const r = await redeemPoints(getDb(), actor, { memberId: member.id, programId: p.id, points: 45, group: false });
    const reversed = await reverseRedemption(getDb(), actor, r.id);
    expect(reversed.reversedAt).not.toBeNull();
    const after = await getMemberPoints(getDb(), member.id);
    expect(after.expirySchedule).toEqual(before.expirySchedule);
    expect(after.group).toMatchObject({ current: 60, redeemed: 0, lifetime: 60 });
    await expect(reverseRedemption(getDb(), actor, r.id)).rejects.toMatchObject({ code: "already_reversed" });
    await expectLedgerHealthy();
  });

  it("never spends points that have expired, even before the expiry job ran", async () => {
    const p = await makeProgram();
    const { addExpiryStrategy } = await import("@/lib/programs");
    const days30 = await addExpiryStrategy(getDb(), actor, p.id, { name: "30 days", kind: "days", amount: 30, isDefault: false });
    const member = await makeMember([p.id]);
    const { awardPoints } = await import("@/lib/ledger/award");
    await awardPoints(getDb(), actor, { memberId: member.id, programId: p.id, points: 100, reason: "old", awardedAt: new Date("2020-01-01T00:00:00Z"), expiryStrategyId: days30.id });
    await award(member.id, p.id, 10);
    const check = await checkRedeemable(getDb(), { memberId: member.id, programId: p.id, points: 50, group: false });
    expect(check).toMatchObject({ redeemable: false, code: "insufficient_points", available: 10 });
    await expect(redeemPoints(getDb(), actor, { memberId: member.id, programId: p.id, points: 50, group: false })).rejects.toMatchObject({ code: "insufficient_points" });
  });

  it("applies the rules: minimum, maximum, multiples, and group only with the default programme", async () => {
    const main = await makeProgram({ minRedemptionPoints: 100, maxRedemptionPoints: 1000, redemptionMultipleOf: 50 });
    await setDefaultProgram(getDb(), actor, main.id);
    const other = await makeProgram();
    const member = await makeMember([main.id, other.id]);
    await award(member.id, main.id, 5000);
    const attempt = (points: number, programId = main.id, group = true) =>
      redeemPoints(getDb(), actor, { memberId: member.id, programId, points, group });
    await expect(attempt(50)).rejects.toMatchObject({ code: "below_minimum_points" });
    await expect(attempt(1050)).rejects.toMatchObject({ code: "above_maximum_points" });
    await expect(attempt(120)).rejects.toMatchObject({ code: "not_a_multiple" });
    await expect(attempt(0)).rejects.toMatchObject({ code: "invalid_points" });
    await expect(attempt(1.5)).rejects.toMatchObject({ code: "invalid_points" });
    await expect(attempt(100, other.id, true)).rejects.toMatchObject({ code: "group_requires_default_program" });
    expect((await getMemberPoints(getDb(), member.id)).group.redeemed).toBe(0);
  });

  it("validates a group redemption with the rules of the programme the default programme names", async () => {
    const main = await makeProgram({ minRedemptionPoints: 1 });
    await setDefaultProgram(getDb(), actor, main.id);
    const strict = await makeProgram({ minRedemptionPoints: 500, redemptionMultipleOf: 100 });
    const member = await makeMember([main.id, strict.id]);
    await award(member.id, main.id, 2000);
    await setGroupRedemptionRules(getDb(), actor, main.id, strict.id);
    const group = (points: number) => redeemPoints(getDb(), actor, { memberId: member.id, programId: main.id, points, group: true });
    await expect(group(50)).rejects.toMatchObject({ code: "below_minimum_points" });
    await expect(group(550)).rejects.toMatchObject({ code: "not_a_multiple" });
    expect((await group(600)).points).toBe(600);
    // A single-programme redemption keeps the programme's own rules.
    expect((await redeemPoints(getDb(), actor, { memberId: member.id, programId: main.id, points: 50, group: false })).points).toBe(50);
    await expect(setGroupRedemptionRules(getDb(), actor, strict.id, main.id)).rejects.toMatchObject({ code: "group_requires_default_program" });
  });

  it("64 concurrent redemptions against a balance that affords exactly 10: 10 succeed, 54 get insufficient_points", async () => {
    const p = await makeProgram();
    const member = await makeMember([p.id]);
    for (let i = 0; i < 5; i++) await award(member.id, p.id, 200);
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, () => redeemPoints(getDb(), actor, { memberId: member.id, programId: p.id, points: 100, group: false })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "insufficient_points");
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(54);
    expect((await getMemberPoints(getDb(), member.id)).group).toMatchObject({ current: 0, redeemed: 1000 });
    await expectLedgerHealthy();
  });

  it("awards racing redemptions on one member never lose a credit or overspend", async () => {
    const p = await makeProgram();
    const member = await makeMember([p.id]);
    await award(member.id, p.id, 200);
    const work = Array.from({ length: 100 }, (_, i) =>
      i % 2 ? award(member.id, p.id, 10).then(() => "award") : redeemPoints(getDb(), actor, { memberId: member.id, programId: p.id, points: 15, group: false }).then(() => "redeem"),
    );
    const results = await Promise.allSettled(work);
    const redeemed = results.filter((r) => r.status === "fulfilled" && r.value === "redeem").length;
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "insufficient_points")).toBe(true);
    const points = await getMemberPoints(getDb(), member.id);
    expect(points.group).toMatchObject({ current: 200 + 50 * 10 - redeemed * 15, redeemed: redeemed * 15, lifetime: 700 });
    await expectLedgerHealthy();
  });
});
