import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { memberAdjustments, members, programs, type MemberAdjustment } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { AdjustmentStatus } from "./adjustment-schemas";

export type AdjustmentListRow = MemberAdjustment & {
  programCode: string;
  programName: string;
  memberExternalId: string;
  memberFirstName: string | null;
  memberLastName: string | null;
};
export type AdjustmentPage = { rows: AdjustmentListRow[]; total: number; page: number; pageSize: number };

/**
 * Adjustments, one member's (the member's Adjustments tab) or everyone's with a status (the approval
 * queue, oldest first so that nobody waits longest). Offset pagination, page from 1.
 */
export async function listAdjustments(
  db: DbOrTx,
  options: { memberId?: string; status?: AdjustmentStatus; page?: number; pageSize?: number; order?: "newest" | "oldest" } = {},
): Promise<AdjustmentPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 25)));
  const conditions: SQL[] = [];
  if (options.memberId) conditions.push(eq(memberAdjustments.memberId, options.memberId));
  if (options.status) conditions.push(eq(memberAdjustments.status, options.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const direction = options.order === "oldest" ? asc : desc;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        adjustment: memberAdjustments,
        programCode: programs.code,
        programName: programs.name,
        memberExternalId: members.externalId,
        memberFirstName: members.firstName,
        memberLastName: members.lastName,
      })
      .from(memberAdjustments)
      .innerJoin(programs, eq(programs.id, memberAdjustments.programId))
      .innerJoin(members, eq(members.id, memberAdjustments.memberId))
      .where(where)
      .orderBy(direction(memberAdjustments.createdAt), direction(memberAdjustments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(memberAdjustments).where(where),
  ]);
  return { rows: rows.map(({ adjustment, ...rest }) => ({ ...adjustment, ...rest })), total, page, pageSize };
}
