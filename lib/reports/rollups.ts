import type { Rollup } from "./rollup";
import { pointsRollup } from "./points/rollups";

/** Every rollup the refresh keeps current, in the order it applies them. */
export const ROLLUPS: readonly Rollup[] = [pointsRollup];
