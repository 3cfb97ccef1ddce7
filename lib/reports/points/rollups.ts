import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Rollup, RollupContext } from "@/lib/reports/rollup";
import { GROUP_SCOPE } from "./scope";

/**
 * The points dashboard's rollups (db/schema/reports-points.ts), folded in from the rows written since
 * the previous refresh. Every statement is an additive upsert, so a row is counted once whatever
 * order rows are folded in; distinct member counts go through report_active_members (a member counts
 * in a period only when their row for it is first inserted).
 *
 * What the dashboard can answer exactly and cheaply from them: movements and outstanding points for
 * any range (sums of ~1,100 daily rows per programme over 3 years), new members and active members per
 * day, week or month. Distinct active members over an arbitrary range cannot be added up from periods,
 * and counting them from the member rows would read millions of rows; the headline shows active
 * members in the calendar month of the range's last day instead.
 */

/** The local day of an instant in the programme's time zone (`p` is the programmes row). */
const localDay = (instant: SQL) => sql`(${instant} at time zone p.time_zone)::date`;

/** For each local day `r.day`: its day, ISO week (from Monday) and month, and the day after each. */
const PERIODS = sql`cross join lateral (values
  (0::smallint, r.day, r.day + 1),
  (1::smallint, date_trunc('week', r.day::timestamp)::date, date_trunc('week', r.day::timestamp)::date + 7),
  (2::smallint, date_trunc('month', r.day::timestamp)::date, (date_trunc('month', r.day::timestamp) + interval '1 month')::date)) g(grain, period, period_end)`;

/**
 * Postings of new journal entries to member accounts, with their programme's local day: read once
 * (into a temporary table dropped at commit) for the movements and for the active members.
 */
async function collectMoves(ctx: RollupContext): Promise<number> {
  await ctx.tx.execute(sql`
    create temporary table report_points_moves on commit drop as
    select a.program_id, a.member_id, ${localDay(sql`je.at`)} as day, je.kind, po.amount
    from journal_entries je
    join postings po on po.entry_id = je.id
    join ledger_accounts a on a.id = po.account_id and a.kind = 'member'
    join programs p on p.id = a.program_id
    where ${ctx.isNew(sql`je.written_in`)}`);
  const [row] = await ctx.tx.execute<{ n: number }>(sql`select count(*)::int as n from report_points_moves`);
  return row!.n;
}

/**
 * How a posting to a member account is counted, by its entry's kind and sign. Each posting lands in
 * exactly one column, so the columns add up to the change of the members' balances.
 */
const CATEGORY = sql`case
  when m.kind = 'award' and m.amount > 0 then 'awarded'
  when m.kind = 'adjustment' and m.amount > 0 then 'adjusted_in'
  when m.kind = 'adjustment' then 'adjusted_out'
  when m.kind in ('award_reversal', 'debt_repayment') and m.amount < 0 then 'taken_back'
  when m.kind = 'redemption' and m.amount < 0 then 'redeemed'
  when m.kind = 'redemption_reversal' and m.amount > 0 then 'redemption_reversed'
  when m.kind = 'expiry' and m.amount < 0 then 'expired'
  when m.kind = 'transfer' and m.amount > 0 then 'transferred_in'
  when m.kind = 'transfer' then 'transferred_out'
  when m.amount > 0 then 'other_in'
  else 'other_out' end`;

const COLUMNS = ["awarded", "adjusted_in", "adjusted_out", "taken_back", "redeemed", "redemption_reversed", "expired", "transferred_in", "transferred_out", "other_in", "other_out"] as const;

async function foldMovements(ctx: RollupContext): Promise<void> {
  const sums = COLUMNS.map((c) => sql.raw(`coalesce(abs(sum(amount) filter (where category = '${c}')), 0) as ${c}`));
  const updates = COLUMNS.map((c) => sql.raw(`${c} = report_points_daily.${c} + excluded.${c}`));
  await ctx.tx.execute(sql`
    insert into report_points_daily (program_id, day, ${sql.raw(COLUMNS.join(", "))})
    select program_id, day, ${sql.join(sums, sql`, `)}
    from (select m.program_id, m.day, m.amount, ${CATEGORY} as category from report_points_moves m) c
    group by program_id, day
    on conflict (program_id, day) do update set ${sql.join(updates, sql`, `)}`);
}

/**
 * Members active on each local day: per programme, those with a points movement in it; for the group,
 * those with a movement in any programme (on that programme's local day) or a transaction (on the
 * default programme's local day). A member's row for a day, week or month is inserted once (on
 * conflict do nothing), and only the inserted rows add to the period's count.
 */
