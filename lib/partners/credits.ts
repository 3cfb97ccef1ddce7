import "server-only";
import { and, desc, eq, isNull, like, sql } from "drizzle-orm";
import { fulfilmentEvents, fulfilments, offerMemberUsage, offers, offerVersions, outbox, type Fulfilment } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { optionalCareReason, withReason } from "@/lib/transactions/care-reason";
import { reserveBlockPointsAgain } from "./funding";

/**
 * What member care and partner managers can do with a credit delivered outside (partner points,
 * cashback): retry a failed one, reverse a posted one. Both go through the outbox, so the worker
 * makes the call with retries; the fulfilment's history and the audit log say who asked, and why
 * when a reason is given (the console always asks for one).
 */
const EXTERNAL = new Set(["partner_points", "cashback"]);
const fmt = (n: number) => n.toLocaleString("en-US");
/** Which fulfilment, of which member (the member's page acts on theirs only), and why. */
type CreditRequest = { fulfilmentId: string; memberId?: string; reason?: string | null };

async function lockFulfilment(tx: DbOrTx, fulfilmentId: string, memberId: string | undefined): Promise<Fulfilment> {
  const [f] = await tx.select().from(fulfilments).where(eq(fulfilments.id, fulfilmentId)).for("update");
  // A member's page only acts on that member's fulfilments.
  if (!f || (memberId !== undefined && f.memberId !== memberId)) throw new DomainError("fulfilment_not_found", "No such fulfilment.", { fulfilment_id: fulfilmentId });
  return f;
}

/**
 * Sends a failed credit again: back to pending with a new outbox row. It first takes again what the
 * failure gave back — the offer's budget and the member's cap — and refuses, changing nothing, when
 * they no longer have room. After a refusal (4xx) the partner has remembered its answer under the old
 * idempotency key, so the retry sends a new key; after retries that gave up (5xx, timeouts) it keeps
 * the old one, because the partner may have credited it after all and must not credit it twice.
 */
export async function retryCredit(db: DbOrTx, actor: Actor, input: CreditRequest, now = new Date()): Promise<Fulfilment> {
  const reason = optionalCareReason(input.reason);
  // One transaction: the state change, the budget and cap taken again, the job and the audit, or none of them.
  return db.transaction(async (tx) => {
    const f = await lockFulfilment(tx, input.fulfilmentId, input.memberId);
    if (!EXTERNAL.has(f.outcomeType)) throw new DomainError("not_retryable", "Only partner points and cashback are delivered outside and can be sent again.");
    if (f.state !== "failed") throw new DomainError("not_retryable", `Only a failed credit can be sent again; this one is ${f.state}.`, { state: f.state });
    const due = f.value - f.reversedValue;
    if (due <= 0) throw new DomainError("not_retryable", "Nothing is left to credit: refunds took all of it back.");
    // The partner's blocks first, then the budget and cap: the order every other change locks them in.
    await reserveBlockPointsAgain(tx, actor, f.id, due, now).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "insufficient_partner_points") throw new DomainError("not_retryable", `${error.message} A partner manager can record and approve a new block first.`, error.details);
      throw error;
    });
    await takeUsageAgain(tx, f, due);

    const [last] = await tx
      .select({ id: outbox.id, payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.fulfilmentId, f.id), like(outbox.kind, "%.credit")))
      .orderBy(desc(outbox.id))
      .limit(1);
    const previousKey = typeof last?.payload.idempotencyKey === "string" ? last.payload.idempotencyKey : f.outcomeType === "cashback" ? `fulfilment-${f.id}` : `partner-credit-${f.id}`;
    const idempotencyKey = last?.payload.outcome === "refused" ? `${f.outcomeType === "cashback" ? "fulfilment" : "partner-credit"}-${f.id}-retry-${last.id}` : previousKey;
    await tx.insert(outbox).values({ kind: `${f.outcomeType}.credit`, fulfilmentId: f.id, payload: { fulfilmentId: f.id, idempotencyKey, requestedBy: actor.label }, availableAt: now });
    const [after] = await tx.update(fulfilments).set({ state: "pending", updatedAt: now }).where(eq(fulfilments.id, f.id)).returning();
    await tx.insert(fulfilmentEvents).values({ fulfilmentId: f.id, memberId: f.memberId, fromState: "failed", toState: "pending", reason: withReason(`Sent again at the request of ${actor.label}`, reason), actorLabel: actor.label, at: now });
    await writeAudit(tx, actor, { action: "fulfilment.retry", entityType: "fulfilment", entityId: f.id, before: { state: f.state }, after: { state: "pending", value: due, idempotencyKey, reason: reason ?? null } });
    return after!;
  });
}

