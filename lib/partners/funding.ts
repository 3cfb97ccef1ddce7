import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { partners, partnerTransactions, pointBlockDebits, pointBlocks, programs, type Fulfilment, type Partner } from "@/db/schema";
import { clientOf, type DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { allocateBlockDebit, partnerDebitPoints, partnerShareToRelease, type CompiledOffer, type Outcome } from "@/lib/engine";
import { DomainError } from "@/lib/errors";

export type BlockDebit = { blockId: string; points: number; reserve: boolean };

/**
 * Which active blocks fund `debit` partner points: oldest prepaid block first, the reserve last.
 * Call with the partner row locked (lockPartner): every debit, approval and release of a partner's
 * blocks goes through that lock, so two debits never spend the same points. Throws
 * insufficient_partner_points, having written nothing, when the blocks cannot fund it whole.
 */
export async function planBlockDebit(tx: DbOrTx, partner: Partner, debit: number): Promise<BlockDebit[]> {
  const blocks = await tx
    .select({ id: pointBlocks.id, kind: pointBlocks.kind, points: pointBlocks.points, used: pointBlocks.used })
    .from(pointBlocks)
    .where(and(eq(pointBlocks.partnerId, partner.id), eq(pointBlocks.status, "active"), gt(pointBlocks.points, pointBlocks.used)))
    .orderBy(asc(pointBlocks.createdAt), asc(pointBlocks.id));
  const plan = allocateBlockDebit(
    blocks.map((b) => ({ ...b, kind: b.kind === "reserve" ? "reserve" : "prepaid" })),
    debit,
  );
  if (!plan) {
    const available = blocks.reduce((sum, b) => sum + b.points - b.used, 0);
    throw new DomainError("insufficient_partner_points", `${partner.name} cannot fund this: it needs ${debit.toLocaleString("en-US")} points and its active blocks have ${available.toLocaleString("en-US")} left.`, {
      partner_id: partner.id,
      needed: debit,
      available,
    });
  }
  return plan;
}

/**
 * Spends the planned parts (one statement for the blocks and their history), flags the partner for a
 * top-up charge when the reserve was used, and creates the next block when what is left falls below
 * the partner's threshold. The partner row must be locked.
 */
export async function spendBlocks(
  tx: DbOrTx,
  actor: Actor,
  partner: Partner,
  plan: readonly BlockDebit[],
  link: { partnerTransactionId?: string; fulfilmentId?: string },
  now: Date,
): Promise<void> {
  if (plan.length === 0) return;
  await clientOf(tx).unsafe(SPEND_BLOCKS, [JSON.stringify(plan.map((p) => ({ block_id: p.blockId, points: p.points }))), link.partnerTransactionId ?? null, link.fulfilmentId ?? null, now.toISOString()], {
    prepare: true,
  });
  if (plan.some((p) => p.reserve) && partner.topUpRequiredAt === null) {
    await tx.update(partners).set({ topUpRequiredAt: now }).where(eq(partners.id, partner.id));
    partner.topUpRequiredAt = now; // the caller's snapshot too, so later spends in this transaction do not flag it again
    await writeAudit(tx, actor, { action: "partner.top_up_required", entityType: "partner", entityId: partner.id, after: { reason: "The reserve block was used: the prepaid blocks are exhausted." } });
  }
  await autoCreateBlock(tx, actor, partner, now);
}

const SPEND_BLOCKS = `
  with input as (select * from json_to_recordset($1::json) as t(block_id uuid, points bigint)),
  spent as (update point_blocks b set used = b.used + i.points from input i where b.id = i.block_id returning b.id)
  insert into point_block_debits (block_id, partner_transaction_id, fulfilment_id, points, at)
  select i.block_id, $2::uuid, $3::uuid, i.points, $4::timestamptz from input i join spent s on s.id = i.block_id`;

/**
 * When a partner's available points fall below its threshold, a block of the configured size is
 * created: active when the partner is set to auto-approve, else pending a partner manager's approval
 * (and then no second one is created while it waits).
 */
async function autoCreateBlock(tx: DbOrTx, actor: Actor, partner: Partner, now: Date): Promise<void> {
  if (partner.autoBlockThreshold === null || partner.autoBlockPoints === null) return;
  const [state] = await tx
    .select({
      available: sql<string>`coalesce(sum(${pointBlocks.points} - ${pointBlocks.used}) filter (where ${pointBlocks.status} = 'active'), 0)`,
      pendingAuto: sql<number>`count(*) filter (where ${pointBlocks.status} = 'pending' and ${pointBlocks.autoCreated})::int`,
    })
    .from(pointBlocks)
    .where(eq(pointBlocks.partnerId, partner.id));
  if (Number(state!.available) >= partner.autoBlockThreshold || state!.pendingAuto > 0) return;
  const [host] = await tx.select({ currency: programs.currency }).from(programs).where(eq(programs.id, partner.hostProgramId));
  const status = partner.autoApprove ? "active" : "pending";
  const [block] = await tx
    .insert(pointBlocks)
    .values({
      partnerId: partner.id,
      kind: "prepaid",
      status,
      points: partner.autoBlockPoints,
      price: partner.autoBlockPrice ?? 0,
      currency: partner.billingCurrency ?? host?.currency ?? "INR",
      reference: `AUTO-${now.toISOString().slice(0, 10)}-${Math.floor(now.getTime() / 1000) % 100000}`,
      autoCreated: true,
      decidedAt: partner.autoApprove ? now : null,
      createdAt: now,
    })
    .returning();
  await writeAudit(tx, actor, { action: "point_block.auto_create", entityType: "point_block", entityId: block!.id, after: block });
}

/**
 * Gives back to their blocks the points a fulfilment took (a failed partner credit releases what it
 * reserved). Idempotent: what was already given back is not given twice. Answers the points released.
 */
export async function releaseBlockPoints(tx: DbOrTx, fulfilmentId: string): Promise<number> {
  await unbillAward(tx, fulfilmentId);
  const first = await heldBy(tx, fulfilmentId);
  if (first.length === 0) return 0;
  // The partner's lock first, as every other change of its blocks takes it; then read again under it,
  // so two releases of the same fulfilment cannot both give the points back.
  await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, first[0]!.partnerId)).for("update");
  let released = 0;
  for (const h of await heldBy(tx, fulfilmentId)) {
    if (h.points <= 0) continue;
    await tx.update(pointBlocks).set({ used: sql`${pointBlocks.used} - ${h.points}` }).where(eq(pointBlocks.id, h.blockId));
    await tx.insert(pointBlockDebits).values({ blockId: h.blockId, fulfilmentId, points: -h.points });
    released += h.points;
  }
  return released;
}

