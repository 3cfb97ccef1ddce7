import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { expiryStrategies, memberPrograms, programs, type ExpiryStrategyRow } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { expiryDate, type ExpiryStrategyKind } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { systemAccountId } from "./posting";

export type AwardInput = {
  memberId: string;
  programId: string;
  points: number;
  reason: string;
  /** When the points count as awarded (promotional points may be back-dated); expiry derives from it. */
  awardedAt?: Date;
  expiryStrategyId?: string;
  externalReference?: string | null;
};

export type AwardResult = { entryId: number; lotId: number; points: number; awardedAt: Date; expiresAt: Date | null };

export function assertPoints(points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0) throw new DomainError("invalid_points", "Points must be a whole number above zero.", { points });
}

/**
 * Credits promotional points to a member: a balanced entry (the programme's issued account to the
 * member's account), a lot whose expiry derives from the awarded date, the balances and the audit record.
 */
export async function awardPoints(db: DbOrTx, actor: Actor, input: AwardInput, now = new Date()): Promise<AwardResult> {
  assertPoints(input.points);
  const awardedAt = input.awardedAt ?? now;
  if (awardedAt.getTime() > now.getTime()) throw new DomainError("awarded_at_in_future", "awarded_at cannot be in the future.", { awarded_at: awardedAt.toISOString() });
  const { accountId, timeZone, strategy } = await awardTerms(db, input);
  const expiresAt = expiryDate(awardedAt, { kind: strategy.kind as ExpiryStrategyKind, amount: strategy.amount }, timeZone);
  const issued = await systemAccountId(db, input.programId, "issued");
  const audit = { programId: input.programId, points: input.points, awardedAt, expiresAt, reason: input.reason, expiryStrategy: strategy.name };
  return withTransactionRetry(async () => {
    // One statement, so one transaction, writes the balanced entry (issued → member), the lot, the
    // balances and the audit record: all or nothing. An award only adds, so it needs no lock taken
    // in advance: its UPDATE of the balance row waits for any spend holding that row, then adds to
    // the committed value. The hottest write of the ledger thus costs two round trips in all.
    const [row] = await db.execute<{ entry_id: string; lot_id: string }>(sql`
      with e as (
        insert into journal_entries (kind, member_id, memo, reference, actor_label, at)
        values ('award', ${input.memberId}::uuid, ${input.reason}, ${input.externalReference ?? null}, ${actor.label}, ${now.toISOString()}::timestamptz)
        returning id),
      p as (
        insert into postings (entry_id, account_id, amount)
        select id, ${issued}::bigint, ${-input.points}::bigint from e union all select id, ${accountId}::bigint, ${input.points}::bigint from e),
      l as (
        insert into lots (member_id, program_id, entry_id, source, awarded_at, expires_at, points, points_left)
        select ${input.memberId}::uuid, ${input.programId}::uuid, id, 'award', ${awardedAt.toISOString()}::timestamptz, ${expiresAt?.toISOString() ?? null}::timestamptz, ${input.points}::bigint, ${input.points}::bigint from e
        returning id),
      b as (
        update member_programs set current = current + ${input.points}::bigint, lifetime = lifetime + ${input.points}::bigint
        where member_id = ${input.memberId} and program_id = ${input.programId}),
      a as (
        insert into audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, after)
        select ${actor.type}, ${actor.id}::text, ${actor.label}, 'points.award', 'member', ${input.memberId}::text, ${JSON.stringify(audit)}::jsonb)
      select e.id::text as entry_id, l.id::text as lot_id from e, l`);
    return { entryId: Number(row!.entry_id), lotId: Number(row!.lot_id), points: input.points, awardedAt, expiresAt };
  });
}

/**
 * The member's account in the programme, the programme's time zone and the expiry strategy to use
 * (the programme's default when none is named), in one round trip.
 */
async function awardTerms(tx: DbOrTx, input: AwardInput): Promise<{ accountId: number; timeZone: string; strategy: ExpiryStrategyRow }> {
  const [row] = await tx
    .select({ accountId: memberPrograms.accountId, timeZone: programs.timeZone, strategy: expiryStrategies })
    .from(memberPrograms)
    .innerJoin(programs, eq(programs.id, memberPrograms.programId))
    .leftJoin(
      expiryStrategies,
      and(eq(expiryStrategies.programId, programs.id), input.expiryStrategyId ? eq(expiryStrategies.id, input.expiryStrategyId) : eq(expiryStrategies.isDefault, true)),
    )
    .where(and(eq(memberPrograms.memberId, input.memberId), eq(memberPrograms.programId, input.programId)));
  if (!row) {
    // Only on the error path: say which of the two is missing.
    const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, input.programId));
    if (!program) throw new DomainError("program_not_found", "No such programme.", { program_id: input.programId });
    throw new DomainError("member_not_enrolled", "The member is not enrolled in this programme.", { member_id: input.memberId, program_id: input.programId });
  }
  if (!row!.strategy) throw new DomainError("expiry_strategy_not_found", "That expiry strategy does not belong to this programme.", { expiry_strategy: input.expiryStrategyId });
  return { accountId: row!.accountId, timeZone: row!.timeZone, strategy: row!.strategy };
}
