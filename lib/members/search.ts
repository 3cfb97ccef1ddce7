import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";

/**
 * Finding a member the way an agent types: a case-insensitive prefix of the external id, email,
 * first name, last name or "first last"; the digits of a phone number with or without its country
 * code ("+91 98765 43210", "98765 43210" and "9876543" all find the same member); or the member id.
 *
 * Every prefix is a range on a byte-order ("C") index of the lower-cased value (migration 0008), so
 * the plan is an index range scan whatever the parameters: `lower(x) >= 'pri' and lower(x) < 'prj'`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE_LIKE = /^\+?[0-9 ()-]+$/;
/** Fewer phone digits than this match too much to be a phone search. */
const MIN_PHONE_DIGITS = 3;

/** The smallest string greater than every string starting with `prefix`, in byte (code point) order. */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    // Skip the surrogate range and the last code point: they have no usable successor.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return points.join("") + String.fromCodePoint(next);
  }
  return "\u{10ffff}";
}

export type SearchTerms = { memberId: string | null; prefix: string | null; phoneDigits: string | null };

/** What a query can match. Pure: the part of search worth unit-testing without a database. */
export function searchTerms(q: string): SearchTerms {
  const text = q.trim().toLowerCase();
  if (!text) return { memberId: null, prefix: null, phoneDigits: null };
  const digits = PHONE_LIKE.test(text) ? text.replace(/\D/g, "") : "";
  return {
    memberId: UUID.test(text) ? text : null,
    prefix: text,
    phoneDigits: digits.length >= MIN_PHONE_DIGITS ? digits : null,
  };
}

const range = (column: SQL, prefix: string) => sql`(${column} >= ${prefix} and ${column} < ${prefixUpperBound(prefix)})`;

/** The ids of members matching `q`, each branch an index range scan (bounded by `limit` when given). */
export function matchingMemberIds(q: string, limit: number | null): SQL | null {
  const t = searchTerms(q);
  if (!t.prefix) return null;
  const branch = (where: SQL) => (limit === null ? sql`(select id from members where ${where})` : sql`(select id from members where ${where} limit ${limit})`);
  const branches: SQL[] = [
    branch(range(sql`lower(external_id) collate "C"`, t.prefix)),
    branch(range(sql`lower(email) collate "C"`, t.prefix)),
    branch(range(sql`lower(first_name) collate "C"`, t.prefix)),
    branch(range(sql`lower(last_name) collate "C"`, t.prefix)),
  ];
  if (t.prefix.includes(" ")) branches.push(branch(range(sql`lower(first_name || ' ' || last_name) collate "C"`, t.prefix)));
  if (t.phoneDigits) {
    branches.push(branch(range(sql`regexp_replace(phone, '[^0-9]', '', 'g') collate "C"`, t.phoneDigits)));
    branches.push(branch(range(sql`regexp_replace(regexp_replace(phone, '^\\+[0-9]{1,3}[ -]', ''), '[^0-9]', '', 'g') collate "C"`, t.phoneDigits)));
  }
  if (t.memberId) branches.push(sql`(select id from members where id = ${t.memberId}::uuid)`);
  return sql.join(branches, sql` union `);
}

export type MemberMatch = {
  id: string;
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
};

/**
 * Up to `limit` members matching `q` for search as you type: an exact id or external id first,
 * then by name. An empty query finds nobody.
 */
export async function searchMembers(db: DbOrTx, q: string, options: { limit?: number } = {}): Promise<MemberMatch[]> {
  const limit = Math.min(50, Math.max(1, Math.floor(options.limit ?? 8)));
  const ids = matchingMemberIds(q, limit);
  if (!ids) return [];
  const exact = q.trim().toLowerCase();
  const rows = await db.execute<{ id: string; external_id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null }>(sql`
    select m.id, m.external_id, m.first_name, m.last_name, m.email, m.phone
    from members m where m.id in (${ids})
    order by (m.id::text = ${exact} or lower(m.external_id) = ${exact}) desc, lower(m.last_name), lower(m.first_name), m.external_id
    limit ${limit}`);
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone }));
}
