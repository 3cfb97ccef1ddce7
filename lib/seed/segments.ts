import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { programs, segments, tiers } from "@/db/schema";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { refreshRollups } from "@/lib/reports/refresh";
import { createSegment } from "@/lib/segments";

/**
 * Three saved segments, so the Segments section and offer targeting have something to show on a fresh
 * install: big spenders (by net card spend, which the reports' spend rollup holds: it is refreshed
 * first), Coalition Rewards' Gold and Platinum members, and self-employed cardholders (a member
 * attribute). Loaded once, after the history.
 */
export async function seedDemoSegments(db: Db, now = new Date()): Promise<boolean> {
  const [existing] = await db.select({ id: segments.id }).from(segments).limit(1);
  if (existing) return false;
  const [coal] = await db.select({ id: programs.id }).from(programs).where(eq(programs.code, "COAL"));
  if (!coal) return false;
  const upper = await db.select({ id: tiers.id }).from(tiers).where(and(eq(tiers.programId, coal.id), inArray(tiers.name, ["Gold", "Platinum"])));
  const actor = systemActor("seed");
  await refreshRollups(db);
  await createSegment(db, actor, {
    name: "Big spenders",
    description: "Net card spend of ₹25,000 or more over the last 6 months: the audience for spend-more offers.",
    definition: { spend: { op: "gte", amount: 2_500_000, currency: "INR", window: { kind: "last_months", months: 6 } } },
  }, now);
  if (upper.length > 0) {
    await createSegment(db, actor, {
      name: "Coalition Gold and Platinum",
      description: "Members in the two upper tiers of Coalition Rewards.",
      definition: { programId: coal.id, tierIds: upper.map((t) => t.id) },
    }, now);
  }
  await createSegment(db, actor, {
    name: "Self-employed cardholders",
    description: "Members whose profile says they are self-employed.",
    definition: { attributes: [{ key: "segment", op: "eq", value: "self-employed" }] },
  }, now);
  return true;
}
