import "server-only";
import { clientOf, type DbOrTx } from "@/db";
import type { Fulfilment } from "@/db/schema";

/**
 * Writes new fulfilments with their first history entry and, for those delivered outside, their
 * outbox row — in one prepared statement, however many outcomes a transaction earned.
 */
export async function writeFulfilments(
  tx: DbOrTx,
  rows: readonly { fulfilment: Fulfilment; reason: string | null; outbox: boolean }[],
  actorLabel: string,
): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map(({ fulfilment: f, reason, outbox }) => ({
    id: f.id,
    member_id: f.memberId,
    transaction_id: f.transactionId,
    event_id: f.eventId,
    offer_id: f.offerId,
    offer_version: f.offerVersion,
    program_id: f.programId,
    outcome_type: f.outcomeType,
    value: f.value,
    currency: f.currency,
    partner_id: f.partnerId,
    pool_id: f.poolId,
    state: f.state,
    posting_method: f.postingMethod,
    claim_expires_at: f.claimExpiresAt?.toISOString() ?? null,
    narration: f.narration,
    explanation: f.explanation,
    entry_id: f.entryId,
    cap_period_key: f.capPeriodKey,
    milestone_period_key: f.milestonePeriodKey,
    at: f.createdAt.toISOString(),
    reason,
    outbox,
  }));
  await clientOf(tx).unsafe(WRITE_FULFILMENTS, [JSON.stringify(json), actorLabel], { prepare: true });
}

const WRITE_FULFILMENTS = `
  with input as (
    select * from json_to_recordset($1::json) as t(
      id uuid, member_id uuid, transaction_id uuid, event_id uuid, offer_id uuid, offer_version int, program_id uuid,
      outcome_type text, value bigint, currency text, partner_id uuid, pool_id uuid, state text, posting_method text,
      claim_expires_at timestamptz, narration text, explanation jsonb, entry_id bigint, cap_period_key text,
      milestone_period_key text, at timestamptz, reason text, outbox boolean)),
  f as (
    insert into fulfilments (id, member_id, transaction_id, event_id, offer_id, offer_version, program_id, outcome_type, value,
      currency, partner_id, pool_id, state, posting_method, claim_expires_at, narration, explanation, entry_id, cap_period_key,
      milestone_period_key, created_at, updated_at)
    select id, member_id, transaction_id, event_id, offer_id, offer_version, program_id, outcome_type, value, currency,
      partner_id, pool_id, state, posting_method, claim_expires_at, narration, explanation, entry_id, cap_period_key,
      milestone_period_key, at, at from input),
  e as (
    insert into fulfilment_events (fulfilment_id, member_id, from_state, to_state, reason, actor_label, at)
    select id, member_id, null, state, reason, $2, at from input where reason is not null)
  insert into outbox (kind, fulfilment_id, payload, available_at)
  select outcome_type || '.credit', id, json_build_object('fulfilmentId', id), at from input where outbox`;
