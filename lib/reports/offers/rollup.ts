import "server-only";
import { sql } from "drizzle-orm";
import type { Rollup } from "@/lib/reports/rollup";
import { FULFILMENT_STATES } from "./states";

/** The offer key of awards with neither an offer nor a programme (none are written by the engine). */
export const NO_OFFER_KEY = "00000000-0000-0000-0000-000000000000";

const num = (rows: readonly { n?: unknown }[]) => Number(rows[0]?.n ?? 0);

/** sum of the count (or value) an event adds to one state: + when it enters it, − when it leaves it. */
const stateDelta = (state: string, what: "1" | "value") =>
  sql.raw(`coalesce(sum(case when to_state = '${state}' then ${what} else 0 end - case when from_state = '${state}' then ${what} else 0 end), 0)`);

/**
 * Folds new fulfilment_events into the per-offer award days, the members-reached set and the value
 * refunds took back. The new events (with their fulfilment's offer, programme, local day and unit) are
 * read once into a temporary table that the three upserts share.
 */
export const offerAwardsRollup: Rollup = {
  name: "offers.awards",
  async apply({ tx, isNew }) {
    await tx.execute(sql`
      create temporary table report_new_award_events on commit drop as
      select e.fulfilment_id, e.from_state, e.to_state, f.member_id, f.value, f.reversed_value, f.state, f.outcome_type,
        coalesce(f.offer_id, k.program_id, ${NO_OFFER_KEY}::uuid) as offer_key,
        (f.offer_id is null)::int as base_earn,
        k.program_id,
        (f.created_at at time zone coalesce(p.time_zone, 'UTC'))::date as day,
        case f.outcome_type when 'cashback' then coalesce(f.currency, '') when 'partner_points' then coalesce(f.partner_id::text, '') else '' end as unit
      from fulfilment_events e
      join fulfilments f on f.id = e.fulfilment_id
      left join offers o on o.id = f.offer_id
      left join partners pa on pa.id = f.partner_id
      cross join lateral (select coalesce(f.program_id, o.program_id, pa.host_program_id) as program_id) k
      left join programs p on p.id = k.program_id
      where ${isNew(sql.raw("e.written_in"))}`);
    const [read] = await tx.execute<{ n: string }>(sql`select count(*)::text as n from report_new_award_events`);
    if (num([read ?? {}]) === 0) return 0;

    const stateColumns = FULFILMENT_STATES.map((s) => sql.raw(`${s}_count, ${s}_value`));
    const stateSums = FULFILMENT_STATES.map((s) => sql`${stateDelta(s, "1")}, ${stateDelta(s, "value")}`);
    const stateUpdates = FULFILMENT_STATES.flatMap((s) => [`${s}_count = t.${s}_count + excluded.${s}_count`, `${s}_value = t.${s}_value + excluded.${s}_value`]).join(", ");
    // Creation adds the award to its first state; a change moves it; an event that keeps the state (a
    // partial refund, a reversal asked for) moves nothing. All on the day the award was made.
    await tx.execute(sql`
      insert into report_award_days as t (offer_key, day, outcome_type, unit, program_id, base_earn, awards, value, ${sql.join(stateColumns, sql`, `)})
      select offer_key, day, outcome_type, unit, (array_agg(program_id))[1], max(base_earn),
        count(*) filter (where from_state is null), coalesce(sum(value) filter (where from_state is null), 0),
        ${sql.join(stateSums, sql`, `)}
      from report_new_award_events
      where from_state is null or from_state <> to_state
      group by offer_key, day, outcome_type, unit
      on conflict (offer_key, day, outcome_type, unit) do update set
        awards = t.awards + excluded.awards, value = t.value + excluded.value, program_id = coalesce(t.program_id, excluded.program_id), ${sql.raw(stateUpdates)}`);

    // What refunds took back from awards still pending or posted: each touched award's reversed_value and
    // state now (in this snapshot) against what was counted before, so a partial refund adds, and an award
    // that fails or is reversed (or is sent again) takes its share out (or back in).
    await tx.execute(sql`
      with touched as (
        select distinct on (n.fulfilment_id) n.fulfilment_id, n.reversed_value, n.state in ('pending', 'posted') as counted,
          n.offer_key, n.day, n.outcome_type, n.unit, n.program_id, n.base_earn
        from report_new_award_events n where n.from_state is not null),
      delta as (
        select t.*, (case when t.counted then t.reversed_value else 0 end) - (case when r.counted then r.taken_back else 0 end) as d
        from touched t left join report_taken_back r on r.fulfilment_id = t.fulfilment_id
        where t.reversed_value > 0 or r.fulfilment_id is not null),
      saved as (
        insert into report_taken_back (fulfilment_id, taken_back, counted) select fulfilment_id, reversed_value, counted from delta
        on conflict (fulfilment_id) do update set taken_back = excluded.taken_back, counted = excluded.counted)
      insert into report_award_days as t (offer_key, day, outcome_type, unit, program_id, base_earn, taken_back)
      select offer_key, day, outcome_type, unit, (array_agg(program_id))[1], max(base_earn), sum(d) from delta where d <> 0
      group by offer_key, day, outcome_type, unit
      on conflict (offer_key, day, outcome_type, unit) do update set taken_back = t.taken_back + excluded.taken_back`);

    // Members reached: each (offer, member) once; the first fold of a pair counts it on its first award's day.
    await tx.execute(sql`
      with firsts as (
        select offer_key, member_id, min(day) as day from report_new_award_events where from_state is null group by offer_key, member_id),
      added as (
        insert into report_offer_members (offer_key, member_id) select offer_key, member_id from firsts order by offer_key, member_id
        on conflict do nothing returning offer_key, member_id)
      insert into report_offer_reach_days as t (offer_key, day, members)
      select f.offer_key, f.day, count(*) from added a join firsts f on f.offer_key = a.offer_key and f.member_id = a.member_id
      group by f.offer_key, f.day
      on conflict (offer_key, day) do update set members = t.members + excluded.members`);
    return num([read ?? {}]);
  },
};

/** Folds new point_block_debits into per-block days: points given (debits) and got back (returns). */
export const blockUsageRollup: Rollup = {
  name: "partners.block_usage",
  async apply({ tx, isNew }) {
    const rows = await tx.execute<{ n: string }>(sql`
      with src as (
        select d.block_id, (d.at at time zone coalesce(p.time_zone, 'UTC'))::date as day, b.partner_id,
          coalesce(sum(d.points) filter (where d.points > 0), 0) as debited, coalesce(-sum(d.points) filter (where d.points < 0), 0) as returned, count(*) as n
        from point_block_debits d
        join point_blocks b on b.id = d.block_id
        join partners pa on pa.id = b.partner_id
        left join programs p on p.id = pa.host_program_id
        where ${isNew(sql.raw("d.written_in"))}
        group by 1, 2, 3),
      folded as (
        insert into report_block_days as t (block_id, day, partner_id, debited, returned)
        select block_id, day, partner_id, debited, returned from src
        on conflict (block_id, day) do update set debited = t.debited + excluded.debited, returned = t.returned + excluded.returned)
      select coalesce(sum(n), 0)::text as n from src`);
    return num(rows);
  },
};
