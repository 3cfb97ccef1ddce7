import "server-only";
import { eq } from "drizzle-orm";
import { fulfilmentEvents, fulfilments, outbox, type Fulfilment } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { awardPointsBatch } from "@/lib/ledger/award";
import { repayDebt } from "@/lib/ledger/take-back";
import { optionalCareReason, withReason } from "./care-reason";
import { toAwardView, type AwardView } from "./fulfil";

/**
 * The member claims an outcome that waits for a claim (customer-initiated posting), within its claim
 * window: reward points post to the ledger at once, other outcomes go to the outbox for delivery.
 * The fulfilment row is locked, so two claims of one outcome post it once. Member care claims on the
 * member's behalf with a reason, which goes into the history and the audit record.
 */
export async function claimFulfilment(tx: DbOrTx, actor: Actor, fulfilmentId: string, options: { memberId?: string; now?: Date; reason?: string | null } = {}): Promise<AwardView> {
  const now = options.now ?? new Date();
  const reason = optionalCareReason(options.reason);
  const [f] = await tx.select().from(fulfilments).where(eq(fulfilments.id, fulfilmentId)).for("update");
  if (!f || (options.memberId && f.memberId !== options.memberId)) throw new DomainError("fulfilment_not_found", "No such fulfilment.", { fulfilment_id: fulfilmentId });
  if (f.postingMethod !== "claim" || f.state !== "pending" || f.entryId !== null || (await alreadyClaimed(tx, f))) {
    throw new DomainError("not_claimable", "This outcome is not waiting for a claim.", { fulfilment_id: fulfilmentId, state: f.state });
  }
  if (f.claimExpiresAt && f.claimExpiresAt.getTime() <= now.getTime()) {
    throw new DomainError("claim_window_closed", "The claim window of this outcome has closed.", { fulfilment_id: fulfilmentId, claim_expires_at: f.claimExpiresAt.toISOString() });
  }
  let entryId: number | null = null;
  if (f.outcomeType === "reward_points") {
    const points = f.value - f.reversedValue; // a partial refund before the claim lowered it
    const [award] = await awardPointsBatch(tx, actor, [{ memberId: f.memberId, programId: f.programId!, points, reason: f.narration, externalReference: f.id }], now);
    if (!award!.ok) throw award!.error;
    entryId = award!.award.entryId;
    await repayDebt(tx, actor, { memberId: f.memberId, programId: f.programId!, lotId: award!.award.lotId, awarded: points, reference: f.id, now });
  } else {
    await tx.insert(outbox).values({ kind: `${f.outcomeType}.credit`, fulfilmentId: f.id, payload: { fulfilmentId: f.id }, availableAt: now });
  }
  const state = entryId !== null ? "posted" : "pending";
  const [after] = await tx.update(fulfilments).set({ state, entryId, updatedAt: now }).where(eq(fulfilments.id, f.id)).returning();
  await tx.insert(fulfilmentEvents).values({ fulfilmentId: f.id, memberId: f.memberId, fromState: f.state, toState: state, reason: withReason(`Claimed${reason ? ` on the member's behalf by ${actor.label}` : ""}; ${entryId !== null ? "posted to the points ledger" : "queued for delivery"}`, reason), actorLabel: actor.label, at: now });
  await writeAudit(tx, actor, { action: "fulfilment.claim", entityType: "fulfilment", entityId: f.id, before: { state: f.state }, after: { state, ...(reason ? { reason } : {}) } });
  return toAwardView(after!);
}

/** A claimed external outcome stays pending until delivered: its history says it was claimed. */
async function alreadyClaimed(tx: DbOrTx, f: Fulfilment): Promise<boolean> {
  const events = await tx.select({ reason: fulfilmentEvents.reason }).from(fulfilmentEvents).where(eq(fulfilmentEvents.fulfilmentId, f.id));
  return events.some((e) => e.reason?.startsWith("Claimed"));
}
