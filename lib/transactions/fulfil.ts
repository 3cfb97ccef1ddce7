import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { fulfilmentEvents, fulfilments, offerMemberUsage, offerMilestones, offers, type Fulfilment } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import type { CompiledOffer, Outcome } from "@/lib/engine";
import { awardPointsBatch } from "@/lib/ledger/award";
import { repayDebt } from "@/lib/ledger/take-back";
import { decideFunding, fundingPartnersOf, loadPartnerFunds, spendFundingPlans, type FundingPlan } from "@/lib/partners/funding";
import { issueVoucherCodes } from "@/lib/vouchers";
import { writeFulfilments } from "./write-fulfilments";

/** An award as the API answers it (DESIGN.md: the transaction's answer). */
export type AwardView = {
  fulfilmentId: string;
  offerId: string | null;
  offerVersion: number | null;
  outcomeType: string;
  programId: string | null;
  value: number;
  currency: string | null;
  partnerId: string | null;
  voucherCode: string | null;
  state: string;
  narration: string;
  claimExpiresAt: Date | null;
};

export const toAwardView = (f: Fulfilment): AwardView => ({
  fulfilmentId: f.id,
  offerId: f.offerId,
  offerVersion: f.offerVersion,
  outcomeType: f.outcomeType,
  programId: f.programId,
  value: f.value - f.reversedValue,
  currency: f.currency,
  partnerId: f.partnerId,
  voucherCode: f.voucherCode,
  state: f.state,
  narration: f.narration,
  claimExpiresAt: f.claimExpiresAt,
});

/**
 * Turns the engine's outcomes into fulfilments, in the caller's transaction: takes each from the
 * offer's budget (a conditional update, so concurrent members can never overspend it; an award the
 * budget can only partly cover is reduced to what is left), counts it against the member's cap and
 * milestone, and posts it — reward points to the ledger at once, claims wait for the member, other
 * outcomes go to the outbox for the worker.
 */
