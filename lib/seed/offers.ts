import "server-only";
import { count, eq } from "drizzle-orm";
import { offers, programs, users } from "@/db/schema";
import type { Db } from "@/db";
import type { Actor } from "@/lib/actor";
import { systemActor } from "@/lib/actor";
import { approveOffer, createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { setBaseEarnRule } from "@/lib/programs/earn-rule";
import { createVoucherPool, generateVoucherCodes } from "@/lib/vouchers";

const validFrom = (now: Date) => new Date(now.getTime() - 30 * 86_400_000).toISOString().replace("Z", "+00:00");

/**
 * Demo earn rules and offers, loaded once: every demo programme earns on every purchase, and live
 * offers (made by the demo program manager, approved by the demo admin) show what the engine does,
 * so a transaction posted to a fresh install earns something visible.
 */
export async function seedDemoOffers(db: Db, now = new Date()): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(offers);
  if (n > 0) return false;
  const byCode = new Map((await db.select({ id: programs.id, code: programs.code }).from(programs)).map((p) => [p.code, p.id]));
  const rewards = byCode.get("COAL");
  const dining = byCode.get("DINE");
  const travel = byCode.get("TRVL");
  if (!rewards || !dining || !travel) return false;
  const seed = systemActor("seed");
  await setBaseEarnRule(db, seed, rewards, { rule: { kind: "percentage", rate: "1" }, narration: "{points} Coalition points on {amount} at {merchant}" });
  await setBaseEarnRule(db, seed, dining, { rule: { kind: "percentage", rate: "0.5" }, narration: "{points} Dine & Unwind points at {merchant}" });
  await setBaseEarnRule(db, seed, travel, { rule: { kind: "percentage", rate: "0.5" }, narration: "{points} Travel Plus points at {merchant}" });

  const maker = await demoActor(db, "program-manager@coalition.demo");
  const checker = await demoActor(db, "admin@coalition.demo");
  if (!maker || !checker) return true;
  const common = { validFrom: validFrom(now), funding: { kind: "bank" }, trigger: { kind: "transaction" }, target: { kind: "each" }, posting: { method: "automatic" } };
  const demo: Record<string, unknown>[] = [
    {
      ...common,
      programId: dining,
      name: "Dining: 5 % back in points",
      description: "Restaurants and cafés (MCC 5812, 5814) earn 5 % of the bill, up to 2,000 points a month.",
      filters: { mccs: ["5812", "5814"] },
      outcome: { type: "reward_points" },
      rule: { kind: "percentage", rate: "5" },
      caps: { perMember: { limit: 2000, period: "month" } },
      narration: "{points} bonus points for dining at {merchant}",
    },
    {
      ...common,
      programId: rewards,
      name: "Groceries: 2 % cashback",
      description: "Supermarkets (MCC 5411) give 2 % cashback, up to ₹250 per transaction.",
      filters: { mccs: ["5411"] },
      outcome: { type: "cashback", currency: "INR" },
      rule: { kind: "percentage", rate: "2", capPerTransaction: 25_000 },
      narration: "₹{value} cashback on your {merchant} bill of ₹{amount}",
    },
    {
      ...common,
      programId: rewards,
      name: "Big spends: slab bonus",
      description: "Bonus points by bill size: ₹5,000–₹20,000 earn 200, above ₹20,000 earn 1,000.",
      outcome: { type: "reward_points" },
      rule: { kind: "slab", mode: "whole", bands: [{ from: 500_000, to: 2_000_000, value: 200 }, { from: 2_000_000, value: 1000 }] },
      narration: "{points} bonus points for a big spend at {merchant}",
    },
    {
      ...common,
      programId: travel,
      name: "Annual spend ₹5,00,000: 10,000 bonus points",
      description: "Once a year, when card spend in the calendar year reaches ₹5,00,000.",
      target: { kind: "milestone", tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } }, threshold: 50_000_000 },
      outcome: { type: "reward_points" },
      rule: { kind: "flat", value: 10_000 },
      narration: "{points} points: you reached ₹5,00,000 of spend this year",
    },
  ];
  const pool = await createVoucherPool(db, seed, { name: "Movie tickets (demo)", description: "Codes for a free movie ticket" });
  await generateVoucherCodes(db, seed, pool.id, 200, "MOVIE");
  demo.push({
    ...common,
    programId: rewards,
    name: "Entertainment: a free movie ticket",
    description: "A movie ticket voucher for an entertainment spend (MCC 7832) of ₹2,000 or more.",
    filters: { mccs: ["7832"], minAmount: 200_000 },
    outcome: { type: "voucher", poolId: pool.id },
    rule: { kind: "flat", value: 1 },
    caps: { perMember: { limit: 2, period: "month" } },
    narration: "A free movie ticket for your spend at {merchant}",
  });
  for (const definition of demo) {
    const offer = await createOfferDraft(db, maker, { programId: definition.programId as string, name: definition.name as string, draft: definition });
    await saveOfferDraft(db, maker, offer.id, definition, 5);
    await submitOffer(db, maker, offer.id);
    await approveOffer(db, checker, offer.id, now);
  }
  return true;
}

export async function demoActor(db: Db, email: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user ? { type: "user", id: user.id, label: user.email, roles: user.roles as never } : null;
}
