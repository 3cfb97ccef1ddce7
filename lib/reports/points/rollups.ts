import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Rollup, RollupContext } from "@/lib/reports/rollup";
import { GROUP_SCOPE } from "./scope";

/**
 * The points dashboard's rollups (db/schema/reports-points.ts), folded in from the rows written since
 * the previous refresh. Every statement is an additive upsert, so a row is counted once whatever
 * order rows are folded in; distinct active-member counts are judged against each member's last active
 * day (report_member_last_active).
 *
 * What the dashboard can answer exactly and cheaply from them: movements and outstanding points for
 * any range (sums of ~1,100 daily rows per programme over 3 years), new members and active members per
 * day, week or month, and distinct active members from any day to today (report_last_active_days).
 * Distinct active members over a range that ended earlier cannot be added up from periods; the
 * headline then shows the calendar month of the range's last day.
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
  // The accounts are looked up in id order: on a cold cache their pages are then read in order, not at random.
  await ctx.tx.execute(sql`
    create temporary table report_points_moves on commit drop as
    with fresh as materialized (
      select je.at, je.kind, po.account_id, po.amount
      from journal_entries je join postings po on po.entry_id = je.id
      where ${ctx.isNew(sql`je.written_in`)}
      order by po.account_id
    )
    select a.program_id, a.member_id, ${localDay(sql`m.at`)} as day, m.kind, m.amount
    from fresh m
    join ledger_accounts a on a.id = m.account_id and a.kind = 'member'
    join programs p on p.id = a.program_id`);
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

/** Not written since the previous refresh: already folded in (rows older than the column count too). */
const isOld = (ctx: RollupContext, writtenIn: SQL) => sql`not coalesce(${ctx.isNew(writtenIn)}, false)`;

/**
 * Whether member `j.member_id` had activity already folded in, in scope `j.scope`, on a local day in
 * [j.period, j.period_end): a points movement (in that programme, or any for the group) or, for the
 * group, a transaction (on the default programme's local day, `zone`). Asked only of activity folded
 * late, so it reads one member's postings and transactions.
 */
const ACTIVE_BEFORE = (ctx: RollupContext) => sql`(exists (
    select 1 from member_programs mp
    join programs p on p.id = mp.program_id
    join postings po on po.account_id = mp.account_id
    join journal_entries je on je.id = po.entry_id
    where mp.member_id = j.member_id and (j.scope = ${GROUP_SCOPE}::uuid or mp.program_id = j.scope)
      and ${localDay(sql`je.at`)} >= j.period and ${localDay(sql`je.at`)} < j.period_end
      and ${isOld(ctx, sql`je.written_in`)}
  ) or (j.scope = ${GROUP_SCOPE}::uuid and exists (
    select 1 from transactions t, zone
    where t.member_id = j.member_id
      and t.occurred_at >= (j.period::timestamp at time zone zone.time_zone) and t.occurred_at < (j.period_end::timestamp at time zone zone.time_zone)
      and ${isOld(ctx, sql`t.written_in`)}
  )))`;

const DEFAULT_ZONE = sql`zone as (select coalesce((select time_zone from programs where is_default), 'UTC') as time_zone)`;

/**
 * Members active on each local day: per programme, those with a points movement in it; for the group,
 * those with a movement in any programme (on that programme's local day) or a transaction (on the
 * default programme's local day). Each (scope, member, day, week or month) adds one to the period's
 * count the first time it is seen, judged by the member's last active day in the scope
 * (report_member_last_active): a period that starts after it is new; one that holds it was counted;
 * one that ended before it (activity folded late) is new only if the ledger shows no activity in it.
 */
async function foldActivity(ctx: RollupContext): Promise<number> {
  await ctx.tx.execute(sql`
    create temporary table report_points_activity on commit drop as
    with tx as (
      select t.member_id, t.occurred_at from transactions t where ${ctx.isNew(sql`t.written_in`)}
    ), ${DEFAULT_ZONE}
    select program_id as scope, member_id, day from report_points_moves
    union
    select ${GROUP_SCOPE}::uuid, member_id, day from report_points_moves
    union
    select ${GROUP_SCOPE}::uuid, tx.member_id, (tx.occurred_at at time zone zone.time_zone)::date from tx, zone`);
  // Each active member's last day before and after this refresh: one look-up per member and scope, in key
  // order (the table's order since its first build), so a cold cache reads its pages in order.
  await ctx.tx.execute(sql`
    create temporary table report_points_active_members on commit drop as
    select a.scope, a.member_id, a.last_day, la.last_day as last_day_before
    from (select scope, member_id, max(day) as last_day from report_points_activity group by scope, member_id order by scope, member_id) a
    left join report_member_last_active la on la.scope = a.scope and la.member_id = a.member_id`);
  await ctx.tx.execute(sql`analyze report_points_active_members`);
  await ctx.tx.execute(sql`
    with ${DEFAULT_ZONE}, periods as (
      select distinct r.scope, r.member_id, g.grain, g.period, g.period_end from report_points_activity r ${PERIODS}
    ), judged as (
      select j.scope, j.grain, j.period from periods j
      join report_points_active_members m on m.scope = j.scope and m.member_id = j.member_id
      where m.last_day_before is null or j.period > m.last_day_before
        or (j.period_end <= m.last_day_before and not ${ACTIVE_BEFORE(ctx)})
    )
    insert into report_member_counts as c (scope, grain, period, active_members)
    select scope, grain, period, count(*) from judged group by scope, grain, period
    on conflict (scope, grain, period) do update set active_members = c.active_members + excluded.active_members`);
  // A member whose last day moves on leaves the count of the old day for the new one.
  await ctx.tx.execute(sql`
    insert into report_last_active_days as h (scope, day, members)
    select scope, day, sum(delta) from (
      select scope, last_day as day, 1 as delta from report_points_active_members
      where last_day_before is null or last_day > last_day_before
      union all
      select scope, last_day_before, -1 from report_points_active_members
      where last_day > last_day_before
    ) moved group by scope, day
    on conflict (scope, day) do update set members = h.members + excluded.members`);
  await ctx.tx.execute(sql`
    insert into report_member_last_active as la (scope, member_id, last_day)
    select scope, member_id, last_day from report_points_active_members
    where last_day_before is null or last_day > last_day_before
    -- In key order: the first build lays the table out in the order every later refresh looks members up.
    order by scope, member_id
    on conflict (scope, member_id) do update set last_day = excluded.last_day`);
  const [row] = await ctx.tx.execute<{ n: number }>(sql`select count(*)::int as n from transactions t where ${ctx.isNew(sql`t.written_in`)}`);
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
