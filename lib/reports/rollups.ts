import { blockUsageRollup, offerAwardsRollup } from "./offers/rollup";
import { pointsRollup } from "./points/rollups";
import type { Rollup } from "./rollup";
import { spendRollup } from "./spend/rollup";

/** Every rollup the refresh keeps current, in the order it applies them. */
export const ROLLUPS: readonly Rollup[] = [pointsRollup, offerAwardsRollup, blockUsageRollup, spendRollup];
