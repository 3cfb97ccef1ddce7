import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { addDays, dayKey, localDate, periodKeyOfDate, trackerKey, type TrackerWindow } from "@/lib/engine";
import { trackerDefinitionSchema } from "@/lib/engine/offers/definition-parts";

/** Points a member will lose in the next 30, 60 and 90 days unless spent (each figure includes the shorter ones). */
export type ExpiringPoints = { programId: string; programCode: string; within30: number; within60: number; within90: number };

export async function expiringPoints(db: DbOrTx, memberId: string, now = new Date()): Promise<ExpiringPoints[]> {
  const at = now.toISOString();
  const rows = await db.execute<{ program_id: string; code: string; d30: string; d60: string; d90: string }>(sql`
    select l.program_id::text, p.code,
      coalesce(sum(l.points_left) filter (where l.expires_at <= ${at}::timestamptz + interval '30 days'), 0)::text as d30,
      coalesce(sum(l.points_left) filter (where l.expires_at <= ${at}::timestamptz + interval '60 days'), 0)::text as d60,
      coalesce(sum(l.points_left), 0)::text as d90
    from lots l join programs p on p.id = l.program_id
    where l.member_id = ${memberId}::uuid and l.points_left > 0
      and l.expires_at > ${at}::timestamptz and l.expires_at <= ${at}::timestamptz + interval '90 days'
    group by l.program_id, p.code order by p.code`);
  return rows.map((r) => ({ programId: r.program_id, programCode: r.code, within30: Number(r.d30), within60: Number(r.d60), within90: Number(r.d90) }));
}

/** A tracker's value for the member now: this calendar period's, or the sum of the rolling window's days up to today. */
export type CurrentTracker = { key: string; metric: string; window: TrackerWindow; period: string; value: number; usedBy: string[] };

/**
 * The member's trackers as they stand today in `timeZone` (the group programme's), with the live
 * offers that read them. Trackers the member never moved are not listed.
 */
export async function currentTrackers(db: DbOrTx, memberId: string, timeZone: string, now = new Date()): Promise<CurrentTracker[]> {
  const rows = await db.execute<{ key: string; periods: { period: string; value: string }[] }>(sql`
    select tracker_key as key, json_agg(json_build_object('period', period_key, 'value', value::text)) as periods
    from member_trackers where member_id = ${memberId}::uuid group by tracker_key order by tracker_key`);
  if (rows.length === 0) return [];
  // Live offers whose milestone reads a tracker, by the tracker's key.
  const milestones = await db.execute<{ name: string; tracker: unknown }>(sql`
    select o.name, v.definition -> 'target' -> 'tracker' as tracker
    from offers o join offer_versions v on v.offer_id = o.id and v.version = o.live_version
    where o.status in ('active', 'paused') and v.definition -> 'target' ->> 'kind' = 'milestone'`);
  const offersByKey = new Map<string, string[]>();
  for (const m of milestones) {
    const parsed = trackerDefinitionSchema.safeParse(m.tracker);
    if (!parsed.success) continue;
    const key = trackerKey(parsed.data);
    offersByKey.set(key, [...(offersByKey.get(key) ?? []), m.name]);
  }
  const today = localDate(now, timeZone);
  return rows.flatMap((r) => {
    const parsed = trackerDefinitionSchema.safeParse(definitionOf(r.key));
    if (!parsed.success) return [];
    const window = parsed.data.window;
    const values = new Map(r.periods.map((p) => [p.period, Number(p.value)]));
    let period: string;
    let value = 0;
    if (window.kind === "rolling_days") {
      period = `last ${window.days} ${window.days === 1 ? "day" : "days"}`;
      for (let i = 0; i < window.days; i++) value += values.get(dayKey(addDays(today, -i))) ?? 0;
    } else {
      period = periodKeyOfDate(window, today);
      value = values.get(period) ?? 0;
    }
    return [{ key: r.key, metric: parsed.data.metric, window, period, value, usedBy: offersByKey.get(r.key) ?? [] }];
  });
}

/** A tracker's key is its canonical definition (lib/engine trackerKey): "tracker:{...}". */
function definitionOf(key: string): unknown {
  try {
    return JSON.parse(key.slice(key.indexOf(":") + 1));
  } catch {
    return null;
  }
}
