import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { lotMovements, memberPrograms, redemptions, type Program, type Redemption } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { allocate, breakupByProgram, checkRedemption, currencyMinorDigits, multiplyToMinorUnits } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { getDefaultProgram, getProgram } from "@/lib/programs";
import { assertPoints } from "./award";
import { addToBalances, loadLotsForSpend, lockAllMemberPrograms, lockMemberPrograms, moveLots, postEntry, spendableTotal, systemAccountId } from "./posting";

export type RedeemRequest = { memberId: string; programId: string; points: number; group: boolean };

/** Which programme's rules and ratio apply, and which programmes' lots may be spent. */
async function redemptionTerms(db: DbOrTx, request: RedeemRequest): Promise<{ ratioProgram: Program; rulesProgram: Program; programIds: string[] | null }> {
  const program = await getProgram(db, request.programId);
  if (!request.group) return { ratioProgram: program, rulesProgram: program, programIds: [program.id] };
  if (!program.isDefault) {
    const fallback = await getDefaultProgram(db);
    throw new DomainError("group_requires_default_program", "A group redemption must name the default programme.", { default_program_id: fallback.id });
  }
  const rulesProgram = program.groupRedemptionRulesProgramId ? await getProgram(db, program.groupRedemptionRulesProgramId) : program;
  return { ratioProgram: program, rulesProgram, programIds: null };
}

function checkRules(points: number, rules: Program): void {
  const check = checkRedemption(points, { minPoints: rules.minRedemptionPoints, maxPoints: rules.maxRedemptionPoints, multipleOf: rules.redemptionMultipleOf });
  if (!check.ok) throw new DomainError(check.code, check.message, check.details);
}

const valueOf = (points: number, program: Program) =>
  multiplyToMinorUnits(points, program.pointsToCurrency, currencyMinorDigits(program.currency), "half_even");

/** Would this redemption go through now? Reads only; the answer can change before a redeem. */
export async function checkRedeemable(
  db: DbOrTx,
  request: RedeemRequest,
  now = new Date(),
): Promise<{ redeemable: boolean; code?: string; reason?: string; currencyValueMinor: number; currency: string; available: number }> {
  assertPoints(request.points);
  const terms = await redemptionTerms(db, request);
  const currency = terms.ratioProgram.currency;
  const currencyValueMinor = valueOf(request.points, terms.ratioProgram);
  if (!request.group) await assertEnrolled(db, request.memberId, request.programId);
  const available = await spendableTotal(db, request.memberId, terms.programIds, now);
  const check = checkRedemption(request.points, {
    minPoints: terms.rulesProgram.minRedemptionPoints,
    maxPoints: terms.rulesProgram.maxRedemptionPoints,
    multipleOf: terms.rulesProgram.redemptionMultipleOf,
  });
  if (!check.ok) return { redeemable: false, code: check.code, reason: check.message, currencyValueMinor, currency, available };
  if (available < request.points) {
    return { redeemable: false, code: "insufficient_points", reason: `Only ${available.toLocaleString("en-US")} points can be spent.`, currencyValueMinor, currency, available };
  }
  return { redeemable: true, currencyValueMinor, currency, available };
}

/** Enrolment check without a lock, for reads. */
export async function assertEnrolled(db: DbOrTx, memberId: string, programId: string): Promise<void> {
  const [row] = await db.select({ m: memberPrograms.memberId }).from(memberPrograms).where(and(eq(memberPrograms.memberId, memberId), eq(memberPrograms.programId, programId)));
  if (!row) throw new DomainError("member_not_enrolled", "The member is not enrolled in this programme.", { member_id: memberId, program_id: programId });
}

/**
 * Redeems points: consumes lots earliest-expiry-first (across all the member's programmes for a
 * group redemption), writes one balanced entry, the lot movements, the balances, the redemption
 * with its breakup by programme, and the audit record, all under the member's balance locks.
 */
