import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { lots, memberAdjustments, members, programs, type MemberAdjustment, type MemberProgram } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { allocate } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { defaultExpiryFor } from "@/lib/ledger/award";
import { addToBalances, loadLotsForSpend, lockMemberPrograms, moveLots, postEntry, spendableTotal, systemAccountId } from "@/lib/ledger/posting";
import { assertEnrolled } from "@/lib/ledger/redeem";
import { getSetting } from "@/lib/settings";
import {
  adjustmentDecisionSchema,
  adjustmentRejectionSchema,
  adjustmentRequestSchema,
  approvalThresholdSchema,
  DEFAULT_ADJUSTMENT_APPROVAL_THRESHOLD,
  needsApproval,
  reasonLabel,
} from "./adjustment-schemas";

export { listAdjustments, type AdjustmentListRow, type AdjustmentPage } from "./adjustment-queries";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const THRESHOLD_KEY = "member_care.adjustment_approval_threshold";
const userId = (actor: Actor) => (actor.type === "user" ? actor.id : null);
const points = (n: number) => n.toLocaleString("en-GB");

/**
 * Checks a request the way the form does. Points get `invalid_points` (as awards and redemptions do);
 * other fields `validation_failed` naming the field; a malformed id is simply an unknown one.
 */
function checked<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? "form");
  const raw = (input as Record<string, unknown>)[field];
  if (field === "memberId") throw new DomainError("member_not_found", "No such member.", { member_id: raw });
  if (field === "programId") throw new DomainError("program_not_found", "No such programme.", { program_id: raw });
  if (field === "adjustmentId") throw new DomainError("adjustment_not_found", "No such adjustment.", { adjustment_id: raw });
  if (field === "points") throw new DomainError("invalid_points", issue.message, { field, points: raw });
  throw new DomainError("validation_failed", issue.message, { field });
}

/**
 * The points above which an adjustment waits for a second user: the saved setting, else
 * COALITION_ADJUSTMENT_APPROVAL_THRESHOLD, else 1,000. A value that is not a whole number ≥ 0 is ignored.
 */
export async function getAdjustmentApprovalThreshold(db: DbOrTx): Promise<number> {
  const parsed = approvalThresholdSchema.safeParse((await getSetting(db, THRESHOLD_KEY)) ?? undefined);
  return parsed.success ? parsed.data : DEFAULT_ADJUSTMENT_APPROVAL_THRESHOLD;
}

/**
 * An agent credits or debits a member's points in one programme, with a reason and a note. Up to the
 * approval threshold it posts at once; above it, it waits (status pending_approval) for another user
 * with members:adjust, and nothing reaches the ledger until then.
 */
export async function requestAdjustment(db: DbOrTx, actor: Actor, input: unknown, now = new Date()): Promise<MemberAdjustment> {
  const request = checked(adjustmentRequestSchema, input);
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.id, request.memberId));
  if (!member) throw new DomainError("member_not_found", "No such member.", { member_id: request.memberId });
  const [program] = await db.select({ id: programs.id }).from(programs).where(eq(programs.id, request.programId));
  if (!program) throw new DomainError("program_not_found", "No such programme.", { program_id: request.programId });
  await assertEnrolled(db, request.memberId, request.programId);
  const threshold = await getAdjustmentApprovalThreshold(db);
  const row = {
    memberId: request.memberId,
    programId: request.programId,
    direction: request.direction,
    points: request.points,
    reasonCode: request.reasonCode,
    note: request.note,
    requestedById: userId(actor),
    requestedByLabel: actor.label,
    createdAt: now,
  };

  if (needsApproval(request.points, threshold)) {
    // A debit the member could not pay even now is refused at once rather than queued for a decision that must fail.
    if (request.direction === "debit") await assertSpendable(db, request.memberId, request.programId, request.points, now);
    // One transaction: a pending adjustment never exists without its audit record.
    return db.transaction(async (tx) => {
      const [pending] = await tx.insert(memberAdjustments).values({ ...row, status: "pending_approval" }).returning();
      await writeAudit(tx, actor, { action: "member_adjustment.request", entityType: "member", entityId: request.memberId, after: { ...pending, threshold } });
      return pending!;
    });
  }

  return withTransactionRetry(() =>
    // One transaction under the member's balance lock: the adjustment, its entry, lots, balances and audit land together or not at all.
    db.transaction(async (tx) => {
      const [balance] = await lockMemberPrograms(tx, [{ memberId: request.memberId, programId: request.programId }]);
      const [inserted] = await tx.insert(memberAdjustments).values({ ...row, status: "posted", decidedAt: now }).returning();
      const entryId = await postAdjustment(tx, actor, inserted!, balance!, now);
      const [posted] = await tx.update(memberAdjustments).set({ entryId }).where(eq(memberAdjustments.id, inserted!.id)).returning();
      await writeAudit(tx, actor, { action: "member_adjustment.post", entityType: "member", entityId: request.memberId, after: { ...posted, threshold } });
      return posted!;
    }),
  );
}

