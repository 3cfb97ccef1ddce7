import "server-only";
import { clientOf, type DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { awardPointsBatch } from "@/lib/ledger/award";

export type TierChange = {
  memberId: string;
  programId: string;
  fromTierId: string;
  toTierId: string;
  reason: string;
  /** Awarded with the change ("Tier upgrade bonus: Gold"), when set. */
  bonus?: { points: number; tierName: string };
};

/**
 * Moves members to their new tier and writes the tier history, in one statement: compare-and-set on
 * the tier each change was decided from, so a change decided twice (two job runs, two workers) or
 * overtaken by another change is applied at most once. The caller holds the member_programs locks
 * (ingestion) or takes them first, in (member, programme) order (lockForChange). Answers the changes
 * applied; their bonuses are awarded in the caller's transaction.
 *
 * Each change applied gets its audit record in the same statement, with `auditAction` ("member.tier.upgrade"
 * when a transaction met a rule, "member.tier.downgrade" from the nightly job); null when the caller
 * writes its own (a change by hand, whose record carries the agent's reason).
 */
export async function recordTierChanges(tx: DbOrTx, actor: Actor, changes: readonly TierChange[], now: Date, auditAction: TierAuditAction | null): Promise<TierChange[]> {
  if (changes.length === 0) return [];
  const rows = changes.map((c) => ({ member_id: c.memberId, program_id: c.programId, from_tier_id: c.fromTierId, to_tier_id: c.toTierId, reason: c.reason }));
  const moved = await clientOf(tx).unsafe<{ member_id: string; program_id: string }[]>(
    MOVE,
    [JSON.stringify(rows), actor.label, now.toISOString(), actor.type, actor.id ?? null, auditAction],
    { prepare: true },
  );
  const done = new Set(moved.map((m) => `${m.member_id}|${m.program_id}`));
  const applied = changes.filter((c) => done.has(`${c.memberId}|${c.programId}`));
  const bonuses = applied.filter((c) => c.bonus);
  if (bonuses.length > 0) {
    const awards = await awardPointsBatch(tx, actor, bonuses.map((c) => ({ memberId: c.memberId, programId: c.programId, points: c.bonus!.points, reason: `Tier upgrade bonus: ${c.bonus!.tierName}` })), now);
    for (const a of awards) if (!a.ok) throw a.error;
  }
  return applied;
}

export type TierAuditAction = "member.tier.upgrade" | "member.tier.downgrade";

const MOVE = `
  with c as (
    select * from json_to_recordset($1::json) as c(member_id uuid, program_id uuid, from_tier_id uuid, to_tier_id uuid, reason text)
  ), moved as (
    update member_programs mp set tier_id = c.to_tier_id from c
    where mp.member_id = c.member_id and mp.program_id = c.program_id and mp.tier_id = c.from_tier_id
    returning mp.member_id, mp.program_id, c.from_tier_id, c.to_tier_id, c.reason
  ), audited as (
    insert into audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after)
    select $4, $5, $2, $6::text, 'member', member_id::text,
      jsonb_build_object('programId', program_id, 'tierId', from_tier_id),
      jsonb_build_object('programId', program_id, 'tierId', to_tier_id, 'reason', reason)
    from moved where $6::text is not null
  )
  insert into member_tier_changes (member_id, program_id, from_tier_id, to_tier_id, reason, actor_label, at)
  select member_id, program_id, from_tier_id, to_tier_id, reason, $2, $3::timestamptz from moved
  returning member_id, program_id`;

/** Locks the rows of the changes in (member, programme) order, as every spend and ingestion locks them. */
export async function lockForChange(tx: DbOrTx, changes: readonly TierChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => ({ member_id: c.memberId, program_id: c.programId }));
  await clientOf(tx).unsafe(LOCK, [JSON.stringify(rows)], { prepare: true });
}

const LOCK = `
  select 1 from member_programs mp
  join json_to_recordset($1::json) as c(member_id uuid, program_id uuid) on c.member_id = mp.member_id and c.program_id = mp.program_id
  order by mp.member_id, mp.program_id
  for update of mp`;
