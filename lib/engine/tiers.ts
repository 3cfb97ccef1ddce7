/**
 * Tiers: which tier a member qualifies for, pure (no I/O, no clock: `now` is an argument).
 *
 * - Tiers are ordered by rank; the default tier is the lowest and every member qualifies for it.
 * - Upgrade: the member moves to the HIGHEST tier above their current one whose upgrade rule is met
 *   (lifetime points ≥ N, or a tracker's value in its window ≥ N). A tier without an upgrade rule is
 *   reached only by hand. A member is never moved down by an upgrade evaluation.
 * - Downgrade: when the current tier's downgrade rule is met the member moves ONE step down (to the
 *   next lower rank). Inactivity counts from the later of the last transaction and the moment the
 *   member entered the tier, and a visits rule applies only once the member has held the tier for a
 *   whole window: so a fresh downgrade (or upgrade) starts the clock again and a member never falls
 *   several tiers in one run.
 * - Inactivity months are calendar months on UTC instants, clamped to the month's end (31 Jan + 1
 *   month = 28/29 Feb), as PostgreSQL adds a month interval in UTC.
 */
import { z } from "zod";
import { addDays, type CivilDate, localDate } from "./calendar";
import { EngineError } from "./errors";
import { TRACKER_METRICS, type TrackerDefinition, type TrackerWindow, trackerWindowSchema } from "./offers/definition-parts";
import { metricWords, trackerValueText } from "./offers/explain";
import { formatCount } from "./offers/format";
import { type Factor, parseFactor } from "./offers/math";
import { dayKey, periodKeyOfDate, trackerKey } from "./offers/trackers";

const int = (message: string) => z.number({ error: message }).int(message);
const threshold = int("The threshold must be a whole number.").min(1, "The threshold must be at least 1.").max(1e15, "The threshold is too large.");

export const upgradeRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("lifetime_points"), threshold }),
    z.object({
      kind: z.literal("tracker"),
      tracker: z.object({ metric: z.enum(TRACKER_METRICS, { error: "Choose what the tracker adds up." }), window: trackerWindowSchema }),
      threshold,
    }),
  ],
  { error: "Choose the upgrade rule: lifetime points or a tracker." },
);
export type UpgradeRule = z.infer<typeof upgradeRuleSchema>;

export const downgradeRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("inactivity"), months: int("Months must be a whole number.").min(1, "At least 1 month.").max(120, "At most 120 months.") }),
    z.object({
      kind: z.literal("visits"),
      minVisits: int("Visits must be a whole number.").min(1, "At least 1 visit.").max(100_000, "At most 100,000 visits."),
      days: int("The window is a whole number of days.").min(1, "The window is at least 1 day.").max(3660, "The window is at most 3,660 days."),
    }),
  ],
  { error: "Choose the downgrade rule: inactivity or visits." },
);
export type DowngradeRule = z.infer<typeof downgradeRuleSchema>;

/** An earn multiplier: an exact decimal from 1 to 10 with at most 4 decimal places. */
export const MULTIPLIER_RE = /^\d{1,2}(?:\.\d{1,4})?$/;

export type TierDefinition = {
  id: string;
  name: string;
  rank: number;
  isDefault: boolean;
  upgrade: UpgradeRule | null;
  downgrade: DowngradeRule | null;
  /** Decimal text, e.g. "1.25"; null for none. */
  earnMultiplier: string | null;
  upgradeBonusPoints: number | null;
};

export type CompiledTier = TierDefinition & {
  /** The upgrade rule's tracker key (member_trackers.tracker_key), when it reads a tracker. */
  upgradeTrackerKey: string | null;
  /** The visits tracker a visits downgrade rule reads. */
  visitsTrackerKey: string | null;
  multiplier: Factor | null;
};

/** Trackers of tier rules carry no filters: a metric over a window. */
export function upgradeTracker(rule: Extract<UpgradeRule, { kind: "tracker" }>): TrackerDefinition {
  return { metric: rule.tracker.metric, window: rule.tracker.window };
}

export function visitsTracker(rule: Extract<DowngradeRule, { kind: "visits" }>): TrackerDefinition {
  return { metric: "visits", window: { kind: "rolling_days", days: rule.days } };
}

/** Every tracker the tiers read (to advance on each transaction), de-duplicated by key. */
export function tierTrackers(tiers: readonly TierDefinition[]): TrackerDefinition[] {
  const out = new Map<string, TrackerDefinition>();
  for (const t of tiers) {
    if (t.upgrade?.kind === "tracker") out.set(trackerKey(upgradeTracker(t.upgrade)), upgradeTracker(t.upgrade));
    if (t.downgrade?.kind === "visits") out.set(trackerKey(visitsTracker(t.downgrade)), visitsTracker(t.downgrade));
  }
  return [...out.values()];
}

/** Checks the ladder (one default tier, the lowest; distinct ranks) and sorts it lowest first. */
export function compileTiers(tiers: readonly TierDefinition[]): CompiledTier[] {
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  if (sorted.filter((t) => t.isDefault).length !== 1) throw new EngineError("invalid_tiers", "A programme has exactly one default tier.");
  if (!sorted[0]!.isDefault) throw new EngineError("invalid_tiers", "The default tier must be the lowest.");
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.rank === sorted[i - 1]!.rank) throw new EngineError("invalid_tiers", "Two tiers share a rank.");
  return sorted.map((t) => {
    if (t.earnMultiplier !== null && !MULTIPLIER_RE.test(t.earnMultiplier)) throw new EngineError("invalid_multiplier", `Not an earn multiplier: ${JSON.stringify(t.earnMultiplier)}`);
    const multiplier = t.earnMultiplier === null || Number(t.earnMultiplier) === 1 ? null : parseFactor(t.earnMultiplier, "invalid_multiplier", "The earn multiplier");
    return {
      ...t,
      upgrade: t.isDefault ? null : t.upgrade,
      downgrade: t.isDefault ? null : t.downgrade,
      upgradeTrackerKey: !t.isDefault && t.upgrade?.kind === "tracker" ? trackerKey(upgradeTracker(t.upgrade)) : null,
      visitsTrackerKey: !t.isDefault && t.downgrade?.kind === "visits" ? trackerKey(visitsTracker(t.downgrade)) : null,
      multiplier,
    };
  });
}

