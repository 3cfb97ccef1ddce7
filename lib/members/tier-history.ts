import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { memberTierChanges, programs, tiers } from "@/db/schema";
import type { DbOrTx } from "@/db";

export type TierHistoryRow = {
  id: number;
  programId: string;
  programCode: string;
  programName: string;
  /** Null for the first tier, on enrolment. */
  fromTierName: string | null;
  toTierName: string;
  reason: string;
  actorLabel: string;
  at: Date;
};

const fromTier = alias(tiers, "from_tier");
const toTier = alias(tiers, "to_tier");

/**
 * Every tier the member has been in, per programme, newest first: from which tier to which, why and
 * who (the first row of each programme is the enrolment). A member changes tier a few times a year,
 * so the whole history is read at once, by the member's index.
 */
export async function listTierHistory(db: DbOrTx, memberId: string): Promise<TierHistoryRow[]> {
  return db
    .select({
      id: memberTierChanges.id,
      programId: memberTierChanges.programId,
      programCode: programs.code,
      programName: programs.name,
      fromTierName: fromTier.name,
      toTierName: toTier.name,
      reason: memberTierChanges.reason,
      actorLabel: memberTierChanges.actorLabel,
      at: memberTierChanges.at,
    })
    .from(memberTierChanges)
    .innerJoin(programs, eq(programs.id, memberTierChanges.programId))
    .innerJoin(toTier, eq(toTier.id, memberTierChanges.toTierId))
    .leftJoin(fromTier, eq(fromTier.id, memberTierChanges.fromTierId))
    .where(eq(memberTierChanges.memberId, memberId))
    .orderBy(desc(memberTierChanges.at), desc(memberTierChanges.id));
}
