import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { count, desc, eq, sql } from "drizzle-orm";
import { apiKeys, partners, type ApiKey } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { CreateApiKeyInput } from "./schemas";

/** A key as shown and audited: never its hash. */
export type PublicApiKey = Omit<ApiKey, "secretHash">;

const KEY_PATTERN = /^ck_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function toPublic(key: ApiKey): PublicApiKey {
  const { secretHash: _hash, ...rest } = key;
  return rest;
}

const auditView = (k: ApiKey) => ({ name: k.name, prefix: k.prefix, scopes: k.scopes, partnerId: k.partnerId, revoked: k.revokedAt !== null });

/** Makes a new key token `ck_<prefix>_<secret>`; the prefix finds the row, the secret proves it. */
export function generateKeyToken(): { token: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(8).toString("hex").slice(0, 12);
  const secret = randomBytes(32).toString("base64url");
  return { token: `ck_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

/**
 * Creates a key. The token is returned here and never again. With `partnerId` the key is bound to that
 * partner: it may act only for it (its earn transactions).
 */
export async function createApiKey(
  db: DbOrTx,
  actor: Actor,
  input: CreateApiKeyInput & { partnerId?: string | null },
): Promise<{ apiKey: PublicApiKey; token: string }> {
  const { token, prefix, secretHash } = generateKeyToken();
  const partnerId = input.partnerId ?? null;
  if (partnerId !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(partnerId)) {
    throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
  }
  return db.transaction(async (tx) => {
    if (partnerId !== null) {
      const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
      if (!partner) throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
    }
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix,
        secretHash,
        scopes: input.scopes,
        partnerId,
        createdByUserId: actor.type === "user" ? actor.id : null,
      })
      .returning();
    await writeAudit(tx, actor, { action: "api_key.create", entityType: "api_key", entityId: row!.id, after: auditView(row!) });
    return { apiKey: toPublic(row!), token };
  });
}

/** Revokes a key; with `partnerId`, only a key of that partner (a partner's page revokes only its own keys). */
export async function revokeApiKey(db: DbOrTx, actor: Actor, input: { apiKeyId: string; partnerId?: string }): Promise<PublicApiKey> {
  const revoked = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiKeys).where(eq(apiKeys.id, input.apiKeyId)).for("update");
    if (!before || (input.partnerId !== undefined && before.partnerId !== input.partnerId)) throw new DomainError("not_found", "No such API key.", { apiKeyId: input.apiKeyId });
    if (before.revokedAt) throw new DomainError("already_revoked", "This API key is already revoked.");
    const [after] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), revokedByUserId: actor.type === "user" ? actor.id : null })
      .where(eq(apiKeys.id, input.apiKeyId))
      .returning();
    await writeAudit(tx, actor, { action: "api_key.revoke", entityType: "api_key", entityId: input.apiKeyId, before: auditView(before), after: auditView(after!) });
    return toPublic(after!);
  });
  // After the commit: a request racing the revocation may still re-cache the key it read just before.
  forgetVerifiedKeys();
  return revoked;
}

/** Keys, active first then newest; with `partnerId`, only that partner's keys. */
export async function listApiKeys(
  db: DbOrTx,
  options: { page?: number; pageSize?: number; partnerId?: string } = {},
): Promise<{ rows: PublicApiKey[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, options.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 25));
  const where = options.partnerId ? eq(apiKeys.partnerId, options.partnerId) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(apiKeys)
      .where(where)
      .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(apiKeys).where(where),
  ]);
  return { rows: rows.map(toPublic), total, page, pageSize };
}

/**
 * How long a process may keep answering from a key it verified: every API request authenticates, so
 * each process keeps a verified key (by a hash of its whole token) for at most this long instead of
 * reading its row every time. The price: a key revoked by ANOTHER process keeps working here for at
 * most KEY_CACHE_MS; a revocation in this process (revokeApiKey) forgets every cached key at once.
 */
export const KEY_CACHE_MS = 5_000;
const KEY_CACHE_MAX = 1_000;
/** On globalThis: Next may load this module once per route bundle, and a revocation must reach them all. */
const keyCache = ((globalThis as unknown as { coalitionApiKeyCache?: Map<string, { at: number; key: PublicApiKey }> }).coalitionApiKeyCache ??= new Map());

/** Forgets every verified key (after a revocation), so the next request reads the key's row again. */
export function forgetVerifiedKeys(): void {
  keyCache.clear();
}

/**
 * Finds the active key for a bearer token, or null for a malformed, unknown or revoked one (see
 * KEY_CACHE_MS for how long a verified key is trusted without reading its row again).
 * Records the last-used time at most once a minute per key, so busy keys cost no extra writes.
 */
export async function authenticateApiKey(db: DbOrTx, token: string, nowMs = Date.now()): Promise<PublicApiKey | null> {
  const match = KEY_PATTERN.exec(token);
  if (!match) return null;
  const tokenHash = sha256(token);
  const hit = keyCache.get(tokenHash);
  if (hit && nowMs - hit.at < KEY_CACHE_MS && hit.at <= nowMs) return hit.key;
  keyCache.delete(tokenHash);
  const [, prefix, secret] = match;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix!));
  if (!row || row.revokedAt) return null;
  const expected = Buffer.from(row.secretHash, "hex");
  const actual = Buffer.from(sha256(secret!), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const now = new Date(nowMs);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  const key = toPublic(row);
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(tokenHash, { at: nowMs, key });
  return key;
}
