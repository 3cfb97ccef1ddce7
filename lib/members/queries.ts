import "server-only";
import { count, desc, ilike, or, sql } from "drizzle-orm";
import { memberPrograms, members } from "@/db/schema";
import type { DbOrTx } from "@/db";

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

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Members, newest first, optionally filtered by `q`: a case-insensitive prefix of the external id,
 * email, phone, first name, last name or "first last". Offset pagination (page from 1).
 */
export async function listMembers(db: DbOrTx, options: { q?: string; page?: number; pageSize?: number } = {}): Promise<MemberPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 25)));
  const q = options.q?.trim();
  const prefix = q ? `${escapeLike(q)}%` : undefined;
  const where = prefix
    ? or(
        ilike(members.externalId, prefix),
        ilike(members.email, prefix),
        ilike(members.phone, prefix),
        ilike(members.firstName, prefix),
        ilike(members.lastName, prefix),
        ilike(sql`concat_ws(' ', ${members.firstName}, ${members.lastName})`, prefix),
      )
    : undefined;
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