/**
 * A second user approves a pending adjustment: it posts now. Maker-checker: its requester cannot.
 * Concurrent approvals serialise on the member's balance row and then the adjustment row; the first
 * posts, the others find it no longer pending (adjustment_not_pending).
 */
export async function approveAdjustment(db: DbOrTx, actor: Actor, input: { adjustmentId: string; note?: string }, now = new Date()): Promise<MemberAdjustment> {
  const { adjustmentId, note } = checked(adjustmentDecisionSchema, input);
  return withTransactionRetry(() =>
    db.transaction(async (tx) => {
      const { before, balance } = await lockPending(tx, actor, adjustmentId, "approve");
      const entryId = await postAdjustment(tx, actor, before, balance!, now);
      const [after] = await tx
        .update(memberAdjustments)
        .set({ status: "posted", decidedById: userId(actor), decidedByLabel: actor.label, decidedAt: now, decisionNote: note ?? null, entryId })
        .where(eq(memberAdjustments.id, adjustmentId))
        .returning();
      await writeAudit(tx, actor, { action: "member_adjustment.approve", entityType: "member", entityId: before.memberId, before, after });
      return after!;
    }),
  );
}

/** A second user rejects a pending adjustment with a note: nothing reaches the ledger. Its requester cannot. */
export async function rejectAdjustment(db: DbOrTx, actor: Actor, input: { adjustmentId: string; note: string }, now = new Date()): Promise<MemberAdjustment> {
  const { adjustmentId, note } = checked(adjustmentRejectionSchema, input);
  return withTransactionRetry(() =>
    db.transaction(async (tx) => {
      const { before } = await lockPending(tx, actor, adjustmentId, "reject");
      const [after] = await tx
        .update(memberAdjustments)
        .set({ status: "rejected", decidedById: userId(actor), decidedByLabel: actor.label, decidedAt: now, decisionNote: note })
        .where(eq(memberAdjustments.id, adjustmentId))
        .returning();
      await writeAudit(tx, actor, { action: "member_adjustment.reject", entityType: "member", entityId: before.memberId, before, after });
      return after!;
    }),
  );
}

/**
 * The adjustment to decide on, locked: the member's balance row first (the ledger's global lock order,
 * also for a rejection, so approvals and rejections of one adjustment queue behind each other), then
 * the adjustment row. Refuses one that is not pending, or that the actor requested.
 */