export async function fulfil(
  tx: DbOrTx,
  actor: Actor,
  input: {
    memberId: string;
    transactionId?: string;
    eventId?: string;
    outcomes: readonly Outcome[];
    /** The offers that produced them: those a partner funds take its block points. */
    offers: readonly CompiledOffer[];
    budgeted: ReadonlySet<string>;
    /** Points debt per programme (from refunds of spent points): these earnings repay it first. */
    debts?: ReadonlyMap<string, number>;
    now: Date;
  },
): Promise<AwardView[]> {
  const granted: { outcome: Outcome; value: number; explanation: string[]; funding?: FundingPlan }[] = [];
  // Locks in the same order everywhere: the member's balance rows (the caller's), partners, then budget rows in offer order.
  const ordered = [...input.outcomes].sort((a, b) => (a.offerId ?? "").localeCompare(b.offerId ?? ""));
  const funds = await loadPartnerFunds(tx, fundingPartnersOf(input.offers.filter((o) => ordered.some((x) => x.offerId === o.offerId))));
  for (const outcome of ordered) {
    let value = outcome.value;
    const explanation = [...outcome.explanation];
    if (outcome.offerId && input.budgeted.has(outcome.offerId)) {
      const [row] = await tx.execute<{ granted: string }>(sql`
        update offers o set budget_used = o.budget_used + g.granted
        from (select id, least(${value}::bigint, budget - budget_used) as granted from offers where id = ${outcome.offerId} for update) g
        where o.id = g.id and g.granted > 0
        returning g.granted::text as granted`);
      if (!row) continue; // another member's award used the rest of the budget meanwhile
      if (Number(row.granted) < value) {
        value = Number(row.granted);
        explanation.push(`Reduced to ${value.toLocaleString("en-US")}: all that is left of the offer's budget.`);
      }
    }
    const funding = decideFunding(input.offers, outcome, funds, value);
    if (funding === null) {
      // The partner's blocks cannot fund it: not granted, and what it took of the budget goes back.
      if (outcome.offerId && input.budgeted.has(outcome.offerId)) await tx.update(offers).set({ budgetUsed: sql`${offers.budgetUsed} - ${value}` }).where(eq(offers.id, outcome.offerId));
      continue;
    }
    if (outcome.offerId && outcome.usage.capPeriodKey) {
      await tx
        .insert(offerMemberUsage)
        .values({ offerId: outcome.offerId, memberId: input.memberId, periodKey: outcome.usage.capPeriodKey, used: value })
        .onConflictDoUpdate({ target: [offerMemberUsage.memberId, offerMemberUsage.offerId, offerMemberUsage.periodKey], set: { used: sql`${offerMemberUsage.used} + excluded.used` } });
    }
    if (outcome.offerId && outcome.usage.milestonePeriodKey) {
      const [won] = await tx
        .insert(offerMilestones)
        .values({ offerId: outcome.offerId, memberId: input.memberId, periodKey: outcome.usage.milestonePeriodKey, awardedAt: input.now })
        .onConflictDoNothing()
        .returning({ offerId: offerMilestones.offerId });
      if (!won) continue;
    }
    granted.push({ outcome, value, explanation, funding: funding === "unfunded" ? undefined : funding });
  }
  if (granted.length === 0) return [];

  // Reward points that post automatically go to the ledger now, all in one statement.
  const posting = granted.filter((g) => g.outcome.outcomeType === "reward_points" && g.outcome.posting.method === "automatic");
  const awards = await awardPointsBatch(
    tx,
    actor,
    posting.map((g) => ({ memberId: input.memberId, programId: g.outcome.programId!, points: g.value, reason: g.outcome.narration, externalReference: input.transactionId ?? input.eventId ?? null })),
    input.now,
  );
  const entryByOutcome = new Map<Outcome, number>();
  const debts = new Map(input.debts ?? []);
  for (const [i, g] of posting.entries()) {
    const a = awards[i]!;
    if (!a.ok) throw a.error;
    entryByOutcome.set(g.outcome, a.award.entryId);
    const owed = debts.get(g.outcome.programId!) ?? 0;
    if (owed > 0) {
      const repaid = await repayDebt(tx, actor, { memberId: input.memberId, programId: g.outcome.programId!, lotId: a.award.lotId, awarded: g.value, reference: input.transactionId ?? input.eventId ?? null, now: input.now });
      debts.set(g.outcome.programId!, owed - repaid);
      g.explanation.push(`${repaid.toLocaleString("en-US")} of these points repaid points taken back after an earlier refund.`);
    }
  }

  const rows = granted.map(({ outcome, value, explanation }) =>
    newFulfilment(outcome, { memberId: input.memberId, transactionId: input.transactionId ?? null, eventId: input.eventId ?? null, value, explanation, entryId: entryByOutcome.get(outcome) ?? null, now: input.now }),
  );
  const settled = await recordFulfilments(tx, actor, rows, input.now);
  await spendFundingPlans(tx, actor, granted.flatMap((g, k) => (g.funding ? [{ plan: g.funding, fulfilment: rows[k]! }] : [])), input.now);
  return rows.map((f) => toAwardView(settled.get(f.id) ?? f));
}

/** A new fulfilment of an outcome: posted when its ledger entry is written, else pending. */
export function newFulfilment(
  o: Outcome,
  p: { memberId: string; transactionId: string | null; eventId: string | null; value: number; explanation: string[]; entryId: number | null; now: Date },
): Fulfilment {
  return {
    id: randomUUID(), memberId: p.memberId, transactionId: p.transactionId, eventId: p.eventId, offerId: o.offerId, offerVersion: o.offerVersion,
    programId: o.programId ?? null, outcomeType: o.outcomeType, value: p.value, currency: o.currency ?? null, partnerId: o.partnerId ?? null,
    poolId: o.poolId ?? null, voucherCode: null, state: p.entryId !== null ? "posted" : "pending", postingMethod: o.posting.method,
    claimExpiresAt: o.posting.method === "claim" ? o.posting.claimExpiresAt : null, narration: o.narration, explanation: p.explanation,
    entryId: p.entryId, externalReference: null, reversedValue: 0, capPeriodKey: o.usage.capPeriodKey, milestonePeriodKey: o.usage.milestonePeriodKey,
    createdAt: p.now, updatedAt: p.now,
  };
}

