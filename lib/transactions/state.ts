import "server-only";
import { and, between, eq, inArray, sql } from "drizzle-orm";
import { memberTrackers, offerMemberUsage, offerMilestones, offers } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { addDays, dayKey, localDate, monthKey, periodKey, yearKey, type CompiledOffer, type TrackerState, type TrackerUpdate, type UsageState } from "@/lib/engine";

type TrackerWindowRef = { key: string; rollingDays: number | null };
export type LoadedTrackers = { state: TrackerState; windows: Map<string, TrackerWindowRef>; dayKey: string };

/**
 * The member's tracker values before this transaction, for the trackers the offers read: the row of
 * the calendar period the transaction falls in, or the sum of the days of a rolling window.
 */
export async function loadTrackers(db: DbOrTx, memberId: string, candidates: readonly CompiledOffer[], occurredAt: Date, timeZone: string): Promise<LoadedTrackers> {
  const today = localDate(occurredAt, timeZone);
  const windows = new Map<string, TrackerWindowRef>();
  const state: Record<string, { periodKey: string; value: number }> = {};
  for (const offer of candidates) {
    const tracker = offer.milestone?.tracker;
    if (!tracker || windows.has(tracker.key)) continue;
    const rolling = tracker.window.kind === "rolling_days" ? tracker.window.days : null;
    windows.set(tracker.key, { key: tracker.key, rollingDays: rolling });
    if (rolling !== null) {
      const [row] = await db
        .select({ value: sql<string>`coalesce(sum(${memberTrackers.value}), 0)::text` })
        .from(memberTrackers)
        .where(and(eq(memberTrackers.memberId, memberId), eq(memberTrackers.trackerKey, tracker.key), between(memberTrackers.periodKey, dayKey(addDays(today, -(rolling - 1))), dayKey(today))));
      state[tracker.key] = { periodKey: "rolling", value: Number(row?.value ?? 0) };
    } else {
      const key = periodKey(tracker.window, occurredAt, timeZone);
      const [row] = await db
        .select({ value: memberTrackers.value })
        .from(memberTrackers)
        .where(and(eq(memberTrackers.memberId, memberId), eq(memberTrackers.trackerKey, tracker.key), eq(memberTrackers.periodKey, key)));
      state[tracker.key] = { periodKey: key, value: row?.value ?? 0 };
    }
  }
  return { state, windows, dayKey: dayKey(today) };
}

/** Adds what the transaction measured to each tracker (a rolling window's to the transaction's day). */
export async function saveTrackers(db: DbOrTx, memberId: string, updates: readonly TrackerUpdate[], loaded: LoadedTrackers): Promise<void> {
  const rows = updates
    .filter((u) => u.delta !== 0)
    .map((u) => ({ memberId, trackerKey: u.trackerKey, periodKey: loaded.windows.get(u.trackerKey)?.rollingDays ? loaded.dayKey : u.periodKey, value: u.delta }));
  if (rows.length === 0) return;
  await db
    .insert(memberTrackers)
    .values(rows)
    .onConflictDoUpdate({ target: [memberTrackers.memberId, memberTrackers.trackerKey, memberTrackers.periodKey], set: { value: sql`${memberTrackers.value} + excluded.value` } });
}

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
