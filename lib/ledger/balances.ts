import "server-only";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { lots } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { consumptionOrder } from "@/lib/engine";
import { getMemberPrograms } from "@/lib/members";

export type Balances = { current: number; pending: number; redeemed: number; expired: number; transferredIn: number; transferredOut: number; lifetime: number };
export type MemberPoints = {
  programs: (Balances & { programId: string; programCode: string; programName: string; tierName: string })[];
  group: Balances;
  /** Lots with points left that can still be spent, in the order a group redemption would take them. */
  expirySchedule: { programId: string; awardedAt: Date; expiresAt: Date | null; pointsLeft: number }[];
};

const COUNTERS = ["current", "pending", "redeemed", "expired", "transferredIn", "transferredOut", "lifetime"] as const;

export async function getMemberPoints(db: DbOrTx, memberId: string, now = new Date()): Promise<MemberPoints> {
  const rows = await getMemberPrograms(db, memberId);
  const group = Object.fromEntries(COUNTERS.map((c) => [c, rows.reduce((sum, r) => sum + r[c], 0)])) as Balances;
  const open = await db
    .select({ lotId: lots.id, programId: lots.programId, awardedAt: lots.awardedAt, expiresAt: lots.expiresAt, pointsLeft: lots.pointsLeft })
    .from(lots)
    .where(and(eq(lots.memberId, memberId), gt(lots.pointsLeft, 0), or(isNull(lots.expiresAt), gt(lots.expiresAt, now))));
  return {
    programs: rows.map((r) => ({
      programId: r.programId,
      programCode: r.programCode,
      programName: r.programName,
      tierName: r.tierName,
      ...(Object.fromEntries(COUNTERS.map((c) => [c, r[c]])) as Balances),
    })),
    group,
    expirySchedule: consumptionOrder(open).map(({ programId, awardedAt, expiresAt, pointsLeft }) => ({ programId, awardedAt, expiresAt, pointsLeft })),
  };
}
