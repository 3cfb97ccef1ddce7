import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { memberPrograms, partners, pointBlockDebits, partnerTransactions, type PartnerTransaction } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { partnerDebitPoints } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { awardPoints } from "@/lib/ledger/award";
import { repayDebt } from "@/lib/ledger/take-back";
import { planBlockDebit, spendBlocks, type BlockDebit } from "./funding";
import { lockPartner } from "./index";

export type PartnerEarnInput = { externalId: string; memberId: string; points: number; reason: string | null; occurredAt: Date | null };

export type PartnerEarnResult = {
  transaction: PartnerTransaction;
  blocks: { blockId: string; points: number }[];
  /** A repeat of an external id already received: nothing was changed. */
  repeated: boolean;
};

/**
 * A partner's earn transaction: the member gets `points` in the partner's host programme, and the
 * partner pays for them — from its point blocks (prepaid: oldest active block first, then the reserve,
 * at the debit rate, rounded up) or on its next statement (post-paid). Funded whole or rejected whole
 * (insufficient_partner_points) with nothing written. The partner row is locked for the duration, so
 * concurrent transactions of one partner never spend the same block points. A repeated external id
 * answers the first answer; the same id with other details is a conflict.
 */
export async function earnForPartner(tx: DbOrTx, actor: Actor, partnerId: string, input: PartnerEarnInput, now = new Date()): Promise<PartnerEarnResult> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0) throw new DomainError("invalid_points", "Points must be a whole number above zero.", { points: input.points });
  if (input.occurredAt && input.occurredAt.getTime() > now.getTime() + 5 * 60_000) throw new DomainError("awarded_at_in_future", "occurred_at is in the future.", { occurred_at: input.occurredAt.toISOString() });
  // Locks in the order transactions take them (the member's balance row, then the partner), so a
  // partner's earn and a partner-funded offer's award for the same member never deadlock.
  const partner = await lockPartnerAfterMember(tx, partnerId, input.memberId);
  const requestHash = hashOf(input);

  const [earlier] = await tx
    .select()
    .from(partnerTransactions)
    .where(and(eq(partnerTransactions.partnerId, partnerId), eq(partnerTransactions.externalId, input.externalId)));
  if (earlier) {
    if (earlier.requestHash !== requestHash) {
      throw new DomainError("conflict", `A different transaction with the external id ${input.externalId} was already received.`, { external_id: input.externalId, partner_transaction_id: earlier.id });
    }
    const debits = await tx.select({ blockId: pointBlockDebits.blockId, points: pointBlockDebits.points }).from(pointBlockDebits).where(eq(pointBlockDebits.partnerTransactionId, earlier.id));
    return { transaction: earlier, blocks: debits, repeated: true };
  }
  if (partner.status !== "active") throw new DomainError("partner_suspended", `${partner.name} is suspended: its transactions are not accepted.`, { partner_id: partnerId });

  const debitPoints = partnerDebitPoints(input.points, partner.debitRate);
  const plan: BlockDebit[] = partner.fundingMode === "prepaid" ? await planBlockDebit(tx, partner, debitPoints) : [];

  const reason = input.reason ?? `${partner.name}: ${input.externalId}`;
  const award = await awardPoints(tx, actor, { memberId: input.memberId, programId: partner.hostProgramId, points: input.points, reason, awardedAt: input.occurredAt ?? now, externalReference: `partner:${partner.code}:${input.externalId}` }, now);
  const [enrolment] = await tx
    .select({ debt: memberPrograms.debt })
    .from(memberPrograms)
    .where(and(eq(memberPrograms.memberId, input.memberId), eq(memberPrograms.programId, partner.hostProgramId)));
  const id = randomUUID();
  if ((enrolment?.debt ?? 0) > 0) {
    await repayDebt(tx, actor, { memberId: input.memberId, programId: partner.hostProgramId, lotId: award.lotId, awarded: input.points, reference: id, now });
  }
  const [transaction] = await tx
    .insert(partnerTransactions)
    .values({
      id,
      partnerId,
      externalId: input.externalId,
      memberId: input.memberId,
      programId: partner.hostProgramId,
      points: input.points,
      debitPoints,
      funding: partner.fundingMode,
      reason,
      occurredAt: input.occurredAt ?? now,
      entryId: award.entryId,
      requestHash,
      createdAt: now,
    })
    .returning();
  await spendBlocks(tx, actor, partner, plan, { partnerTransactionId: id }, now);
  await writeAudit(tx, actor, { action: "partner_transaction.create", entityType: "partner_transaction", entityId: id, after: { ...transaction, blocks: plan } });
  return { transaction: transaction!, blocks: plan.map(({ blockId, points }) => ({ blockId, points })), repeated: false };
}

async function lockPartnerAfterMember(tx: DbOrTx, partnerId: string, memberId: string) {
  const [host] = await tx.select({ programId: partners.hostProgramId }).from(partners).where(eq(partners.id, partnerId));
  if (host) await tx.select({ memberId: memberPrograms.memberId }).from(memberPrograms).where(and(eq(memberPrograms.memberId, memberId), eq(memberPrograms.programId, host.programId))).for("update");
  return lockPartner(tx, partnerId);
}

function hashOf(input: PartnerEarnInput): string {
  return createHash("sha256")
    .update(JSON.stringify([input.memberId, input.points, input.reason, input.occurredAt?.toISOString() ?? null]))
    .digest("hex");
}