/** An outcome a partner-funded offer would give, and the partner points its blocks would pay for it. */
export type FundingClaim = { partnerId: string; points: number };
export type FundingPlan = { partner: Partner; debit: number; parts: BlockDebit[] };
/** A plan to spend, `null` when the partner cannot fund it (the outcome must not be granted), "unfunded" when nothing is debited (post-paid, or no such partner). */
export type FundingDecision = FundingPlan | null | "unfunded";

/**
 * The funds of the partners behind partner-funded offers, for deciding outcome by outcome in the order
 * the engine grants them: each prepaid partner's active blocks fund what they can, whole outcome by
 * whole outcome. Post-paid partners fund everything (billed later), as do partners that no longer
 * exist (nothing to debit). Locks the partners' rows in id order — after the members' balance rows the
 * caller already holds, the order a partner's own earn transactions take them too. Spend the plans with
 * spendFundingPlans once the fulfilments are written, in the same transaction.
 */
export async function loadPartnerFunds(tx: DbOrTx, partnerIds: Iterable<string>): Promise<{ take(claim: FundingClaim): FundingDecision }> {
  const ids = [...new Set(partnerIds)].sort();
  const locked = new Map<string, Partner>();
  for (const id of ids) {
    const [p] = await tx.select().from(partners).where(eq(partners.id, id)).for("update");
    if (p) locked.set(id, p);
  }
  const blocks = new Map<string, { id: string; kind: "prepaid" | "reserve"; points: number; used: number }[]>();
  const prepaidIds = [...locked.values()].filter((p) => p.fundingMode === "prepaid").map((p) => p.id);
  if (prepaidIds.length > 0) {
    const rows = await tx
      .select({ id: pointBlocks.id, partnerId: pointBlocks.partnerId, kind: pointBlocks.kind, points: pointBlocks.points, used: pointBlocks.used })
      .from(pointBlocks)
      .where(and(inArray(pointBlocks.partnerId, prepaidIds), eq(pointBlocks.status, "active"), gt(pointBlocks.points, pointBlocks.used)))
      .orderBy(asc(pointBlocks.createdAt), asc(pointBlocks.id));
    for (const r of rows) blocks.set(r.partnerId, [...(blocks.get(r.partnerId) ?? []), { ...r, kind: r.kind === "reserve" ? "reserve" : "prepaid" }]);
  }
  return {
    take(claim) {
      const partner = locked.get(claim.partnerId);
      if (!partner) return "unfunded";
      const debit = partnerDebitPoints(claim.points, partner.debitRate);
      if (partner.fundingMode !== "prepaid") return { partner, debit, parts: [] }; // billed on its next statement
      const own = blocks.get(partner.id) ?? [];
      const parts = allocateBlockDebit(own, debit);
      if (!parts) return null;
      for (const part of parts) own.find((b) => b.id === part.blockId)!.used += part.points;
      return { partner, debit, parts };
    },
  };
}