export async function redeemPoints(db: DbOrTx, actor: Actor, request: RedeemRequest & { externalReference?: string | null }, now = new Date()): Promise<Redemption> {
  assertPoints(request.points);
  const terms = await redemptionTerms(db, request);
  checkRules(request.points, terms.rulesProgram);
  return withTransactionRetry(() =>
    // One transaction, holding the member's balance rows: two redemptions can never spend the same points.
    db.transaction(async (tx) => {
      const locked = request.group
        ? await lockAllMemberPrograms(tx, request.memberId)
        : await lockMemberPrograms(tx, [{ memberId: request.memberId, programId: request.programId }]);
      if (locked.length === 0) throw new DomainError("member_not_enrolled", "The member is not enrolled in any programme.", { member_id: request.memberId });
      const allocation = allocate(await loadLotsForSpend(tx, request.memberId, terms.programIds, request.points, now), request.points, now);
      if (!allocation.ok) {
        throw new DomainError("insufficient_points", `Only ${allocation.available.toLocaleString("en-US")} points can be spent.`, { available: allocation.available, requested: request.points });
      }
      const breakup = breakupByProgram(allocation.allocations);
      const entryPostings = [];
      for (const part of breakup) {
        const account = locked.find((l) => l.programId === part.programId)!.accountId;
        entryPostings.push({ accountId: account, amount: -part.points }, { accountId: await systemAccountId(tx, part.programId, "redeemed"), amount: part.points });
      }
      const entryId = await postEntry(tx, { kind: "redemption", memberId: request.memberId, reference: request.externalReference ?? null, actorLabel: actor.label, at: now, postings: entryPostings });
      await moveLots(tx, entryId, allocation.allocations);
      for (const part of breakup) await addToBalances(tx, request.memberId, part.programId, { current: -part.points, redeemed: part.points });
      const [redemption] = await tx
        .insert(redemptions)
        .values({
          memberId: request.memberId,
          programId: request.programId,
          groupRedemption: request.group,
          points: request.points,
          currencyValueMinor: valueOf(request.points, terms.ratioProgram),
          currency: terms.ratioProgram.currency,
          pointsToCurrency: terms.ratioProgram.pointsToCurrency,
          externalReference: request.externalReference ?? null,
          breakupByProgram: breakup.map((b) => ({ program_id: b.programId, points: b.points })),
          entryId,
          createdAt: now,
        })
        .returning();
      await writeAudit(tx, actor, { action: "points.redeem", entityType: "member", entityId: request.memberId, after: redemption });
      return redemption!;
    }),
  );
}

/** Reverses a redemption: its points go back to the very lots they came from, with their original expiry. */
export async function reverseRedemption(db: DbOrTx, actor: Actor, redemptionId: string, now = new Date(), options: { memberId?: string } = {}): Promise<Redemption> {
  return withTransactionRetry(() =>
    db.transaction(async (tx) => {
      const [found] = await tx.select().from(redemptions).where(eq(redemptions.id, redemptionId));
      if (!found || (options.memberId && found.memberId !== options.memberId)) {
        throw new DomainError("redemption_not_found", "No such redemption.", { redemption_id: redemptionId });
      }
      // Balance rows first (the global lock order), then the redemption row.
      const locked = await lockMemberPrograms(tx, found.breakupByProgram.map((b) => ({ memberId: found.memberId, programId: b.program_id })));
      const [redemption] = await tx.select().from(redemptions).where(eq(redemptions.id, redemptionId)).for("update");
      if (redemption!.reversedAt) throw new DomainError("already_reversed", "This redemption was already reversed.", { redemption_id: redemptionId });
      const taken = await tx.select({ lotId: lotMovements.lotId, points: lotMovements.points }).from(lotMovements).where(eq(lotMovements.entryId, redemption!.entryId));
      const entryPostings = [];
      for (const part of redemption!.breakupByProgram) {
        const account = locked.find((l) => l.programId === part.program_id)!.accountId;
        entryPostings.push({ accountId: account, amount: part.points }, { accountId: await systemAccountId(tx, part.program_id, "redeemed"), amount: -part.points });
      }
      const entryId = await postEntry(tx, { kind: "redemption_reversal", memberId: redemption!.memberId, reference: redemption!.id, actorLabel: actor.label, at: now, postings: entryPostings });
      await moveLots(tx, entryId, taken.map((t) => ({ lotId: t.lotId, points: -t.points })));
      for (const part of redemption!.breakupByProgram) await addToBalances(tx, redemption!.memberId, part.program_id, { current: part.points, redeemed: -part.points });
      const [after] = await tx.update(redemptions).set({ reversedAt: now, reversalEntryId: entryId }).where(eq(redemptions.id, redemptionId)).returning();
      await writeAudit(tx, actor, { action: "points.redeem_reverse", entityType: "member", entityId: redemption!.memberId, before: redemption, after });
      return after!;
    }),
  );
}

export async function listRedemptions(db: DbOrTx, memberId: string, options: { limit?: number } = {}): Promise<Redemption[]> {
  return db
    .select()
    .from(redemptions)
    .where(eq(redemptions.memberId, memberId))
    .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
    .limit(Math.min(200, options.limit ?? 50));
}

