import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { fulfilmentEvents, fulfilments, lots, memberTrackers, offerMilestones, outbox, transactionRefunds, transactions, type Fulfilment, type Transaction } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { localDate, dayKey, measureTransaction, milestoneStillMet, periodKey, reverseOutcome, type CompiledOffer } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { lockAllMemberPrograms } from "@/lib/ledger/posting";
import { takeBackPoints } from "@/lib/ledger/take-back";
import { liveOffers } from "@/lib/offers/cache";
import { releaseBlockShare } from "@/lib/partners/funding";
import { giveBackUsage, toAwardView, type AwardView } from "./fulfil";

export type ReversalInput = { transactionId: string; amount: number; reason: "refund" | "chargeback"; now?: Date };
export type ReversalResult = { transactionId: string; refundedAmount: number; reversals: (AwardView & { reversedNow: number; debt: number })[] };

/**
 * A full or partial refund, or a chargeback: takes back what the purchase earned, in proportion to
 * the refunded share (cumulatively, so partial refunds that add up to the whole take back exactly
 * everything), gives back the offers' budgets and caps, lowers the trackers, and takes back milestone
 * awards whose threshold is no longer met. Points already spent become a points debt.
 * Locks the member's balance rows first (the global order), then the transaction and its fulfilments.
 */
export async function reverseTransaction(tx: DbOrTx, actor: Actor, input: ReversalInput): Promise<ReversalResult> {
  const now = input.now ?? new Date();
  const [found] = await tx.select({ memberId: transactions.memberId }).from(transactions).where(eq(transactions.id, input.transactionId));
  if (!found) throw new DomainError("transaction_not_found", "No such transaction.", { transaction_id: input.transactionId });
  const enrolments = await lockAllMemberPrograms(tx, found.memberId);
  const [t] = await tx.select().from(transactions).where(eq(transactions.id, input.transactionId)).for("update");
  if (t!.type !== "purchase") throw new DomainError("invalid_transaction", "Only a purchase can be refunded.", { transaction_id: t!.id });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new DomainError("invalid_transaction", "The refund is a whole number of minor units above zero.", { field: "amount" });
  const remaining = t!.amount - t!.refundedAmount;
  if (input.amount > remaining) {
    throw new DomainError("refund_exceeds_amount", `Only ${remaining} minor units of this purchase are left to refund.`, { refundable: remaining, requested: input.amount });
  }
  const refundedTotal = t!.refundedAmount + input.amount;
  await tx.update(transactions).set({ refundedAmount: refundedTotal }).where(eq(transactions.id, t!.id));
  await tx.insert(transactionRefunds).values({ transactionId: t!.id, amount: input.amount, reason: input.reason, at: now });

  const rows = await tx
    .select()
    .from(fulfilments)
    .where(and(eq(fulfilments.transactionId, t!.id), inArray(fulfilments.state, ["pending", "posted"])))
    .orderBy(fulfilments.id)
    .for("update");
  const label = `${input.reason === "chargeback" ? "Chargeback" : "Refund"} of ${input.amount.toLocaleString("en-US")} minor units`;
  const reversals: ReversalResult["reversals"] = [];
  for (const f of rows) {
    const x = reverseOutcome({ awardedValue: f.value, alreadyReversed: f.reversedValue, originalAmount: Math.max(1, t!.amount), refundedAmountTotal: refundedTotal, rounding: "floor" });
    if (x > 0) reversals.push(await takeBack(tx, actor, f, x, label, now));
  }
  reversals.push(...(await lowerTrackers(tx, actor, t!, enrolments.map((e) => e.programId), t!.refundedAmount, refundedTotal, now)));
  await writeAudit(tx, actor, { action: `transaction.${input.reason}`, entityType: "transaction", entityId: t!.id, after: { amount: input.amount, refundedTotal } });
  return { transactionId: t!.id, refundedAmount: refundedTotal, reversals };
}