async function foldActivity(ctx: RollupContext): Promise<number> {
  const [row] = await ctx.tx.execute<{ n: number }>(sql`
    with tx as (
      select t.member_id, t.occurred_at from transactions t where ${ctx.isNew(sql`t.written_in`)}
    ), zone as (
      select coalesce((select time_zone from programs where is_default), 'UTC') as time_zone
    ), activity as (
      select program_id as scope, member_id, day from report_points_moves
      union
      select ${GROUP_SCOPE}::uuid, member_id, day from report_points_moves
      union
      select ${GROUP_SCOPE}::uuid, tx.member_id, (tx.occurred_at at time zone zone.time_zone)::date from tx, zone
    ), inserted as (
      insert into report_active_members (scope, grain, period, member_id)
      select distinct r.scope, g.grain, g.period, r.member_id from activity r ${PERIODS}
      -- In key order: each index page is written once (the first build inserts tens of millions of rows).
      order by 1, 2, 3, 4
      on conflict do nothing
      returning scope, grain, period
    ), counted as (
      insert into report_member_counts as c (scope, grain, period, active_members)
      select scope, grain, period, count(*) from inserted group by scope, grain, period
      on conflict (scope, grain, period) do update set active_members = c.active_members + excluded.active_members
      returning 1
    )
    select (select count(*)::int from tx) as n, (select count(*) from counted) as counted`);
  return row!.n;
}

/**
 * New members per local day of their enrolment, per programme; for the group, each member once, on
 * the day of their first enrolment in any programme. An enrolment folded late that comes before one
 * already counted moves the member's group count to the earlier day (+1 there, −1 where it was).
 */
async function foldEnrolments(ctx: RollupContext): Promise<number> {
  const isNew = ctx.isNew(sql`mp.written_in`);
  const [row] = await ctx.tx.execute<{ n: number }>(sql`
    with fresh as (
      select mp.program_id, ${localDay(sql`mp.enrolled_at`)} as day, mp.member_id
      from member_programs mp join programs p on p.id = mp.program_id where ${isNew}
    ), ranked as (
      select mp.member_id, ${localDay(sql`mp.enrolled_at`)} as day, ${isNew} as is_new,
        row_number() over (partition by mp.member_id order by mp.enrolled_at, mp.program_id) as first_of_all,
        row_number() over (partition by mp.member_id, ${isNew} order by mp.enrolled_at, mp.program_id) as first_of_kind
      from member_programs mp join programs p on p.id = mp.program_id
      where mp.member_id in (select member_id from fresh)
    ), group_changes as (
      -- The member's first enrolment is a new row: +1 on its day, −1 on the day counted before (if any).
      select ${GROUP_SCOPE}::uuid as scope, n.day, 1 as delta from ranked n where n.first_of_all = 1 and n.is_new
      union all
      select ${GROUP_SCOPE}::uuid, o.day, -1 from ranked o
      where not o.is_new and o.first_of_kind = 1 and exists (select 1 from ranked n where n.member_id = o.member_id and n.first_of_all = 1 and n.is_new)
    ), changes as (
      select program_id as scope, day, 1 as delta from fresh
      union all
      select scope, day, delta from group_changes
    ), counted as (
      insert into report_member_counts as c (scope, grain, period, new_members)
      select r.scope, g.grain, g.period, sum(r.delta) from changes r ${PERIODS}
      group by r.scope, g.grain, g.period
      on conflict (scope, grain, period) do update set new_members = c.new_members + excluded.new_members
      returning 1
    )
    select (select count(*)::int from fresh) as n, (select count(*) from counted) as counted`);
  return row!.n;
}

/** Members per tier now: every tier change (enrolment included) moves one member from its tier to another. */
async function foldTierChanges(ctx: RollupContext): Promise<number> {
  const [row] = await ctx.tx.execute<{ n: number }>(sql`
    with fresh as (
      select program_id, from_tier_id, to_tier_id from member_tier_changes where ${ctx.isNew(sql`written_in`)}
    ), changes as (
      select program_id, to_tier_id as tier_id, count(*) as delta from fresh group by 1, 2
      union all
      select program_id, from_tier_id, -count(*) from fresh where from_tier_id is not null group by 1, 2
    ), counted as (
      insert into report_tier_members as t (program_id, tier_id, members)
      select program_id, tier_id, sum(delta) from changes group by 1, 2
      on conflict (program_id, tier_id) do update set members = t.members + excluded.members
      returning 1
    )
    select (select count(*)::int from fresh) as n, (select count(*) from counted) as counted`);
  return row!.n;
}

/** The points dashboard's rollups, in one pass over the new rows. */
export const pointsRollup: Rollup = {
  name: "points",
  async apply(ctx) {
    const moves = await collectMoves(ctx);
    await foldMovements(ctx);
    const transactions = await foldActivity(ctx);
    const enrolments = await foldEnrolments(ctx);
    const tierChanges = await foldTierChanges(ctx);
    return moves + transactions + enrolments + tierChanges;
  },
};
