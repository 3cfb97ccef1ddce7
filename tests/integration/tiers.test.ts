import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, lots, memberPrograms, memberTierChanges, tiers } from "@/db/schema";
import { addMonthsUtc, trackerKey } from "@/lib/engine";
import { addTier } from "@/lib/programs";
import { setBaseEarnRule } from "@/lib/programs/earn-rule";
import { recordTierChanges, runTierDowngrades, setTierRules, tiersUsingTrackers } from "@/lib/tiers";
import { ingestTransaction } from "@/lib/transactions/ingest";
import { systemTestActor } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

const db = getDb();
const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
let program: { id: string };
let base: { id: string };
let silver: { id: string };
let gold: { id: string };

/** A purchase of `amount` paise an hour before `now`, recorded as the API would, in its own transaction. */
const buy = (memberId: string, amount: number, now = T0) =>
  db.transaction((tx) =>
    ingestTransaction(tx, systemTestActor, { memberId, externalId: `T-${randomUUID()}`, type: "purchase", amount, currency: "INR", occurredAt: new Date(now.getTime() - 3_600_000) }, now),
  );
const tierOf = async (memberId: string) => (await db.select({ tierId: memberPrograms.tierId }).from(memberPrograms).where(and(eq(memberPrograms.memberId, memberId), eq(memberPrograms.programId, program.id))))[0]!.tierId;
const changesOf = (memberId: string) => db.select().from(memberTierChanges).where(eq(memberTierChanges.memberId, memberId)).orderBy(asc(memberTierChanges.id));
const pointsOf = async (memberId: string) => (await db.select().from(memberPrograms).where(eq(memberPrograms.memberId, memberId)))[0]!;
const tierAudits = (memberId: string) =>
  db.select({ action: auditLog.action, actorLabel: auditLog.actorLabel, before: auditLog.before, after: auditLog.after }).from(auditLog)
    .where(and(eq(auditLog.entityType, "member"), eq(auditLog.entityId, memberId), sql`${auditLog.action} like 'member.tier.%'`)).orderBy(asc(auditLog.id));
const NONE = { upgrade: null, downgrade: null, earnMultiplier: null, upgradeBonusPoints: null };

beforeAll(async () => {
  const p = await makeProgram({ timeZone: "UTC" });
  program = p;
  // 1 % of the amount in paise: ₹1,000 (100,000 paise) earns 1,000 points.
  await setBaseEarnRule(db, systemTestActor, p.id, { rule: { kind: "percentage", rate: "1" }, narration: "{points} base points" });
  base = (await db.select().from(tiers).where(eq(tiers.programId, p.id)))[0]!;
  silver = await addTier(db, systemTestActor, p.id, { name: "Silver" });
  gold = await addTier(db, systemTestActor, p.id, { name: "Gold" });
  // Silver: spend of ₹1,000 in the last 365 days (entered in rupees, stored in paise).
  await setTierRules(db, systemTestActor, silver.id, { ...NONE, upgrade: { kind: "tracker", tracker: { metric: "transaction_amount", window: { kind: "rolling_days", days: 365 } }, threshold: 1_000 } }, { thresholdInMajorUnits: true });
  await setTierRules(db, systemTestActor, gold.id, { upgrade: { kind: "lifetime_points", threshold: 5_000 }, downgrade: { kind: "inactivity", months: 6 }, earnMultiplier: "1.25", upgradeBonusPoints: 500 });
});

describe("tier rules", () => {
  it("stores the money threshold in minor units and audits the change", async () => {
    const [row] = await db.select().from(tiers).where(eq(tiers.id, silver.id));
    expect(row!.upgradeRule).toMatchObject({ kind: "tracker", threshold: 100_000 });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "tier.rules"), eq(auditLog.entityId, gold.id)));
    expect(audits).toHaveLength(1);
    const uses = await tiersUsingTrackers(db);
    expect(uses.get(trackerKey({ metric: "transaction_amount", window: { kind: "rolling_days", days: 365 } }))).toContainEqual({ programId: program.id, tierId: silver.id, tierName: "Silver", rule: "upgrade" });
  });

  it("refuses rules on the default tier, with nothing written", async () => {
    await expect(setTierRules(db, systemTestActor, base.id, { ...NONE, downgrade: { kind: "inactivity", months: 3 } })).rejects.toMatchObject({ code: "default_tier_rules" });
    await expect(setTierRules(db, systemTestActor, randomUUID(), NONE)).rejects.toMatchObject({ code: "tier_not_found" });
    const [row] = await db.select().from(tiers).where(eq(tiers.id, base.id));
    expect(row!.downgradeRule).toBeNull();
  });
});