/** Takes `x` back of one fulfilment: points from the ledger, the rest by state; budget and cap given back. */
async function takeBack(tx: DbOrTx, actor: Actor, f: Fulfilment, x: number, reason: string, now: Date): Promise<ReversalResult["reversals"][number]> {
  let debt = 0;
  const reversedValue = f.reversedValue + x;
  const whole = reversedValue === f.value;
  let state = f.state;
  if (f.state === "posted" && f.outcomeType === "reward_points") {
    const [lot] = f.entryId ? await tx.select({ id: lots.id }).from(lots).where(eq(lots.entryId, f.entryId)) : [];
    debt = (await takeBackPoints(tx, actor, { memberId: f.memberId, programId: f.programId!, points: x, lotId: lot?.id ?? null, reason, reference: f.id, now })).debt;
    if (whole) state = "reversed";
  } else if (f.state === "posted") {
    // Delivered outside (cashback, partner points, voucher): the worker asks the other side to reverse.
    await tx.insert(outbox).values({ kind: `${f.outcomeType}.reverse`, fulfilmentId: f.id, payload: { fulfilmentId: f.id, value: x }, availableAt: now });
    if (whole) state = "reversed";
  } else if (whole) {
    state = "failed"; // never delivered: nothing to reverse outside, it just will not be
  }
  const [after] = await tx.update(fulfilments).set({ reversedValue, state, updatedAt: now }).where(eq(fulfilments.id, f.id)).returning();
  await tx.insert(fulfilmentEvents).values({
    fulfilmentId: f.id,
    memberId: f.memberId,
    fromState: f.state,
    toState: state,
    reason: `${reason}: ${x.toLocaleString("en-US")} taken back${debt > 0 ? `, ${debt.toLocaleString("en-US")} of it as a points debt (already spent)` : ""}`,
    actorLabel: actor.label,
    at: now,
  });
  // The partner's block points first, then the budget: the order every other change locks them in.
  await releaseBlockShare(tx, f.id, x, f.value - f.reversedValue);
  await giveBackUsage(tx, f, x);
  return { ...toAwardView(after!), reversedNow: x, debt };
}

/**
 * Lowers the member's trackers by the refunded share of what the purchase added to them, and takes
 * back each milestone award whose tracker no longer reaches its threshold (the member can earn it
 * again in that period).
 */
async function lowerTrackers(tx: DbOrTx, actor: Actor, t: Transaction, programIds: string[], refundedBefore: number, refundedTotal: number, now: Date) {
  const live = await liveOffers(tx);
  const enrolled = new Set(programIds);
  const milestoneOffers = live.offers.filter((o): o is CompiledOffer & { milestone: NonNullable<CompiledOffer["milestone"]> } => o.milestone !== null && enrolled.has(o.programId));
  // The member's home programme's calendar, as when the purchase was evaluated.
  const timeZone = live.programs.get(programIds[0] ?? "")?.timeZone ?? "UTC";
  const purchase = {
    externalId: t.externalId,
    type: "purchase" as const,
    amount: t.amount,
    grossAmount: t.grossAmount ?? undefined,
    currency: t.currency,
    occurredAt: t.occurredAt,
    channel: t.channel ?? undefined,
    merchantId: t.merchantId ?? undefined,
    merchantName: t.merchantName ?? undefined,
    mcc: t.mcc ?? undefined,
    category: t.category ?? undefined,
    country: t.country ?? undefined,
    lineItems: t.lineItems?.map((l) => ({ sku: l.sku, category: l.category, quantity: l.quantity, unitPrice: l.unit_price, amount: l.amount })),
  };
  const lowered = new Set<string>();
  const reversals: ReversalResult["reversals"] = [];
  for (const offer of milestoneOffers) {
    const tracker = offer.milestone.tracker;
    const added = measureTransaction(tracker, purchase);
    if (added <= 0) continue;
    const share = (refunded: number) => added - reverseOutcome({ awardedValue: added, alreadyReversed: 0, originalAmount: Math.max(1, t.amount), refundedAmountTotal: refunded, rounding: "floor" });
    const drop = share(refundedBefore) - share(refundedTotal);
    const key = tracker.window.kind === "rolling_days" ? dayKey(localDate(t.occurredAt, timeZone)) : periodKey(tracker.window, t.occurredAt, timeZone);
    if (drop > 0 && !lowered.has(tracker.key)) {
      lowered.add(tracker.key);
      await tx
        .update(memberTrackers)
        .set({ value: sql`greatest(${memberTrackers.value} - ${drop}, 0)` })
        .where(and(eq(memberTrackers.memberId, t.memberId), eq(memberTrackers.trackerKey, tracker.key), eq(memberTrackers.periodKey, key)));
    }
    if (tracker.window.kind === "rolling_days") continue; // a rolling milestone stands once awarded
    const [value] = await tx
      .select({ value: memberTrackers.value })
      .from(memberTrackers)
      .where(and(eq(memberTrackers.memberId, t.memberId), eq(memberTrackers.trackerKey, tracker.key), eq(memberTrackers.periodKey, key)));
    if (milestoneStillMet(offer.milestone.threshold, value?.value ?? 0)) continue;
    const [won] = await tx.delete(offerMilestones).where(and(eq(offerMilestones.memberId, t.memberId), eq(offerMilestones.offerId, offer.offerId), eq(offerMilestones.periodKey, key))).returning();
    if (!won) continue;
    const awarded = await tx
      .select()
      .from(fulfilments)
      .where(and(eq(fulfilments.memberId, t.memberId), eq(fulfilments.offerId, offer.offerId), eq(fulfilments.milestonePeriodKey, key), inArray(fulfilments.state, ["pending", "posted"])))
      .for("update");
    for (const f of awarded) {
      if (f.value > f.reversedValue) reversals.push(await takeBack(tx, actor, f, f.value - f.reversedValue, "Milestone no longer met after a refund", now));
    }
  }
  return reversals;
}
