import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { memberTrackers, programs, trackerDefinitions } from "@/db/schema";
import { addDays, localDate } from "@/lib/engine/calendar";
import { trackerValueText } from "@/lib/engine/offers/explain";
import { tiersUsingTrackers } from "@/lib/tiers";
import { dayKey, describeTracker, periodKeyOfDate, trackerDefinitionSchema, trackerKey, type TrackerDefinition } from "@/lib/engine/offers";

export type TrackerOfferUse = { id: string; name: string; status: string; version: number; programName: string; threshold: number; thresholdText: string };
export type TrackerTierUse = { tierId: string; tierName: string; programName: string; rule: string };

export type TrackerUsage = {
  key: string;
  definition: TrackerDefinition;
  words: { metric: string; window: string; filters: string[] };
  /** The period members are counted in now: "2026-11", "2026-Q4", "2026", or "last 30 days". */
  period: string;
  /** Members with a value (above zero) in that period. */
  membersWithValue: number;
  offers: TrackerOfferUse[];
  tiers: TrackerTierUse[];
};

/** The tier rules that read a tracker (upgrade on a tracker value, downgrade on visits), by tracker key. */
export async function tiersUsingTracker(db: DbOrTx): Promise<Map<string, TrackerTierUse[]>> {
  const [uses, names] = await Promise.all([tiersUsingTrackers(db), db.select({ id: programs.id, name: programs.name }).from(programs)]);
  const programName = new Map(names.map((p) => [p.id, p.name]));
  return new Map(
    [...uses].map(([key, list]) => [
      key,
      list.map((u) => ({ tierId: u.tierId, tierName: u.tierName, programName: programName.get(u.programId) ?? "?", rule: u.rule === "upgrade" ? "upgrade rule" : "downgrade rule" })),
    ]),
  );
}

type OfferRow = { id: string; name: string; status: string; version: number; program_name: string; time_zone: string; currency: string; tracker: unknown; threshold: number };

/**
 * Every tracker in use — read by a live or paused offer's milestone, by a tier rule, or registered in
 * tracker_definitions — with its definition in words, what reads it, and how many members have a
 * value in the current period (in the time zone of the first programme that reads it, else UTC).
 */
export async function trackersInUse(db: DbOrTx, now = new Date()): Promise<TrackerUsage[]> {
  const [offerRows, registered, tiers] = await Promise.all([
    db.execute<OfferRow>(sql`
      select o.id, o.name, o.status, v.version, p.name as program_name, p.time_zone, p.currency,
             v.definition -> 'target' -> 'tracker' as tracker, (v.definition -> 'target' ->> 'threshold')::bigint as threshold
      from offers o
      join offer_versions v on v.offer_id = o.id and v.version = o.live_version
      join programs p on p.id = o.program_id
      where o.status in ('active', 'paused') and v.definition -> 'target' ->> 'kind' = 'milestone'
      order by o.name, o.id`),
    db.select({ key: trackerDefinitions.key, definition: trackerDefinitions.definition }).from(trackerDefinitions),
    tiersUsingTracker(db),
  ]);

  const byKey = new Map<string, { definition: TrackerDefinition; timeZone: string; currency: string | null; offers: TrackerOfferUse[] }>();
  const add = (raw: unknown, context: { timeZone: string; currency: string | null } | null) => {
    const parsed = trackerDefinitionSchema.safeParse(raw);
    if (!parsed.success) return null;
    const key = trackerKey(parsed.data);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { definition: parsed.data, timeZone: context?.timeZone ?? "UTC", currency: context?.currency ?? null, offers: [] }));
    else if (context && entry.offers.length === 0) Object.assign(entry, context);
    return entry;
  };
  for (const o of offerRows) {
    const entry = add(o.tracker, { timeZone: o.time_zone, currency: o.currency });
    entry?.offers.push({
      id: o.id,
      name: o.name,
      status: o.status,
      version: o.version,
      programName: o.program_name,
      threshold: Number(o.threshold),
      // Money metrics in the programme's currency ("₹5,00,000"), counts as counts.
      thresholdText: entry ? trackerValueText(entry.definition.metric, o.currency)(Number(o.threshold)) : String(o.threshold),
    });
  }
  for (const r of registered) add(r.definition, null);
  for (const key of tiers.keys()) {
    if (!byKey.has(key)) add(JSON.parse(key.slice(key.indexOf(":") + 1)), null);
  }

  const usages = await Promise.all(
    [...byKey.entries()].map(async ([key, e]): Promise<TrackerUsage> => {
      const today = localDate(now, e.timeZone);
      const w = e.definition.window;
      const periods = w.kind === "rolling_days" ? Array.from({ length: w.days }, (_, i) => dayKey(addDays(today, -i))) : [periodKeyOfDate(w, today)];
      const [counted] = await db
        .select({ n: sql<number>`count(distinct ${memberTrackers.memberId})::int` })
        .from(memberTrackers)
        .where(sql`${memberTrackers.trackerKey} = ${key} and ${inArray(memberTrackers.periodKey, periods)} and ${memberTrackers.value} > 0`);
      return {
        key,
        definition: e.definition,
        words: describeTracker(e.definition, e.currency),
        period: w.kind === "rolling_days" ? `last ${w.days} ${w.days === 1 ? "day" : "days"}` : periods[0]!,
        membersWithValue: counted?.n ?? 0,
        offers: e.offers,
        tiers: tiers.get(key) ?? [],
      };
    }),
  );
  // Most used first, then by what they add up.
  return usages.sort((a, b) => b.offers.length + b.tiers.length - (a.offers.length + a.tiers.length) || a.key.localeCompare(b.key));
}
