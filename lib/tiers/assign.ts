import "server-only";
import { and, eq } from "drizzle-orm";
import { tiers } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { lockMemberPrograms } from "@/lib/ledger/posting";
import { careReasonSchema } from "@/lib/transactions/care-reason";
import { recordTierChanges } from "./changes";

export type AssignTierInput = { memberId: string; programId: string; tierId: string; reason: string };

/**
 * Puts a member in a tier by hand (a status match, a tier without an upgrade rule, a correction),
 * with a reason that goes into the tier history and the audit record. The member's balance row is
 * locked first, as every change of the member locks it. No upgrade bonus: a bonus is earned by
 * reaching a tier through its rule.
 */
export async function assignTier(db: DbOrTx, actor: Actor, input: AssignTierInput, now = new Date()) {
  const reason = careReasonSchema.safeParse(input.reason);
  if (!reason.success) throw new DomainError("validation_failed", reason.error.issues[0]!.message, { field: "reason" });
  return db.transaction(async (tx) => {
    const [row] = await lockMemberPrograms(tx, [{ memberId: input.memberId, programId: input.programId }]);
    const [tier] = await tx.select().from(tiers).where(and(eq(tiers.id, input.tierId), eq(tiers.programId, input.programId)));
    if (!tier) throw new DomainError("tier_not_found", "That tier is not one of this programme's tiers.", { field: "tierId" });
    if (row!.tierId === tier.id) throw new DomainError("validation_failed", `The member is already in ${tier.name}.`, { field: "tierId" });
    const [applied] = await recordTierChanges(tx, actor, [{ memberId: input.memberId, programId: input.programId, fromTierId: row!.tierId, toTierId: tier.id, reason: `Set by hand: ${reason.data}` }], now, null);
    if (!applied) throw new DomainError("conflict", "The member's tier changed meanwhile: look again and retry.");
    await writeAudit(tx, actor, {
      action: "member.tier.assign",
      entityType: "member",
      entityId: input.memberId,
      before: { programId: input.programId, tierId: row!.tierId },
      after: { programId: input.programId, tierId: tier.id, reason: reason.data },
    });
    return tier;
  });
}
