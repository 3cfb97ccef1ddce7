import "server-only";
import { asc, eq } from "drizzle-orm";
import { programs, tiers, type Tier } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { currencyMinorDigits, trackerKey, upgradeTracker, visitsTracker } from "@/lib/engine";
import { isMoneyMetric } from "@/lib/engine/offers/explain";
import { DomainError } from "@/lib/errors";
import { invalidateTierCache, tierDefinition } from "./cache";
import type { TierRulesInput } from "./schemas";

/**
 * Sets a tier's upgrade and downgrade rules and its benefits (null clears one). The default tier is
 * where every member starts and the floor of every downgrade: it takes an earn multiplier only.
 * Money trackers' thresholds come from the form in whole units of the programme's currency
 * (`thresholdInMajorUnits`) and are stored in minor units, as trackers count them.
 */
export async function setTierRules(db: DbOrTx, actor: Actor, tierId: string, input: TierRulesInput, options: { thresholdInMajorUnits?: boolean } = {}): Promise<Tier> {
  const after = await db.transaction(async (tx) => {
    // The tier row locked: two managers saving at once leave one whole set of rules, each audited.
    const [before] = await tx.select().from(tiers).where(eq(tiers.id, tierId)).for("update");
    if (!before) throw new DomainError("tier_not_found", "No such tier.", { tier_id: tierId });
    if (before.isDefault && (input.upgrade || input.downgrade || input.upgradeBonusPoints)) {
      throw new DomainError("default_tier_rules", "The default tier is where members start and end up: it takes an earn multiplier only.", { field: input.upgrade ? "upgradeKind" : input.downgrade ? "downgradeKind" : "upgradeBonusPoints" });
    }
    let upgrade = input.upgrade;
    if (upgrade?.kind === "tracker" && options.thresholdInMajorUnits && isMoneyMetric(upgrade.tracker.metric)) {
      const [program] = await tx.select({ currency: programs.currency }).from(programs).where(eq(programs.id, before.programId));
      const threshold = upgrade.threshold * 10 ** currencyMinorDigits(program!.currency);
      if (!Number.isSafeInteger(threshold)) throw new DomainError("invalid_tier_rule", "The threshold is too large.", { field: "upgradeThreshold" });
      upgrade = { ...upgrade, threshold };
    }
    const [row] = await tx
      .update(tiers)
      .set({ upgradeRule: upgrade, downgradeRule: input.downgrade, earnMultiplier: input.earnMultiplier, upgradeBonusPoints: input.upgradeBonusPoints })
      .where(eq(tiers.id, tierId))
      .returning();
    const rules = (t: Tier) => ({ upgradeRule: t.upgradeRule, downgradeRule: t.downgradeRule, earnMultiplier: t.earnMultiplier, upgradeBonusPoints: t.upgradeBonusPoints });
    await writeAudit(tx, actor, { action: "tier.rules", entityType: "tier", entityId: tierId, before: rules(before), after: rules(row!) });
    return row!;
  });
  invalidateTierCache();
  return after;
}

export type TierTrackerUse = { programId: string; tierId: string; tierName: string; rule: "upgrade" | "downgrade" };

/**
 * Which tiers read which tracker, by tracker key (member_trackers.tracker_key): an upgrade rule on a
 * tracker reads trackerKey({ metric, window }); a visits downgrade rule reads
 * trackerKey({ metric: "visits", window: { kind: "rolling_days", days } }). Tier trackers carry no filters.
 */
export async function tiersUsingTrackers(db: DbOrTx): Promise<Map<string, TierTrackerUse[]>> {
  const rows = await db.select().from(tiers).orderBy(asc(tiers.programId), asc(tiers.rank));
  const out = new Map<string, TierTrackerUse[]>();
  const add = (key: string, use: TierTrackerUse) => out.set(key, [...(out.get(key) ?? []), use]);
  for (const row of rows) {
    const t = tierDefinition(row);
    if (t.upgrade?.kind === "tracker") add(trackerKey(upgradeTracker(t.upgrade)), { programId: row.programId, tierId: t.id, tierName: t.name, rule: "upgrade" });
    if (t.downgrade?.kind === "visits") add(trackerKey(visitsTracker(t.downgrade)), { programId: row.programId, tierId: t.id, tierName: t.name, rule: "downgrade" });
  }
  return out;
}