/**
 * Writes new fulfilments with their first history entry and their outbox rows, then gives vouchers
 * their codes. Answers the vouchers as settled (posted or failed), by fulfilment id.
 */
export async function recordFulfilments(tx: DbOrTx, actor: Actor, rows: readonly Fulfilment[], now: Date): Promise<Map<string, Fulfilment>> {
  const isVoucher = (f: Fulfilment) => f.outcomeType === "voucher" && f.postingMethod === "automatic";
  await writeFulfilments(
    tx,
    rows.map((f) => ({
      fulfilment: f,
      // A voucher's history starts when its code is issued (or the pool has run out), just below.
      reason: isVoucher(f) ? null : f.state === "posted" ? "Posted to the points ledger" : f.postingMethod === "claim" ? "Waiting for the member's claim" : "Queued for delivery",
      outbox: !isVoucher(f) && f.state === "pending" && f.postingMethod === "automatic",
    })),
    actor.label,
  );
  return issueVouchers(tx, actor, rows.filter(isVoucher), now);
}

/**
 * Vouchers come from their pool at once: posted with the codes, or failed, visibly, when the pool has
 * run out (and then what the award counted against the offer's budget and the member's cap is given back).
 */
async function issueVouchers(tx: DbOrTx, actor: Actor, vouchers: readonly Fulfilment[], now: Date): Promise<Map<string, Fulfilment>> {
  const settled = new Map<string, Fulfilment>();
  for (const f of vouchers) {
    const codes = f.poolId ? await issueVoucherCodes(tx, f.poolId, f.id, f.value, now) : null;
    const [after] = await tx
      .update(fulfilments)
      .set(codes ? { state: "posted", voucherCode: codes.join(", "), updatedAt: now } : { state: "failed", updatedAt: now })
      .where(eq(fulfilments.id, f.id))
      .returning();
    await tx.insert(fulfilmentEvents).values({ fulfilmentId: f.id, memberId: f.memberId, fromState: null, toState: after!.state, reason: codes ? "Voucher code issued from the pool" : "The voucher pool has run out", actorLabel: actor.label, at: now });
    if (!codes) await giveBackUsage(tx, f, f.value);
    settled.set(f.id, after!);
  }
  return settled;
}

/** Gives back what an award counted against its offer's budget and the member's cap (a failure or a refund). */
export async function giveBackUsage(tx: DbOrTx, f: Fulfilment, x: number): Promise<void> {
  if (!f.offerId || x <= 0) return;
  await tx.update(offers).set({ budgetUsed: sql`greatest(${offers.budgetUsed} - ${x}, 0)` }).where(and(eq(offers.id, f.offerId), isNotNull(offers.budget)));
  if (f.capPeriodKey) {
    await tx
      .update(offerMemberUsage)
      .set({ used: sql`greatest(${offerMemberUsage.used} - ${x}, 0)` })
      .where(and(eq(offerMemberUsage.memberId, f.memberId), eq(offerMemberUsage.offerId, f.offerId), eq(offerMemberUsage.periodKey, f.capPeriodKey)));
  }
}

/** The awards of a transaction or an event, in the order they were made. */
export async function listAwards(db: DbOrTx, by: { transactionId: string }): Promise<AwardView[]> {
  const rows = await db.select().from(fulfilments).where(and(eq(fulfilments.transactionId, by.transactionId))).orderBy(asc(fulfilments.createdAt), asc(fulfilments.id));
  return rows.map(toAwardView);
}
