import "server-only";
import type { DbOrTx } from "@/db";

/**
 * STUB on branch `credit` until main's lib/partners/funding.ts is merged (it replaces this file):
 * gives the block points a partner-funded fulfilment reserved back to their blocks; answers how many.
 */
export async function releaseBlockPoints(tx: DbOrTx, fulfilmentId: string): Promise<number> {
  void tx;
  void fulfilmentId;
  return 0;
}
