import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { lots, memberPrograms } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { allocate, pointsDebt, type Allocation } from "@/lib/engine";
import { addToBalances, loadLotsForSpend, lockMemberPrograms, moveLots, postEntry, systemAccountId } from "./posting";

export type TakeBack = { debited: number; debt: number; entryId: number | null };

/**
 * Takes back points a member should not have (a refunded purchase, a corrected award): from the
 * award's own lot first, then the programme's other spendable lots in consumption order. What the
 * member no longer has (already spent) becomes a visible points debt that later earnings repay first:
 * buy, redeem, refund never leaves the member with points they did not earn.
 * A balanced entry (member → issued) and lifetime points go down by what is debited; in the caller's
 * transaction, which holds (or here takes) the member's balance row.
 */
export async function takeBackPoints(
  tx: DbOrTx,
  actor: Actor,
  input: { memberId: string; programId: string; points: number; lotId?: number | null; reason: string; reference: string | null; now: Date },
): Promise<TakeBack> {
  const [balance] = await lockMemberPrograms(tx, [{ memberId: input.memberId, programId: input.programId }]);
  const { debit } = pointsDebt({ toReverse: input.points, memberCurrent: balance!.current });
  const moves: Allocation[] = [];
  let left = debit;
  if (input.lotId && left > 0) {
    const [own] = await tx.select({ pointsLeft: lots.pointsLeft }).from(lots).where(and(eq(lots.id, input.lotId), gt(lots.pointsLeft, 0)));
    if (own) {
      const take = Math.min(own.pointsLeft, left);
      moves.push({ lotId: input.lotId, programId: input.programId, points: take });
      left -= take;
    }
  }
  if (left > 0) {
    const others = (await loadLotsForSpend(tx, input.memberId, [input.programId], left + (moves[0]?.points ?? 0), input.now)).filter((l) => l.lotId !== input.lotId);
    const first = allocate(others, left, input.now);
    // current counts points past expiry until the expiry job runs: those are not taken (they leave as expired).
    const allocation = first.ok || first.available === 0 ? first : allocate(others, first.available, input.now);
    if (allocation.ok) moves.push(...allocation.allocations);
  }
  const debited = moves.reduce((s, m) => s + m.points, 0);
  const owed = input.points - debited;
  let entryId: number | null = null;
  if (debited > 0) {
    entryId = await postEntry(tx, {
      kind: "award_reversal",
      memberId: input.memberId,
      memo: input.reason,
      reference: input.reference,
      actorLabel: actor.label,
      at: input.now,
      postings: [
        { accountId: balance!.accountId, amount: -debited },
        { accountId: await systemAccountId(tx, input.programId, "issued"), amount: debited },
      ],
    });
    await moveLots(tx, entryId, moves);
    await addToBalances(tx, input.memberId, input.programId, { current: -debited, lifetime: -debited });
  }
  if (owed > 0) {
    await tx
      .update(memberPrograms)
      .set({ debt: sql`${memberPrograms.debt} + ${owed}` })
      .where(and(eq(memberPrograms.memberId, input.memberId), eq(memberPrograms.programId, input.programId)));
  }
  await writeAudit(tx, actor, {
    action: "points.take_back",
    entityType: "member",
    entityId: input.memberId,
    after: { programId: input.programId, points: input.points, debited, debt: owed, reason: input.reason, reference: input.reference },
  });
  return { debited, debt: owed, entryId };
}

/**
 * Earnings repay a points debt first: right after an award, what the member owes in that programme
 * is taken from the new lot (a balanced entry member → issued), up to the award. In the caller's
 * transaction, holding the member's balance row. Returns the points repaid.
 */
export async function repayDebt(tx: DbOrTx, actor: Actor, input: { memberId: string; programId: string; lotId: number; awarded: number; reference: string | null; now: Date }): Promise<number> {
  const [balance] = await lockMemberPrograms(tx, [{ memberId: input.memberId, programId: input.programId }]);
  const repay = Math.min(balance!.debt, input.awarded);
  if (repay <= 0) return 0;
  const entryId = await postEntry(tx, {
    kind: "debt_repayment",
    memberId: input.memberId,
    memo: "Repays points taken back after a refund",
    reference: input.reference,
    actorLabel: actor.label,
    at: input.now,
    postings: [
      { accountId: balance!.accountId, amount: -repay },
      { accountId: await systemAccountId(tx, input.programId, "issued"), amount: repay },
    ],
  });
  await moveLots(tx, entryId, [{ lotId: input.lotId, points: repay }]);
  await addToBalances(tx, input.memberId, input.programId, { current: -repay, lifetime: -repay });
  await tx
    .update(memberPrograms)
    .set({ debt: sql`${memberPrograms.debt} - ${repay}` })
    .where(and(eq(memberPrograms.memberId, input.memberId), eq(memberPrograms.programId, input.programId)));
  return repay;
}