/**
 * Spends planned debits for the fulfilments now written: a prepaid partner's blocks, or — for a
 * post-paid partner — a line on its open billing cycle (a partner transaction for the award).
 */
export async function spendFundingPlans(tx: DbOrTx, actor: Actor, plans: readonly { plan: FundingPlan; fulfilment: Fulfilment }[], now: Date): Promise<void> {
  const billed = plans.filter(({ plan }) => plan.partner.fundingMode !== "prepaid");
  if (billed.length > 0) {
    await tx.insert(partnerTransactions).values(
      billed.map(({ plan, fulfilment: f }) => ({
        partnerId: plan.partner.id,
        externalId: `offer-award:${f.id}`,
        memberId: f.memberId,
        programId: f.programId ?? plan.partner.hostProgramId,
        points: f.value,
        debitPoints: plan.debit,
        funding: "postpaid",
        reason: f.narration,
        occurredAt: now,
        entryId: f.entryId,
        fulfilmentId: f.id,
        requestHash: "offer-award",
        createdAt: now,
      })),
    );
  }
  for (const { plan, fulfilment } of plans) if (plan.parts.length > 0) await spendBlocks(tx, actor, plan.partner, plan.parts, { fulfilmentId: fulfilment.id }, now);
}

/**
 * A post-paid partner is not billed for what an award no longer gives: a failed credit drops its
 * unbilled line, a refund lowers it (already billed lines stay on their statement).
 */
async function unbillAward(tx: DbOrTx, fulfilmentId: string, share?: { x: number; dueBefore: number }): Promise<void> {
  if (!share || share.x >= share.dueBefore) {
    await tx.delete(partnerTransactions).where(and(eq(partnerTransactions.fulfilmentId, fulfilmentId), isNull(partnerTransactions.statementId)));
    return;
  }
  const unbilled = and(eq(partnerTransactions.fulfilmentId, fulfilmentId), isNull(partnerTransactions.statementId));
  const [line] = await tx.select({ debitPoints: partnerTransactions.debitPoints }).from(partnerTransactions).where(unbilled);
  if (!line) return;
  // What the award still gives is still billed: at least one debit point while points remain.
  const debitPoints = Math.max(line.debitPoints - partnerShareToRelease(line.debitPoints, share.x, share.dueBefore), 1);
  await tx.update(partnerTransactions).set({ points: share.dueBefore - share.x, debitPoints }).where(unbilled);
}

/** The partners whose blocks pay for some of these offers' points. */
export function fundingPartnersOf(offers: readonly CompiledOffer[]): string[] {
  return offers.flatMap((o) => (o.definition.funding.kind === "partner" && isPointsOutcome(o.definition.outcome.type) ? [o.definition.funding.partnerId] : []));
}

const isPointsOutcome = (type: string) => type === "reward_points" || type === "partner_points";

