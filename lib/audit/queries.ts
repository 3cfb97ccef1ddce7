import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { auditLog, type AuditEntry } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { escapeLike } from "@/lib/users";

export type AuditFilter = {
  /** Matches the start of the actor's email or key name, case-insensitive. */
  actor?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
};

/**
 * The audit log, newest first, with keyset pagination on id: `before` is the id of the last row
 * of the previous page. Stays fast however deep the reader goes.
 */
export async function listAuditLog(
  db: DbOrTx,
  filter: AuditFilter & { before?: number; limit?: number } = {},
): Promise<{ rows: AuditEntry[]; nextBefore: number | null }> {
  const limit = Math.min(200, Math.max(1, filter.limit ?? 50));
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(sql`${auditLog.actorLabel} ilike ${escapeLike(filter.actor) + "%"}`);
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.before) conditions.push(lt(auditLog.id, filter.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** The entity types that appear in the log, for the filter's choices. */
export async function auditEntityTypes(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType);
  return rows.map((r) => r.t);
}
