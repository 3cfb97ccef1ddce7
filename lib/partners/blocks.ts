import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { pointBlocks, type PointBlock } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { lockPartner } from "./index";
import { pointBlockInputSchema, type PointBlockInput } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const rejectionReasonSchema = z.string().trim().min(1, "Say why the block is rejected.").max(500, "Use at most 500 characters.");

/** Parses a use case's input the way the form does, so a caller that skipped the form still gets a clear 4xx. */
function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DomainError("validation_failed", issue.message, { field: String(issue.path[0] ?? "form") });
}

const userId = (actor: Actor) => (actor.type === "user" ? actor.id : null);

/** Records a point block purchase for a prepaid partner. It stays pending until another partner manager approves it. */
export async function recordPointBlock(db: DbOrTx, actor: Actor, partnerId: string, input: PointBlockInput): Promise<PointBlock> {
  const fields = parsed(pointBlockInputSchema, input);
  if (!UUID.test(partnerId)) throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
  // One transaction: the partner's status and funding mode are read under its lock, so a suspension
  // or a switch to post-paid committed meanwhile is never missed.
  return db.transaction(async (tx) => {
    const partner = await lockPartner(tx, partnerId);
    if (partner.status !== "active") throw new DomainError("partner_suspended", `${partner.name} is suspended: reactivate it before recording blocks.`);
    if (partner.fundingMode !== "prepaid") {
      throw new DomainError("validation_failed", `${partner.name} is post-paid: it is billed per cycle and buys no point blocks.`, { field: "partnerId" });
    }
    const [block] = await tx
      .insert(pointBlocks)
      .values({ partnerId, ...fields, status: "pending", recordedBy: userId(actor) })
      .returning();
    await writeAudit(tx, actor, { action: "point_block.record", entityType: "point_block", entityId: block!.id, after: block });
    return block!;
  });
}

/**
 * The block to decide on, locked after its partner: the partner row first, then the block, the same
 * order as the earn transactions that spend blocks, so an approval and a debit serialise without deadlock.
 */
async function lockPendingBlock(tx: DbOrTx, id: string): Promise<PointBlock> {
  if (!UUID.test(id)) throw new DomainError("point_block_not_found", "No such point block.", { block_id: id });
  const [found] = await tx.select({ partnerId: pointBlocks.partnerId }).from(pointBlocks).where(eq(pointBlocks.id, id));
  if (!found) throw new DomainError("point_block_not_found", "No such point block.", { block_id: id });
  await lockPartner(tx, found.partnerId);
  const [block] = await tx.select().from(pointBlocks).where(eq(pointBlocks.id, id)).for("update");
  if (block!.status !== "pending") throw new DomainError("point_block_not_pending", `This block is already ${block!.status}.`, { status: block!.status });
  return block!;
}

/** Approves a pending block: its points become available. Maker-checker: its recorder cannot approve it. */
export async function approvePointBlock(db: DbOrTx, actor: Actor, id: string): Promise<PointBlock> {
  return db.transaction(async (tx) => {
    const before = await lockPendingBlock(tx, id);
    if (before.recordedBy !== null && before.recordedBy === userId(actor)) {
      throw new DomainError("maker_checker", "You recorded this block: another partner manager must approve it.");
    }
    const [after] = await tx
      .update(pointBlocks)
      .set({ status: "active", decidedBy: userId(actor), decidedAt: new Date() })
      .where(eq(pointBlocks.id, id))
      .returning();
    await writeAudit(tx, actor, { action: "point_block.approve", entityType: "point_block", entityId: id, before, after });
    return after!;
  });
}

/** Rejects a pending block with a reason; its points never become available. Its recorder may withdraw it this way. */
export async function rejectPointBlock(db: DbOrTx, actor: Actor, id: string, reason: string): Promise<PointBlock> {
  const why = parsed(rejectionReasonSchema, reason);
  return db.transaction(async (tx) => {
    const before = await lockPendingBlock(tx, id);
    const [after] = await tx
      .update(pointBlocks)
      .set({ status: "rejected", decidedBy: userId(actor), decidedAt: new Date(), rejectionReason: why })
      .where(eq(pointBlocks.id, id))
      .returning();
    await writeAudit(tx, actor, { action: "point_block.reject", entityType: "point_block", entityId: id, before, after });
    return after!;
  });
}