async function lockPending(tx: DbOrTx, actor: Actor, adjustmentId: string, decision: "approve" | "reject"): Promise<{ before: MemberAdjustment; balance: MemberProgram | undefined }> {
  if (!UUID.test(adjustmentId)) throw new DomainError("adjustment_not_found", "No such adjustment.", { adjustment_id: adjustmentId });
  const [found] = await tx.select({ memberId: memberAdjustments.memberId, programId: memberAdjustments.programId }).from(memberAdjustments).where(eq(memberAdjustments.id, adjustmentId));
  if (!found) throw new DomainError("adjustment_not_found", "No such adjustment.", { adjustment_id: adjustmentId });
  const [balance] = await lockMemberPrograms(tx, [found]);
  const [before] = await tx.select().from(memberAdjustments).where(eq(memberAdjustments.id, adjustmentId)).for("update");
  if (before!.status !== "pending_approval") {
    const what = before!.status === "posted" ? "approved and posted" : "rejected";
    const by = before!.decidedByLabel ? ` by ${before!.decidedByLabel}` : "";
    throw new DomainError("adjustment_not_pending", `This adjustment was already ${what}${by}. Nothing was changed.`, { status: before!.status });
  }
  if (before!.requestedById !== null && before!.requestedById === userId(actor)) {
    throw new DomainError("maker_checker", `You requested this adjustment: another member care user must ${decision} it.`, { adjustment_id: adjustmentId });
  }
  return { before: before!, balance };
}

async function assertSpendable(db: DbOrTx, memberId: string, programId: string, wanted: number, now: Date): Promise<void> {
  const available = await spendableTotal(db, memberId, [programId], now);
  if (available < wanted) throw insufficient(available, wanted);
}

const insufficient = (available: number, requested: number) =>
  new DomainError("insufficient_points", `The member has only ${points(available)} points to debit in this programme.`, { available, requested, field: "points" });

/**
 * Writes a posted adjustment to the ledger, in the caller's transaction, which holds the member's
 * balance row. The programme's `issued` account is the other side of both directions: a goodwill
 * credit is issued like an award (and a debit returns points there, as a take-back does); the
 * entry's kind `adjustment` tells them apart in reports.
 */
async function postAdjustment(tx: DbOrTx, actor: Actor, adjustment: MemberAdjustment, balance: MemberProgram, now: Date): Promise<number> {
  const { memberId, programId } = adjustment;
  const signed = adjustment.direction === "credit" ? adjustment.points : -adjustment.points;
  const entry = {
    kind: "adjustment",
    memberId,
    memo: `${reasonLabel(adjustment.reasonCode)}: ${adjustment.note}`,
    reference: adjustment.id,
    actorLabel: actor.label,
    at: now,
    postings: [
      { accountId: balance.accountId, amount: signed },
      { accountId: await systemAccountId(tx, programId, "issued"), amount: -signed },
    ],
  };
  if (adjustment.direction === "credit") {
    const entryId = await postEntry(tx, entry);
    // The credit's lot expires as an award made now would, under the programme's default expiry strategy.
    const expiresAt = await defaultExpiryFor(tx, programId, now);
    await tx.insert(lots).values({ memberId, programId, entryId, source: "adjustment", awardedAt: now, expiresAt, points: adjustment.points, pointsLeft: adjustment.points });
    // Lifetime moves with current, as a take-back's does: for a member without transfers lifetime =
    // current + expired + redeemed (DESIGN.md) holds through adjustments too.
    await addToBalances(tx, memberId, programId, { current: adjustment.points, lifetime: adjustment.points });
    return entryId;
  }
  // A debit takes points earliest-expiry-first, exactly as a redemption does, and never more than the member has.
  const allocation = allocate(await loadLotsForSpend(tx, memberId, [programId], adjustment.points, now), adjustment.points, now);
  if (!allocation.ok) throw insufficient(allocation.available, adjustment.points);
  const entryId = await postEntry(tx, entry);
  await moveLots(tx, entryId, allocation.allocations);
  // Like a refund's take-back, a debit lowers lifetime as much as current (see the credit above).
  await addToBalances(tx, memberId, programId, { current: -adjustment.points, lifetime: -adjustment.points });
  return entryId;
}

