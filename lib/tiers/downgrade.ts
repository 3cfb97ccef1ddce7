import "server-only";
import { clientOf, type Db } from "@/db";
import { systemActor, type Actor } from "@/lib/actor";
import { addMonthsUtc, decideDowngrade, trackerPeriodsAt, visitsTracker } from "@/lib/engine";
import { loadTierRules, type TierRules } from "./cache";
import { lockForChange, recordTierChanges, type TierChange } from "./changes";

export const DOWNGRADE_BATCH = 10_000;
/** The SQL pre-filter is a little wider than the rule (month lengths); the engine decides exactly. */
const SLACK_MS = 4 * 86_400_000;

/** What the SQL needs of each tier with a downgrade rule, as of `now`. */
function tierConditions(rules: TierRules, now: Date) {
  return [...rules.values()].flatMap((p) =>
    p.tiers.flatMap((t) => {
      const rule = t.downgrade;
      if (rule === null) return [];
      if (rule.kind === "inactivity") return [{ tier_id: t.id, kind: "inactivity", cutoff: new Date(addMonthsUtc(now, -rule.months).getTime() + SLACK_MS).toISOString() }];
      const days = trackerPeriodsAt(visitsTracker(rule).window, now, p.timeZone) as { from: string; to: string };
      return [{
        tier_id: t.id, kind: "visits", cutoff: new Date(now.getTime() - rule.days * 86_400_000 + SLACK_MS).toISOString(),
        tracker_key: t.visitsTrackerKey, day_from: days.from, day_to: days.to, min_visits: rule.minVisits,
      }];
    }),
  );
}

/**
 * The downgrade job: walks member_programs in (member, programme) order, a batch at a time. Per batch
 * one statement reads the members in a tier with a downgrade rule whose rule may hold (last
 * transaction, when they entered the tier, visits in the window), the engine decides (one step down),
 * and one short transaction locks just those rows in the ingestion's lock order and moves them with a
 * compare-and-set on their tier: a second run, or a second worker at the same time, changes nobody
 * twice. `now` is the job's clock (tests pass their own). Answers the number of members moved.
 */
export async function runTierDowngrades(db: Db, options: { now?: Date; batchSize?: number; actor?: Actor } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const batch = options.batchSize ?? DOWNGRADE_BATCH;
  const actor = options.actor ?? systemActor("tier downgrade job");
  const rules = await loadTierRules(db);
  const conditions = tierConditions(rules, now);
  if (conditions.length === 0) return 0;
  const sql = clientOf(db);
  const json = JSON.stringify(conditions);
  let after = { member: "00000000-0000-0000-0000-000000000000", program: "00000000-0000-0000-0000-000000000000" };
  let moved = 0;
  for (;;) {
    const [end] = await sql.unsafe<{ member_id: string; program_id: string }[]>(BATCH_END, [after.member, after.program, batch - 1], { prepare: true });
    const last = end ?? null;
    const rows = await sql.unsafe<Candidate[]>(CANDIDATES, [json, after.member, after.program, last?.member_id ?? null, last?.program_id ?? null], { prepare: true });
    const changes: TierChange[] = [];
    for (const r of rows) {
      const p = rules.get(r.program_id);
      if (!p) continue;
      const since = new Date(r.since ?? r.enrolled_at);
      const decision = decideDowngrade(p.tiers, r.tier_id, {
        lifetime: 0,
        trackers: r.tracker_key ? { [r.tracker_key]: Number(r.visits ?? 0) } : {},
        lastTransactionAt: r.last_tx ? new Date(r.last_tx) : null,
        tierSince: since,
        currency: p.currency,
      }, now);
      if (decision) changes.push({ memberId: r.member_id, programId: r.program_id, fromTierId: r.tier_id, toTierId: decision.tier.id, reason: decision.reason });
    }
    if (changes.length > 0) {
      // Locks held for this batch only: transactions and redemptions of these members wait a moment at most.
      moved += (await db.transaction(async (tx) => {
        await lockForChange(tx, changes);
        return recordTierChanges(tx, actor, changes, now, "member.tier.downgrade");
      })).length;
    }
    if (!last) return moved;
    after = { member: last.member_id, program: last.program_id };
  }
}

type Candidate = { member_id: string; program_id: string; tier_id: string; enrolled_at: string; since: string | null; last_tx: string | null; tracker_key: string | null; visits: string | null };

/** The last (member, programme) of the next batch; none when fewer rows are left (the batch runs to the end). */
const BATCH_END = `
  select member_id, program_id from member_programs
  where (member_id, program_id) > ($1::uuid, $2::uuid)
  order by member_id, program_id offset $3 limit 1`;

/**
 * The rule's own fact first (last transaction, or visits in the window), filtered; only the members
 * left get the second look-up (when they entered the tier), which every rule needs.
 */
const CANDIDATES = `
  with r as (
    select * from json_to_recordset($1::json) as r(tier_id uuid, kind text, cutoff timestamptz, tracker_key text, day_from text, day_to text, min_visits bigint)
  ), b as (
    select mp.member_id, mp.program_id, mp.tier_id, mp.enrolled_at, r.kind, r.cutoff, r.tracker_key, r.day_from, r.day_to, r.min_visits
    from member_programs mp join r on r.tier_id = mp.tier_id
    where (mp.member_id, mp.program_id) > ($2::uuid, $3::uuid)
      and ($4::uuid is null or (mp.member_id, mp.program_id) <= ($4::uuid, $5::uuid))
  ), due as materialized (
    select b.*, last.at as last_tx, vis.visits
    from b
    left join lateral (select max(t.occurred_at) as at from transactions t where b.kind = 'inactivity' and t.member_id = b.member_id) last on true
    left join lateral (
      select sum(m.value) as visits from member_trackers m
      where b.kind = 'visits' and m.member_id = b.member_id and m.tracker_key = b.tracker_key and m.period_key between b.day_from and b.day_to
    ) vis on true
    where (b.kind <> 'inactivity' or last.at is null or last.at <= b.cutoff)
      and (b.kind <> 'visits' or coalesce(vis.visits, 0) < b.min_visits)
  )
  select due.member_id, due.program_id, due.tier_id, due.enrolled_at, since.at as since, due.last_tx, due.tracker_key, due.visits::text as visits
  from due
  left join lateral (
    select h.at from member_tier_changes h where h.member_id = due.member_id and h.program_id = due.program_id order by h.id desc limit 1
  ) since on true
  where coalesce(since.at, due.enrolled_at) <= due.cutoff`;
