import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { offerMemberUsage, offerMilestones, offers } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { dayKey, localDate, monthKey, yearKey, type CompiledOffer, type UsageState } from "@/lib/engine";

/** What each candidate offer already gave this member (in the periods the transaction can fall in) and in all. */
export async function loadUsage(db: DbOrTx, memberId: string, candidates: readonly CompiledOffer[], occurredAt: Date, timeZone: string): Promise<UsageState> {
  const usage: Record<string, { memberUsedInPeriod: Record<string, number>; budgetUsed: number; milestonePeriodsAwarded: string[] }> = {};
  for (const o of candidates) usage[o.offerId] = { memberUsedInPeriod: {}, budgetUsed: 0, milestonePeriodsAwarded: [] };
  const capped = candidates.filter((o) => o.definition.caps?.perMember).map((o) => o.offerId);
  const budgeted = candidates.filter((o) => o.definition.caps?.budget).map((o) => o.offerId);
  const milestones = candidates.filter((o) => o.milestone).map((o) => o.offerId);
  if (capped.length > 0) {
    const today = localDate(occurredAt, timeZone);
    const keys = [dayKey(today), monthKey(today), yearKey(today), "all"];
    const rows = await db
      .select()
      .from(offerMemberUsage)
      .where(and(eq(offerMemberUsage.memberId, memberId), inArray(offerMemberUsage.offerId, capped), inArray(offerMemberUsage.periodKey, keys)));
    for (const r of rows) usage[r.offerId]!.memberUsedInPeriod[r.periodKey] = r.used;
  }
  if (budgeted.length > 0) {
    const rows = await db.select({ id: offers.id, used: offers.budgetUsed }).from(offers).where(inArray(offers.id, budgeted));
    for (const r of rows) usage[r.id]!.budgetUsed = r.used;
  }
  if (milestones.length > 0) {
    const rows = await db.select().from(offerMilestones).where(and(eq(offerMilestones.memberId, memberId), inArray(offerMilestones.offerId, milestones)));
    for (const r of rows) usage[r.offerId]!.milestonePeriodsAwarded.push(r.periodKey);
  }
  return usage;
}
