import "server-only";
import { count, desc, sql } from "drizzle-orm";
import { memberPrograms, members } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { matchingMemberIds } from "./search";

export type MemberListRow = {
  id: string;
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  programmes: number;
  createdAt: Date;
};

export type MemberPage = { rows: MemberListRow[]; total: number; page: number; pageSize: number };

/**
 * Members, newest first, optionally filtered by `q` (lib/members/search.ts: a case-insensitive prefix
 * of the external id, email, name or "first last", phone digits, or the member id). Offset pagination (page from 1).
 */
export async function listMembers(db: DbOrTx, options: { q?: string; page?: number; pageSize?: number } = {}): Promise<MemberPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 25)));
  const ids = options.q ? matchingMemberIds(options.q, null) : null;
  const where = ids ? sql`${members.id} in (${ids})` : undefined;
  const programmes = sql<number>`(select count(*) from ${memberPrograms} where ${memberPrograms.memberId} = ${members.id})`.mapWith(Number);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: members.id,
        externalId: members.externalId,
        firstName: members.firstName,
        lastName: members.lastName,
        email: members.email,
        phone: members.phone,
        programmes,
        createdAt: members.createdAt,
      })
      .from(members)
      .where(where)
      .orderBy(desc(members.createdAt), desc(members.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(members).where(where),
  ]);
  return { rows, total, page, pageSize };
}
