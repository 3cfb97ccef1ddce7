import "server-only";
import { clientOf, type DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { decideUpgrade, trackerPeriodsAt, upgradeTracker, type CompiledTier } from "@/lib/engine";
import { recordTierChanges, type TierChange } from "./changes";
import type { ProgramTiers, TierRules } from "./cache";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidArray = (ids: readonly string[]) => {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${JSON.stringify(id)}`);
  return `{${ids.join(",")}}`;
};

/**
 * Upgrades the members whose activity now qualifies them for a higher tier, in the caller's
 * transaction, which already holds their member_programs locks (ingestion, after its awards and
 * trackers are written): the tier, the history row ("Upgraded: lifetime points 10,000 ≥ 10,000") and
 * the tier's bonus, the first time the member reaches it. Programmes without upgrade rules cost nothing.
 */
export async function upgradeTiers(tx: DbOrTx, actor: Actor, rules: TierRules, memberIds: readonly string[], now: Date): Promise<TierChange[]> {
  const ladders = [...rules.values()].filter((p) => p.upgrades);
  if (ladders.length === 0 || memberIds.length === 0) return [];
  const members = uuidArray([...new Set(memberIds)]);
  const rows = await clientOf(tx).unsafe<{ member_id: string; program_id: string; tier_id: string; lifetime: string }[]>(
    `select member_id, program_id, tier_id, lifetime::text from member_programs where member_id = any($1::uuid[]) and program_id = any($2::uuid[])`,
    [members, uuidArray(ladders.map((p) => p.programId))],
    { prepare: true },
  );
  // Only members below the top of their ladder can go up.
  const open = rows.filter((r) => {
    const p = rules.get(r.program_id)!;
    return p.byId.has(r.tier_id) && p.tiers.at(-1)!.id !== r.tier_id;
  });
  if (open.length === 0) return [];
  const trackers = await trackerValues(tx, open.map((r) => r.member_id), ladders, now);
  const changes: TierChange[] = [];
  for (const r of open) {
    const p = rules.get(r.program_id)!;
    const decision = decideUpgrade(p.tiers, r.tier_id, { lifetime: Number(r.lifetime), trackers: trackers.get(r.member_id) ?? {}, lastTransactionAt: null, tierSince: now, currency: p.currency });
    if (decision) changes.push({ memberId: r.member_id, programId: r.program_id, fromTierId: r.tier_id, toTierId: decision.tier.id, reason: decision.reason, bonus: bonusOf(decision.tier) });
  }
  return recordTierChanges(tx, actor, await withoutRepeatBonuses(tx, changes), now, "member.tier.upgrade");
}

const bonusOf = (t: CompiledTier) => (t.upgradeBonusPoints ? { points: t.upgradeBonusPoints, tierName: t.name } : undefined);

/** The upgrade bonus is given once per member and tier: a member downgraded and upgraded again gets none. */
async function withoutRepeatBonuses(tx: DbOrTx, changes: TierChange[]): Promise<TierChange[]> {
  const withBonus = changes.filter((c) => c.bonus);
  if (withBonus.length === 0) return changes;
  const before = await clientOf(tx).unsafe<{ member_id: string; to_tier_id: string }[]>(
    `select distinct member_id, to_tier_id from member_tier_changes where member_id = any($1::uuid[]) and to_tier_id = any($2::uuid[]) and reason like 'Upgraded:%'`,
    [uuidArray(withBonus.map((c) => c.memberId)), uuidArray([...new Set(withBonus.map((c) => c.toTierId))])],
    { prepare: true },
  );
  const had = new Set(before.map((b) => `${b.member_id}|${b.to_tier_id}`));
  return changes.map((c) => (c.bonus && had.has(`${c.memberId}|${c.toTierId}`) ? { ...c, bonus: undefined } : c));
}

/**
 * The members' values of the upgrade trackers as of `now`, by member and tracker key: the current
 * calendar period, or the sum of the day buckets of a rolling window in the programme's time zone
 * (as lib/members/overview.ts currentTrackers reads them).
 */
export async function trackerValues(tx: DbOrTx, memberIds: readonly string[], ladders: readonly ProgramTiers[], now: Date): Promise<Map<string, Record<string, number>>> {
  const wanted = new Map<string, { keys: Set<string> } | { from: string; to: string }>();
  for (const p of ladders) {
    for (const t of p.tiers) {
      if (t.upgrade?.kind !== "tracker") continue;
      wanted.set(t.upgradeTrackerKey!, (() => {
        const periods = trackerPeriodsAt(upgradeTracker(t.upgrade).window, now, p.timeZone);
        return "keys" in periods ? { keys: new Set(periods.keys) } : periods;
      })());
    }
  }
  const out = new Map<string, Record<string, number>>();
  if (wanted.size === 0) return out;
  let from = "9999";
  let to = "0000";
  const keys: string[] = [];
  for (const w of wanted.values()) {
    if ("keys" in w) keys.push(...w.keys);
    else {
      if (w.from < from) from = w.from;
      if (w.to > to) to = w.to;
    }
  }
  const rows = await clientOf(tx).unsafe<{ member_id: string; tracker_key: string; period_key: string; value: string }[]>(
    `select member_id, tracker_key, period_key, value::text from member_trackers
     where member_id = any($1::uuid[]) and tracker_key = any($2::text[]) and (period_key = any($3::text[]) or period_key between $4 and $5)`,
    [uuidArray([...new Set(memberIds)]), [...wanted.keys()], keys, from, to],
    { prepare: true },
  );
  for (const r of rows) {
    const w = wanted.get(r.tracker_key)!;
    const inWindow = "keys" in w ? w.keys.has(r.period_key) : r.period_key >= w.from && r.period_key <= w.to && r.period_key.length === 10;
    if (!inWindow) continue;
    const values = out.get(r.member_id) ?? {};
    values[r.tracker_key] = (values[r.tracker_key] ?? 0) + Number(r.value);
    out.set(r.member_id, values);
  }
  return out;
}