describe("upgrades within the transaction that crosses the threshold", () => {
  let member: { id: string };
  beforeAll(async () => {
    member = await makeMember([program.id]);
  });

  it("stays in the default tier below every threshold", async () => {
    await buy(member.id, 90_000); // ₹900 spent, 900 points
    expect(await tierOf(member.id)).toBe(base.id);
  });

  it("a rolled-back transaction upgrades nobody", async () => {
    await expect(db.transaction(async (tx) => {
      await ingestTransaction(tx, systemTestActor, { memberId: member.id, externalId: `T-${randomUUID()}`, type: "purchase", amount: 10_000, currency: "INR", occurredAt: new Date(T0.getTime() - 3_600_000) }, T0);
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(await tierOf(member.id)).toBe(base.id);
  });

  it("upgrades on a tracker (spend in 365 days) in the same transaction", async () => {
    await buy(member.id, 10_000); // ₹1,000 spent in all: Silver
    expect(await tierOf(member.id)).toBe(silver.id);
    expect((await changesOf(member.id)).at(-1)).toMatchObject({ fromTierId: base.id, toTierId: silver.id, reason: "Upgraded: spend in the last 365 days ₹1,000.00 ≥ ₹1,000.00" });
    // The change is in the audit log too, signed by whoever sent the transaction; the rolled-back one left none.
    expect(await tierAudits(member.id)).toEqual([
      {
        action: "member.tier.upgrade",
        actorLabel: systemTestActor.label,
        before: { programId: program.id, tierId: base.id },
        after: { programId: program.id, tierId: silver.id, reason: "Upgraded: spend in the last 365 days ₹1,000.00 ≥ ₹1,000.00" },
      },
    ]);
  });

  it("upgrades on lifetime points with the bonus, and the next earn is multiplied", async () => {
    await buy(member.id, 400_000); // 4,000 points: lifetime 5,000
    expect(await tierOf(member.id)).toBe(gold.id);
    expect((await changesOf(member.id)).at(-1)).toMatchObject({ fromTierId: silver.id, toTierId: gold.id, reason: "Upgraded: lifetime points 5,000 ≥ 5,000", at: T0 });
    const bonus = await db.select().from(lots).where(and(eq(lots.memberId, member.id), eq(lots.points, 500)));
    expect(bonus).toHaveLength(1);
    const [entry] = await db.execute<{ reason: string }>(sql`select memo as reason from journal_entries where id = ${bonus[0]!.entryId}`);
    expect(entry!.reason).toBe("Tier upgrade bonus: Gold");
    expect(await pointsOf(member.id)).toMatchObject({ current: 5_500, lifetime: 5_500 });

    const next = await buy(member.id, 10_100); // 101 base points × 1.25 = 126.25 → 126
    expect(next.awards.map((a) => a.value)).toEqual([126]);
    expect(next.awards[0]!.narration).toBe("126 base points");
    expect(await pointsOf(member.id)).toMatchObject({ current: 5_626 });
    await expectLedgerHealthy();
  });

  it("downgrades one step after 6 months without a transaction, and not a day before", async () => {
    const due = addMonthsUtc(T0, 6); // the Gold change was at T0, after the last transaction
    expect(await runTierDowngrades(db, { now: new Date(due.getTime() - 86_400_000) })).toBe(0);
    expect(await tierOf(member.id)).toBe(gold.id);
    expect(await runTierDowngrades(db, { now: due })).toBeGreaterThanOrEqual(1);
    expect(await tierOf(member.id)).toBe(silver.id);
    expect((await changesOf(member.id)).at(-1)).toMatchObject({ fromTierId: gold.id, toTierId: silver.id, reason: "Downgraded: no transaction in 6 months since reaching Gold on " + T0.toISOString().slice(0, 10), at: due });
    expect((await tierAudits(member.id)).map((a) => [a.action, (a.after as { tierId: string }).tierId])).toEqual([
      ["member.tier.upgrade", silver.id],
      ["member.tier.upgrade", gold.id],
      ["member.tier.downgrade", silver.id],
    ]);
    // Run again: nobody moves twice.
    expect(await runTierDowngrades(db, { now: due })).toBe(0);
  });

  it("a member upgraded again gets no second bonus", async () => {
    await buy(member.id, 100, addMonthsUtc(T0, 7));
    expect(await tierOf(member.id)).toBe(gold.id);
    expect(await db.select().from(lots).where(and(eq(lots.memberId, member.id), eq(lots.points, 500)))).toHaveLength(1);
  });
});

describe("the downgrade job", () => {
  it("two concurrent runs change each member once", async () => {
    const members = await Promise.all(Array.from({ length: 24 }, () => makeMember([program.id])));
    const reached = new Date();
    await db.transaction((tx) => recordTierChanges(tx, systemTestActor, members.map((m) => ({ memberId: m.id, programId: program.id, fromTierId: base.id, toTierId: gold.id, reason: "test" })), reached, null));
    const now = addMonthsUtc(reached, 7);
    const [a, b] = await Promise.all([runTierDowngrades(db, { now, batchSize: 5 }), runTierDowngrades(db, { now, batchSize: 7 })]);
    expect(a + b).toBe(24);
    for (const m of members) {
      expect(await tierOf(m.id)).toBe(silver.id);
      expect((await changesOf(m.id)).filter((c) => c.toTierId === silver.id)).toHaveLength(1);
      expect((await tierAudits(m.id)).filter((a) => a.action === "member.tier.downgrade")).toHaveLength(1);
    }
  });
});
