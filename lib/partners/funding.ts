import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { partners, pointBlockDebits, pointBlocks, programs, type Partner } from "@/db/schema";
import { clientOf, type DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { allocateBlockDebit } from "@/lib/engine";
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
  const holding = () =>
    tx
      .select({ blockId: pointBlockDebits.blockId, partnerId: pointBlocks.partnerId, points: sql<string>`sum(${pointBlockDebits.points})` })
      .from(pointBlockDebits)
      .innerJoin(pointBlocks, eq(pointBlocks.id, pointBlockDebits.blockId))
      .where(eq(pointBlockDebits.fulfilmentId, fulfilmentId))
      .groupBy(pointBlockDebits.blockId, pointBlocks.partnerId);
  const first = await holding();
  if (first.length === 0) return 0;
  // The partner's lock first, as every other change of its blocks takes it; then read again under it,
  // so two releases of the same fulfilment cannot both give the points back.
  await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, first[0]!.partnerId)).for("update");
  let released = 0;
  for (const h of await holding()) {
    const points = Number(h.points);
    if (points <= 0) continue;
    await tx.update(pointBlocks).set({ used: sql`${pointBlocks.used} - ${points}` }).where(eq(pointBlocks.id, h.blockId));
    await tx.insert(pointBlockDebits).values({ blockId: h.blockId, fulfilmentId, points: -points });
    released += points;
  }
  return released;
}