/**
 * What the offer's partner pays for this outcome: a plan, null when it cannot (the outcome is not
 * granted), "unfunded" when the bank funds the offer or the outcome is cashback or a voucher (points
 * only come out of blocks).
 */
export function decideFunding(offers: readonly CompiledOffer[], o: Outcome, funds: { take(claim: FundingClaim): FundingDecision }, value = o.value): FundingDecision {
  const funding = o.offerId ? offers.find((c) => c.offerId === o.offerId)?.definition.funding : undefined;
  if (funding?.kind !== "partner" || !isPointsOutcome(o.outcomeType)) return "unfunded";
  return funds.take({ partnerId: funding.partnerId, points: value });
}

/**
 * A refund took back `x` of what was still due on a partner-funded fulfilment (`dueBefore`): the
 * same share of the block points it still holds goes back to the blocks, rounded up, so refunds that
 * add up to the whole give back exactly everything. Answers the points released.
 */
export async function releaseBlockShare(tx: DbOrTx, fulfilmentId: string, x: number, dueBefore: number): Promise<number> {
  if (x <= 0 || dueBefore <= 0) return 0;
  if (x >= dueBefore) return releaseBlockPoints(tx, fulfilmentId);
  await unbillAward(tx, fulfilmentId, { x, dueBefore });
  const held = await heldBy(tx, fulfilmentId);
  if (held.length === 0) return 0;
  await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, held[0]!.partnerId)).for("update");
  const holding = (await heldBy(tx, fulfilmentId)).filter((h) => h.points > 0);
  let toRelease = partnerShareToRelease(holding.reduce((s, h) => s + h.points, 0), x, dueBefore);
  const total = toRelease;
  // The newest blocks first: what is left stays in the oldest, as it was spent.
  for (const h of [...holding].reverse()) {
    if (toRelease === 0) break;
    const points = Math.min(h.points, toRelease);
    await tx.update(pointBlocks).set({ used: sql`${pointBlocks.used} - ${points}` }).where(eq(pointBlocks.id, h.blockId));
    await tx.insert(pointBlockDebits).values({ blockId: h.blockId, fulfilmentId, points: -points });
    toRelease -= points;
  }
  return total;
}

/** Block points a fulfilment holds, per block (oldest block first). */
async function heldBy(tx: DbOrTx, fulfilmentId: string): Promise<{ blockId: string; partnerId: string; points: number }[]> {
  const rows = await tx
    .select({ blockId: pointBlockDebits.blockId, partnerId: pointBlocks.partnerId, points: sql<string>`sum(${pointBlockDebits.points})`, createdAt: pointBlocks.createdAt })
    .from(pointBlockDebits)
    .innerJoin(pointBlocks, eq(pointBlocks.id, pointBlockDebits.blockId))
    .where(eq(pointBlockDebits.fulfilmentId, fulfilmentId))
    .groupBy(pointBlockDebits.blockId, pointBlocks.partnerId, pointBlocks.createdAt)
    .orderBy(asc(pointBlocks.createdAt));
  return rows.map((r) => ({ blockId: r.blockId, partnerId: r.partnerId, points: Number(r.points) }));
}

/**
 * A retry of a failed, partner-funded credit takes its block points again (what is now due, at the
 * partner's debit rate), or refuses — changing nothing — when the partner's blocks can no longer
 * fund it. Fulfilments that never held block points need nothing. Answers the points taken.
 */
export async function reserveBlockPointsAgain(tx: DbOrTx, actor: Actor, fulfilmentId: string, due: number, now: Date): Promise<number> {
  const held = await heldBy(tx, fulfilmentId);
  if (held.length === 0) return 0;
  const [partner] = await tx.select().from(partners).where(eq(partners.id, held[0]!.partnerId)).for("update");
  const outstanding = (await heldBy(tx, fulfilmentId)).reduce((s, h) => s + h.points, 0);
  const needed = partnerDebitPoints(due, partner!.debitRate) - outstanding;
  if (needed <= 0) return 0;
  const plan = await planBlockDebit(tx, partner!, needed);
  await spendBlocks(tx, actor, partner!, plan, { fulfilmentId }, now);
  return needed;
}
