import "server-only";
import { asc } from "drizzle-orm";
import { programs, tiers } from "@/db/schema";
import type { DbOrTx } from "@/db";
import {
  compileTiers, compileTracker, downgradeRuleSchema, tierTrackers, upgradeRuleSchema, type CompiledTier, type CompiledTracker, type TierDefinition, type TierMultiplier,
} from "@/lib/engine";
import { logger } from "@/lib/logger";
import { trimMultiplier } from "./describe";

/** One programme's ladder, compiled, with what ingestion needs to advance its trackers and apply its benefits. */
export type ProgramTiers = {
  programId: string;
  tiers: CompiledTier[];
  byId: Map<string, CompiledTier>;
  /** Trackers the tier rules read: ingestion advances them on every transaction. */
  trackers: CompiledTracker[];
  /** Some tier has an upgrade rule: ingestion evaluates upgrades for this programme. */
  upgrades: boolean;
  timeZone: string;
  currency: string;
};

/** Programmes with at least one tier rule or benefit; a programme that is not here costs ingestion nothing. */
export type TierRules = Map<string, ProgramTiers>;

/**
 * Tier rules change rarely and are read by every transaction, so each process keeps them compiled for
 * a short time, as lib/offers/cache.ts keeps offers. A change made in this process is seen at once
 * (invalidateTierCache); one made by another process within TIER_RULES_TTL_MS.
 */
export const TIER_RULES_TTL_MS = 2_000;
let cached: { at: number; value: Promise<TierRules> } | null = null;

export function invalidateTierCache(): void {
  cached = null;
}

export function tierRules(db: DbOrTx, nowMs = Date.now()): Promise<TierRules> {
  if (!cached || nowMs - cached.at > TIER_RULES_TTL_MS) {
    const value = loadTierRules(db);
    cached = { at: nowMs, value };
    value.catch(() => {
      if (cached?.value === value) cached = null;
    });
  }
  return cached.value;
}

/** A stored row as the engine's definition; a rule that no longer parses counts as none (and is logged). */
export function tierDefinition(row: typeof tiers.$inferSelect): TierDefinition {
  const parse = <T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, v: unknown, what: string): T | null => {
    if (v === null || v === undefined) return null;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    logger.error({ tierId: row.id, what }, "stored tier rule does not parse; it is ignored");
    return null;
  };
  return {
    id: row.id,
    name: row.name,
    rank: row.rank,
    isDefault: row.isDefault,
    upgrade: parse(upgradeRuleSchema, row.upgradeRule, "upgrade"),
    downgrade: parse(downgradeRuleSchema, row.downgradeRule, "downgrade"),
    earnMultiplier: row.earnMultiplier === null ? null : trimMultiplier(row.earnMultiplier),
    upgradeBonusPoints: row.upgradeBonusPoints,
  };
}

export async function loadTierRules(db: DbOrTx): Promise<TierRules> {
  const rows = await db.select().from(tiers).orderBy(asc(tiers.programId), asc(tiers.rank));
  const terms = new Map((await db.select({ id: programs.id, timeZone: programs.timeZone, currency: programs.currency, homeCountry: programs.homeCountry }).from(programs)).map((p) => [p.id, p]));
  const byProgram = new Map<string, TierDefinition[]>();
  for (const row of rows) byProgram.set(row.programId, [...(byProgram.get(row.programId) ?? []), tierDefinition(row)]);
  const out: TierRules = new Map();
  for (const [programId, defs] of byProgram) {
    if (!defs.some((t) => t.upgrade || t.downgrade || t.earnMultiplier || t.upgradeBonusPoints)) continue;
    const p = terms.get(programId);
    if (!p) continue;
    try {
      const compiled = compileTiers(defs);
      out.set(programId, {
        programId,
        tiers: compiled,
        byId: new Map(compiled.map((t) => [t.id, t])),
        trackers: tierTrackers(compiled).map((d) => compileTracker(d, { homeCountry: p.homeCountry })),
        upgrades: compiled.some((t) => t.upgrade !== null),
        timeZone: p.timeZone,
        currency: p.currency,
      });
    } catch (error) {
      logger.error({ err: error, programId }, "tiers of the programme cannot be compiled; their rules are ignored");
    }
  }
  return out;
}

/**
 * What a member's tiers mean for one transaction: the trackers to advance (those of the tier rules of
 * the member's programmes) and the earn multiplier of each programme's current tier.
 */
export function tierEarnContext(rules: TierRules, programIds: readonly string[], tierIdByProgram: Readonly<Record<string, string>>): { trackers: CompiledTracker[]; multipliers: Record<string, TierMultiplier> } | null {
  if (rules.size === 0) return null;
  let trackers: CompiledTracker[] = [];
  const multipliers: Record<string, TierMultiplier> = {};
  for (const programId of programIds) {
    const p = rules.get(programId);
    if (!p) continue;
    if (p.trackers.length > 0) trackers = trackers.length === 0 ? p.trackers : [...trackers, ...p.trackers];
    const tier = p.byId.get(tierIdByProgram[programId] ?? "");
    if (tier?.multiplier) multipliers[programId] = { tierName: tier.name, factor: tier.multiplier };
  }
  return { trackers, multipliers };
}