/** Which stored periods make a tracker's value as of `now`: one calendar period, or the day buckets of a rolling window. */
export function trackerPeriodsAt(window: TrackerWindow, now: Date, timeZone: string): { keys: string[] } | { from: string; to: string } {
  const today: CivilDate = localDate(now, timeZone);
  if (window.kind === "rolling_days") return { from: dayKey(addDays(today, -(window.days - 1))), to: dayKey(today) };
  return { keys: [periodKeyOfDate(window, today)] };
}

export type MemberTierFacts = {
  lifetime: number;
  /** Tracker values in their window as of now, by tracker key (missing = 0). */
  trackers: Readonly<Record<string, number>>;
  lastTransactionAt: Date | null;
  /** When the member entered the current tier: the last tier change, else enrolment. */
  tierSince: Date;
  /** The programme's currency, to write money trackers in reasons. */
  currency: string;
};

export type TierDecision = { tier: CompiledTier; reason: string };

const windowWords = (w: TrackerWindow) =>
  w.kind === "rolling_days" ? `in the last ${formatCount(w.days)} ${w.days === 1 ? "day" : "days"}` : `this ${w.kind.replace("calendar_", "")}`;

/** Whether a tier's upgrade rule holds, with the words of the reason ("lifetime points 10,000 ≥ 10,000"). */
export function upgradeMet(tier: CompiledTier, facts: MemberTierFacts): string | null {
  const rule = tier.upgrade;
  if (rule === null) return null;
  if (rule.kind === "lifetime_points") {
    return facts.lifetime >= rule.threshold ? `lifetime points ${formatCount(facts.lifetime)} ≥ ${formatCount(rule.threshold)}` : null;
  }
  const value = facts.trackers[tier.upgradeTrackerKey!] ?? 0;
  if (value < rule.threshold) return null;
  const text = trackerValueText(rule.tracker.metric, facts.currency);
  return `${metricWords(rule.tracker.metric)} ${windowWords(rule.tracker.window)} ${text(value)} ≥ ${text(rule.threshold)}`;
}

/** The highest tier whose upgrade rule is met (the default tier when none). */
export function qualifyingTier(tiers: readonly CompiledTier[], facts: MemberTierFacts): TierDecision {
  for (let i = tiers.length - 1; i > 0; i--) {
    const reason = upgradeMet(tiers[i]!, facts);
    if (reason !== null) return { tier: tiers[i]!, reason };
  }
  return { tier: tiers[0]!, reason: "default tier" };
}

function indexOf(tiers: readonly CompiledTier[], tierId: string): number {
  const i = tiers.findIndex((t) => t.id === tierId);
  if (i < 0) throw new EngineError("unknown_tier", "The member's tier is not one of the programme's tiers.");
  return i;
}

/** The upgrade the facts call for, or null when the member already holds the tier they qualify for (or a higher one). */
export function decideUpgrade(tiers: readonly CompiledTier[], currentTierId: string, facts: MemberTierFacts): TierDecision | null {
  const current = indexOf(tiers, currentTierId);
  const q = qualifyingTier(tiers, facts);
  if (q.tier.rank <= tiers[current]!.rank) return null;
  return { tier: q.tier, reason: `Upgraded: ${q.reason}` };
}

/** Adds calendar months to an instant in UTC, clamping the day to the month's end. */
export function addMonthsUtc(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(at.getTime());
  d.setUTCDate(1);
  d.setUTCFullYear(y, m, Math.min(at.getUTCDate(), last));
  return d;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Whether the current tier's downgrade rule holds as of `now`, with the words of the reason. */
export function downgradeMet(tier: CompiledTier, facts: MemberTierFacts, now: Date): string | null {
  const rule = tier.downgrade;
  if (rule === null) return null;
  if (rule.kind === "inactivity") {
    const last = facts.lastTransactionAt;
    const anchor = last !== null && last > facts.tierSince ? last : facts.tierSince;
    if (now < addMonthsUtc(anchor, rule.months)) return null;
    const months = `${rule.months} ${rule.months === 1 ? "month" : "months"}`;
    return last !== null && last > facts.tierSince
      ? `no transaction in ${months} (last on ${isoDay(last)})`
      : `no transaction in ${months} since reaching ${tier.name} on ${isoDay(facts.tierSince)}`;
  }
  if (now.getTime() < facts.tierSince.getTime() + rule.days * 86_400_000) return null;
  const visits = facts.trackers[tier.visitsTrackerKey!] ?? 0;
  if (visits >= rule.minVisits) return null;
  return `${formatCount(visits)} ${visits === 1 ? "visit" : "visits"} in the last ${formatCount(rule.days)} days < ${formatCount(rule.minVisits)}`;
}

/** One step down when the current tier's downgrade rule holds; null otherwise (and always for the default tier). */
export function decideDowngrade(tiers: readonly CompiledTier[], currentTierId: string, facts: MemberTierFacts, now: Date): TierDecision | null {
  const current = indexOf(tiers, currentTierId);
  if (current === 0) return null;
  const reason = downgradeMet(tiers[current]!, facts, now);
  if (reason === null) return null;
  return { tier: tiers[current - 1]!, reason: `Downgraded: ${reason}` };
}