/** Counts `due` against the offer's budget and the member's cap again, or refuses if either has no room left. */
async function takeUsageAgain(tx: DbOrTx, f: Fulfilment, due: number): Promise<void> {
  if (!f.offerId) return;
  // Locked in the same order as a refund (fulfilment, then offer), so the two cannot deadlock.
  const [offer] = await tx.select({ budget: offers.budget, used: offers.budgetUsed }).from(offers).where(eq(offers.id, f.offerId)).for("update");
  if (offer && offer.budget !== null) {
    const left = offer.budget - offer.used;
    if (left < due) throw new DomainError("not_retryable", `The offer's budget has ${fmt(Math.max(left, 0))} left, less than the ${fmt(due)} this credit needs.`, { budget_left: left, needed: due });
    await tx.update(offers).set({ budgetUsed: sql`${offers.budgetUsed} + ${due}` }).where(eq(offers.id, f.offerId));
  }
  if (!f.capPeriodKey || f.offerVersion === null) return;
  const [version] = await tx.select({ definition: offerVersions.definition }).from(offerVersions).where(and(eq(offerVersions.offerId, f.offerId), eq(offerVersions.version, f.offerVersion)));
  const cap = (version?.definition as { caps?: { perMember?: { limit?: number } } } | undefined)?.caps?.perMember?.limit;
  const [usage] = await tx
    .insert(offerMemberUsage)
    .values({ offerId: f.offerId, memberId: f.memberId, periodKey: f.capPeriodKey, used: due })
    .onConflictDoUpdate({ target: [offerMemberUsage.memberId, offerMemberUsage.offerId, offerMemberUsage.periodKey], set: { used: sql`${offerMemberUsage.used} + excluded.used` } })
    .returning({ used: offerMemberUsage.used });
  if (typeof cap === "number" && usage!.used > cap) {
    // Thrown inside the transaction: the budget taken above is rolled back with it.
    throw new DomainError("not_retryable", `The member's cap for ${f.capPeriodKey} (${fmt(cap)}) has only ${fmt(Math.max(cap - (usage!.used - due), 0))} left, less than the ${fmt(due)} this credit needs.`, { cap, needed: due });
  }
}

/**
 * Asks the other side to take back a posted credit (what refunds have not already taken): a reversal
 * job for the worker. The fulfilment stays posted until the partner confirms it; then it is reversed
 * and the offer's budget and the member's cap get it back.
 */
export async function reverseCredit(db: DbOrTx, actor: Actor, input: CreditRequest, now = new Date()): Promise<Fulfilment> {
  const reason = optionalCareReason(input.reason);
  // One transaction: the job, its history line and the audit, or none of them; the row lock makes two requests one.
  return db.transaction(async (tx) => {
    const f = await lockFulfilment(tx, input.fulfilmentId, input.memberId);
    if (!EXTERNAL.has(f.outcomeType)) throw new DomainError("not_reversible", "Only partner points and cashback are reversed this way.");
    if (f.state !== "posted") throw new DomainError("not_reversible", `Only a posted credit can be reversed; this one is ${f.state}.`, { state: f.state });
    const due = f.value - f.reversedValue;
    if (due <= 0) throw new DomainError("not_reversible", "Nothing is left to reverse.");
    const [open] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.fulfilmentId, f.id), like(outbox.kind, "%.reverse"), isNull(outbox.doneAt), sql`${outbox.payload} ? 'requestedBy'`));
    if (open) throw new DomainError("not_reversible", "A reversal of this credit is already under way.");
    await tx.insert(outbox).values({ kind: `${f.outcomeType}.reverse`, fulfilmentId: f.id, payload: { fulfilmentId: f.id, value: due, requestedBy: actor.label }, availableAt: now });
    await tx.insert(fulfilmentEvents).values({ fulfilmentId: f.id, memberId: f.memberId, fromState: "posted", toState: "posted", reason: withReason(`Reversal of ${fmt(due)} requested by ${actor.label}`, reason), actorLabel: actor.label, at: now });
    await writeAudit(tx, actor, { action: "fulfilment.reverse", entityType: "fulfilment", entityId: f.id, before: { state: f.state, reversedValue: f.reversedValue }, after: { requested: due, reason: reason ?? null } });
    return f;
  });
}
