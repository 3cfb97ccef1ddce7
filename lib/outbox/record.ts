import "server-only";
import { clientOf, type Db } from "@/db";
import type { Fulfilment } from "@/db/schema";
import { releaseBlockPoints } from "@/lib/partners/funding";
import { giveBackUsage } from "@/lib/transactions/fulfil";

/**
 * What one delivery attempt came to, as the recorder writes it:
 *  - next: "retry" (due again at `availableAt`) or "done";
 *  - effect on the fulfilment: "post" (credited: posted with `reference`), "fail" (refused, or given
 *    up on), "reverse" (a reversal asked for in the console went through: `reverseValue` more is
 *    reversed), or null (history only);
 *  - reason: the history line, or null for none.
 * `attempts` is the claim's fence: an outcome is recorded only if no other worker has claimed the row since.
 */
export type Outcome = {
  outboxId: number;
  attempts: number;
  fulfilmentId: string;
  next: "retry" | "done";
  availableAt: Date | null;
  lastError: string | null;
  /** ok | refused | gave_up | skipped | retry: kept in the row's payload once done (a console retry reads it). */
  outcome: string;
  effect: "post" | "fail" | "reverse" | null;
  reference: string | null;
  reason: string | null;
  credited: number | null;
  reverseValue: number | null;
};

export type Recorded = { outcome: Outcome; owned: boolean };

/**
 * Records a set of outcomes in one transaction: one statement for all of them (outbox rows fenced by
 * their claim, fulfilment states, history lines, and a reversal for whatever a refund took back while
 * the credit was under way), then, for the few that failed or were reversed, gives back the offer
 * budget, the member's cap and any block points they held. The fulfilment rows are locked, so a
 * refund running at the same time sees either the state before or after, never half.
 */
export async function recordOutcomes(db: Db, outcomes: readonly Outcome[], now: Date, actorLabel: string): Promise<Recorded[]> {
  if (outcomes.length === 0) return [];
  const input = outcomes.map((o) => ({
    id: o.outboxId,
    attempts: o.attempts,
    fulfilment_id: o.fulfilmentId,
    next: o.next,
    available_at: o.availableAt?.toISOString() ?? null,
    last_error: o.lastError,
    outcome: o.outcome,
    effect: o.effect,
    reference: o.reference,
    reason: o.reason,
    credited: o.credited,
    reverse_value: o.reverseValue,
  }));
  return db.transaction(async (tx) => {
    const rows = await clientOf(tx).unsafe<{ id: string; fulfilment_id: string | null; member_id: string; offer_id: string | null; cap_period_key: string | null; effect: string | null; state: string; give_back: string }[]>(
      RECORD_OUTCOMES,
      [JSON.stringify(input), now.toISOString(), actorLabel],
      { prepare: true },
    );
    const owned = new Set(rows.map((r) => Number(r.id)));
    for (const r of rows) {
      if (!r.fulfilment_id || (r.effect !== "fail" && r.effect !== "reverse")) continue;
      // Only the columns giveBackUsage reads.
      const f = { id: r.fulfilment_id, memberId: r.member_id, offerId: r.offer_id, capPeriodKey: r.cap_period_key } as Fulfilment;
      // The partner's block points first, then the budget: the order every other change locks them in.
      if (r.state === "failed" || r.state === "reversed") await releaseBlockPoints(tx, r.fulfilment_id);
      await giveBackUsage(tx, f, Number(r.give_back));
    }
    return outcomes.map((outcome) => ({ outcome, owned: owned.has(outcome.outboxId) }));
  });
}

const RECORD_OUTCOMES = `
  with input as (
    select * from json_to_recordset($1::json) as t(
      id bigint, attempts int, fulfilment_id uuid, next text, available_at timestamptz, last_error text, outcome text,
      effect text, reference text, reason text, credited bigint, reverse_value bigint)),
  owned as (
    update outbox o set
      available_at = case when i.next = 'retry' then i.available_at else o.available_at end,
      done_at = case when i.next = 'done' then $2::timestamptz end,
      last_error = i.last_error,
      payload = case when i.next = 'done' then o.payload || jsonb_build_object('outcome', i.outcome) else o.payload end
    from input i
    where o.id = i.id and o.attempts = i.attempts and o.done_at is null
    returning i.*),
  locked as (
    select f.id, f.member_id, f.state, f.value, f.reversed_value from fulfilments f
    where f.id in (select fulfilment_id from owned) order by f.id for update),
  changed as (
    update fulfilments f set
      state = case o.effect
        when 'post' then case when f.value - f.reversed_value > 0 then 'posted' else 'reversed' end
        when 'fail' then 'failed'
        else case when f.reversed_value + o.reverse_value >= f.value then 'reversed' else f.state end end,
      external_reference = case when o.effect = 'post' then o.reference else f.external_reference end,
      reversed_value = case when o.effect = 'reverse' then least(f.value, f.reversed_value + o.reverse_value) else f.reversed_value end,
      updated_at = $2::timestamptz
    from owned o join locked l on l.id = o.fulfilment_id
    where f.id = o.fulfilment_id
      and ((o.effect = 'post' and l.state in ('pending', 'failed'))
        or (o.effect = 'fail' and l.state = 'pending')
        or (o.effect = 'reverse' and l.state = 'posted'))
    returning f.id, f.member_id, f.offer_id, f.cap_period_key, f.outcome_type, f.state, f.value, f.reversed_value,
      l.value - l.reversed_value as due_before, o.effect, o.credited),
  history as (
    insert into fulfilment_events (fulfilment_id, member_id, from_state, to_state, reason, actor_label, at)
    select o.fulfilment_id, l.member_id, l.state, coalesce(c.state, l.state), o.reason, $3, $2::timestamptz
    from owned o join locked l on l.id = o.fulfilment_id left join changed c on c.id = o.fulfilment_id
    where o.reason is not null),
  take_back as (
    insert into outbox (kind, fulfilment_id, payload, available_at)
    select c.outcome_type || '.reverse', c.id, jsonb_build_object('fulfilmentId', c.id, 'value', c.credited - (c.value - c.reversed_value)), $2::timestamptz
    from changed c where c.effect = 'post' and c.credited > c.value - c.reversed_value)
  select o.id::text as id, c.id::text as fulfilment_id, c.member_id::text as member_id, c.offer_id::text as offer_id, c.cap_period_key, c.effect, c.state,
    (case when c.effect = 'fail' then c.due_before when c.effect = 'reverse' then c.due_before - (c.value - c.reversed_value) else 0 end)::text as give_back
  from owned o left join changed c on c.id = o.fulfilment_id`;
