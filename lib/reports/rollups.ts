import { blockUsageRollup, offerAwardsRollup } from "./offers/rollup";
import type { Rollup } from "./rollup";
import { spendRollup } from "./spend/rollup";

/** Every rollup the refresh keeps current, in the order it applies them. */
export const ROLLUPS: readonly Rollup[] = [offerAwardsRollup, blockUsageRollup, spendRollup];
