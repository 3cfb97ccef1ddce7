import "server-only";
import { eq } from "drizzle-orm";
import { lots, memberPrograms, transfers, type Transfer } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { allocate, breakupByProgram } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { getDefaultProgram, getProgram } from "@/lib/programs";
import { assertPoints } from "./award";
import { assertEnrolled } from "./redeem";
import { addToBalances, loadLotsForSpend, lockMemberPrograms, moveLots, postEntry, spendableTotal } from "./posting";

export type TransferRequest = { fromMemberId: string; toMemberId: string; programId: string; points: number; group: boolean };

/** Where the points land and which of the sender's programmes they may come from. */
async function transferTerms(db: DbOrTx, request: TransferRequest) {
  assertPoints(request.points);
  if (request.fromMemberId === request.toMemberId) throw new DomainError("transfer_to_self", "A member cannot transfer points to themselves.");
  const program = await getProgram(db, request.programId);
  if (request.group && !program.isDefault) {
    const fallback = await getDefaultProgram(db);
    throw new DomainError("group_requires_default_program", "A group transfer must name the default programme.", { default_program_id: fallback.id });
  }
  await assertEnrolled(db, request.toMemberId, program.id);
  let sourceProgramIds: string[];
  if (request.group) {
    const rows = await db.select({ p: memberPrograms.programId }).from(memberPrograms).where(eq(memberPrograms.memberId, request.fromMemberId));
    if (rows.length === 0) throw new DomainError("member_not_enrolled", "The sender is not enrolled in any programme.", { member_id: request.fromMemberId });
    sourceProgramIds = rows.map((r) => r.p);
  } else {
    await assertEnrolled(db, request.fromMemberId, program.id);
    sourceProgramIds = [program.id];
  }
  return { landingProgramId: program.id, sourceProgramIds };
}

export async function checkTransferable(db: DbOrTx, request: TransferRequest, now = new Date()): Promise<{ transferable: boolean; code?: string; reason?: string; available: number }> {
  const terms = await transferTerms(db, request);
  const available = await spendableTotal(db, request.fromMemberId, terms.sourceProgramIds, now);
  if (available < request.points) return { transferable: false, code: "insufficient_points", reason: `Only ${available.toLocaleString("en-US")} points can be transferred.`, available };
  return { transferable: true, available };
}

/**
 * Moves points from one member to another: the sender's lots are consumed in redemption order and
 * the recipient gets one lot per consumed lot with the same awarded and expiry dates (a transfer
 * never extends the life of points). Both members' balance rows are locked in the global order.
 */
export async function transferPoints(db: DbOrTx, actor: Actor, request: TransferRequest, now = new Date()): Promise<Transfer> {
  const terms = await transferTerms(db, request);
  return withTransactionRetry(() =>
    // One transaction holding both members' balance rows, locked in (member, programme) order.
    db.transaction(async (tx) => {
      const locked = await lockMemberPrograms(tx, [
        ...terms.sourceProgramIds.map((programId) => ({ memberId: request.fromMemberId, programId })),
        { memberId: request.toMemberId, programId: terms.landingProgramId },
      ]);
      const lotsNow = await loadLotsForSpend(tx, request.fromMemberId, terms.sourceProgramIds, request.points, now);
      const allocation = allocate(lotsNow, request.points, now);
      if (!allocation.ok) {
        throw new DomainError("insufficient_points", `Only ${allocation.available.toLocaleString("en-US")} points can be transferred.`, { available: allocation.available, requested: request.points });
      }
      const breakup = breakupByProgram(allocation.allocations);
      const accountOf = (memberId: string, programId: string) => locked.find((l) => l.memberId === memberId && l.programId === programId)!.accountId;
      const entryId = await postEntry(tx, {
        kind: "transfer",
        memberId: request.fromMemberId,
        reference: request.toMemberId,
        actorLabel: actor.label,
        at: now,
        postings: [
          ...breakup.map((b) => ({ accountId: accountOf(request.fromMemberId, b.programId), amount: -b.points })),
          { accountId: accountOf(request.toMemberId, terms.landingProgramId), amount: request.points },
        ],
      });
      await moveLots(tx, entryId, allocation.allocations);
      const source = new Map(lotsNow.map((l) => [l.lotId, l]));
      await tx.insert(lots).values(
        allocation.allocations.map((a) => ({
          memberId: request.toMemberId,
          programId: terms.landingProgramId,
          entryId,
          source: "transfer_in",
          awardedAt: source.get(a.lotId)!.awardedAt,
          expiresAt: source.get(a.lotId)!.expiresAt,
          points: a.points,
          pointsLeft: a.points,
        })),
      );
      for (const b of breakup) await addToBalances(tx, request.fromMemberId, b.programId, { current: -b.points, transferredOut: b.points });
      await addToBalances(tx, request.toMemberId, terms.landingProgramId, { current: request.points, transferredIn: request.points });
      const [transfer] = await tx
        .insert(transfers)
        .values({
          fromMemberId: request.fromMemberId,
          toMemberId: request.toMemberId,
          toProgramId: terms.landingProgramId,
          groupTransfer: request.group,
          points: request.points,
          breakupByProgram: breakup.map((b) => ({ program_id: b.programId, points: b.points })),
          entryId,
          createdAt: now,
        })
        .returning();
      await writeAudit(tx, actor, { action: "points.transfer", entityType: "member", entityId: request.fromMemberId, after: transfer });
      return transfer!;
    }),
  );
}
