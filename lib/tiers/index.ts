/** Tiers of a programme: rules (rules.ts), upgrades in ingestion (upgrade.ts), the downgrade job (downgrade.ts). */
export { invalidateTierCache, tierEarnContext, tierRules, type ProgramTiers, type TierRules } from "./cache";
export { recordTierChanges, type TierChange } from "./changes";
export { runTierDowngrades } from "./downgrade";
export { setTierRules, tiersUsingTrackers, type TierTrackerUse } from "./rules";
export { upgradeTiers } from "./upgrade";
export { assignTier } from "./assign";
