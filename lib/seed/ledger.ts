import "server-only";
import { count } from "drizzle-orm";
import { programs } from "@/db/schema";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { awardPoints } from "@/lib/ledger/award";
import { redeemPoints } from "@/lib/ledger/redeem";
import { transferPoints } from "@/lib/ledger/transfer";
import { enrolMember } from "@/lib/members";
import { addExpiryStrategy, addTier, createProgram } from "@/lib/programs";

const DAY = 86_400_000;

/**
 * Demo programmes and members with a little history, loaded once into an empty ledger: a default
 * group programme and two brand programmes, members with awards, a group redemption and a transfer.
 */
export async function seedDemoLedger(db: Db, now = new Date()): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(programs);
  if (n > 0) return false;
  const actor = systemActor("seed");
  const base = { timeZone: "Asia/Kolkata", maxRedemptionPoints: 50_000 } as const;
  const rewards = await createProgram(db, actor, { ...base, code: "COAL", name: "Coalition Rewards", pointsToCurrency: "0.25", currency: "INR", minRedemptionPoints: 100, redemptionMultipleOf: 10 });
  const dining = await createProgram(db, actor, { ...base, code: "DINE", name: "Dine & Unwind", pointsToCurrency: "0.2", currency: "INR", minRedemptionPoints: 50, redemptionMultipleOf: 1 });
  const travel = await createProgram(db, actor, { ...base, code: "TRVL", name: "Travel Plus", pointsToCurrency: "0.5", currency: "INR", minRedemptionPoints: 200, redemptionMultipleOf: 50 });
  for (const p of [rewards, dining, travel]) {
    await addExpiryStrategy(db, actor, p.id, { name: "3 years, end of month", kind: "end_of_month_after_months", amount: 36, isDefault: true });
    await addExpiryStrategy(db, actor, p.id, { name: "90 days (promotions)", kind: "days", amount: 90, isDefault: false });
    await addTier(db, actor, p.id, { name: "Gold" });
    await addTier(db, actor, p.id, { name: "Platinum" });
  }
  const people = [
    { externalId: "CUST-100001", firstName: "Asha", lastName: "Verma", email: "asha.verma@example.com", phone: "+91 98200 10001" },
    { externalId: "CUST-100002", firstName: "Rahul", lastName: "Mehta", email: "rahul.mehta@example.com", phone: "+91 98200 10002" },
    { externalId: "CUST-100003", firstName: "Meera", lastName: "Iyer", email: "meera.iyer@example.com", phone: "+91 98200 10003" },
  ];
  const ids: string[] = [];
  for (const person of people) {
    const member = await enrolMember(db, actor, { ...person, attributes: { segment: "salaried", card: "signature" }, programIds: [rewards.id, dining.id, travel.id] });
    ids.push(member.id);
  }
  const award = (memberId: string, programId: string, points: number, daysAgo: number, reason: string) =>
    awardPoints(db, actor, { memberId, programId, points, reason, awardedAt: new Date(now.getTime() - daysAgo * DAY) }, now);
  await award(ids[0]!, rewards.id, 4_200, 400, "Welcome bonus");
  await award(ids[0]!, dining.id, 1_250, 200, "Dining festival");
  await award(ids[0]!, travel.id, 3_000, 30, "Anniversary miles");
  await award(ids[1]!, rewards.id, 2_500, 120, "Welcome bonus");
  await award(ids[1]!, dining.id, 600, 15, "Weekend brunch offer");
  await award(ids[2]!, travel.id, 8_000, 60, "Card upgrade");
  await redeemPoints(db, actor, { memberId: ids[0]!, programId: rewards.id, points: 2_000, group: true, externalReference: "DEMO-ORDER-1" }, now);
  await transferPoints(db, actor, { fromMemberId: ids[2]!, toMemberId: ids[1]!, programId: travel.id, points: 1_500, group: false }, now);
  return true;
}
