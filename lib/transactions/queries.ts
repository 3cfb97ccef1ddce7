import "server-only";
import { desc, eq } from "drizzle-orm";
import { fulfilments } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { toAwardView, type AwardView } from "./fulfil";

/** A member's fulfilments, newest first. */
export async function listMemberFulfilments(db: DbOrTx, memberId: string, options: { limit: number }): Promise<(AwardView & { transactionId: string | null; createdAt: Date })[]> {
  const rows = await db.select().from(fulfilments).where(eq(fulfilments.memberId, memberId)).orderBy(desc(fulfilments.createdAt), desc(fulfilments.id)).limit(options.limit);
  return rows.map((f) => ({ ...toAwardView(f), transactionId: f.transactionId, createdAt: f.createdAt }));
}
