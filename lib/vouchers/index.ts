import "server-only";
import { randomInt } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { voucherCodes, voucherPools } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";

const CODE = /^[A-Z0-9][A-Z0-9-]{2,63}$/;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read aloud and typed

export type PoolStock = { id: string; name: string; description: string | null; total: number; issued: number; left: number; createdAt: Date };

export async function createVoucherPool(db: DbOrTx, actor: Actor, input: { name: string; description?: string | null }) {
  return db.transaction(async (tx) => {
    const [pool] = await tx.insert(voucherPools).values({ name: input.name.trim(), description: input.description ?? null }).returning();
    await writeAudit(tx, actor, { action: "voucher_pool.create", entityType: "voucher_pool", entityId: pool!.id, after: pool });
    return pool!;
  });
}

/** Adds codes (an upload): each is checked; duplicates within the pool are skipped and counted. */
export async function addVoucherCodes(db: DbOrTx, actor: Actor, poolId: string, codes: readonly string[]): Promise<{ added: number; duplicates: number }> {
  const normalized = codes.map((c) => c.trim().toUpperCase()).filter((c) => c.length > 0);
  const bad = normalized.findIndex((c) => !CODE.test(c));
  if (bad >= 0) throw new DomainError("validation_failed", `Code ${bad + 1} (${normalized[bad]}) is not valid: 3–64 letters, digits or dashes.`, { line: bad + 1 });
  return db.transaction(async (tx) => {
    const [pool] = await tx.select({ id: voucherPools.id }).from(voucherPools).where(eq(voucherPools.id, poolId));
    if (!pool) throw new DomainError("not_found", "No such voucher pool.", { pool_id: poolId });
    const unique = [...new Set(normalized)];
    let added = 0;
    for (let i = 0; i < unique.length; i += 1000) {
      const rows = await tx
        .insert(voucherCodes)
        .values(unique.slice(i, i + 1000).map((code) => ({ poolId, code })))
        .onConflictDoNothing()
        .returning({ id: voucherCodes.id });
      added += rows.length;
    }
    await writeAudit(tx, actor, { action: "voucher_pool.add_codes", entityType: "voucher_pool", entityId: poolId, after: { added, duplicates: normalized.length - added } });
    return { added, duplicates: normalized.length - added };
  });
}

/** Generates `n` random codes (`PREFIX-XXXXXXXX`) into the pool. */
export async function generateVoucherCodes(db: DbOrTx, actor: Actor, poolId: string, n: number, prefix = "CV"): Promise<{ added: number; duplicates: number }> {
  if (!Number.isSafeInteger(n) || n < 1 || n > 100_000) throw new DomainError("validation_failed", "Generate between 1 and 100,000 codes.", { field: "count" });
  const codes = Array.from({ length: n }, () => `${prefix.toUpperCase()}-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`);
  return addVoucherCodes(db, actor, poolId, codes);
}

/**
 * Gives out `n` free codes of the pool to a fulfilment, or none if the pool cannot cover them all.
 * Codes other transactions are giving out at this moment are skipped (SKIP LOCKED), so two awards
 * never get the same code and neither waits for the other.
 */
export async function issueVoucherCodes(tx: DbOrTx, poolId: string, fulfilmentId: string, n: number, now: Date): Promise<string[] | null> {
  const rows = await tx.execute<{ code: string }>(sql`
    update voucher_codes set fulfilment_id = ${fulfilmentId}, issued_at = ${now.toISOString()}::timestamptz
    where id in (select id from voucher_codes where pool_id = ${poolId} and fulfilment_id is null order by id limit ${n} for update skip locked)
    returning code`);
  if (rows.length === n) return rows.map((r) => r.code);
  if (rows.length > 0) await tx.update(voucherCodes).set({ fulfilmentId: null, issuedAt: null }).where(and(eq(voucherCodes.fulfilmentId, fulfilmentId), inArray(voucherCodes.code, rows.map((r) => r.code))));
  return null;
}

/** Every pool with its stock: codes in all, given out, left. */
export async function listVoucherPools(db: DbOrTx): Promise<PoolStock[]> {
  const pools = await db.select().from(voucherPools).orderBy(desc(voucherPools.createdAt));
  const totals = await db.select({ poolId: voucherCodes.poolId, n: count() }).from(voucherCodes).groupBy(voucherCodes.poolId);
  const free = await db.select({ poolId: voucherCodes.poolId, n: count() }).from(voucherCodes).where(isNull(voucherCodes.fulfilmentId)).groupBy(voucherCodes.poolId);
  return pools.map((p) => {
    const total = totals.find((t) => t.poolId === p.id)?.n ?? 0;
    const left = free.find((t) => t.poolId === p.id)?.n ?? 0;
    return { id: p.id, name: p.name, description: p.description, total, issued: total - left, left, createdAt: p.createdAt };
  });
}
