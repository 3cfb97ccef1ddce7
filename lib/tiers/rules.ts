import "server-only";
import { asc, eq } from "drizzle-orm";
import { programs, tiers, type Tier } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { currencyMinorDigits } from "@/lib/engine";
import { isMoneyMetric } from "@/lib/engine/offers/explain";
import { DomainError } from "@/lib/errors";
import { invalidateTierCache } from "./cache";
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

/** The programme's tiers, lowest first, with their rules. */
export async function listTierRules(db: DbOrTx, programId: string): Promise<Tier[]> {
  return db.select().from(tiers).where(eq(tiers.programId, programId)).orderBy(asc(tiers.rank));
}
