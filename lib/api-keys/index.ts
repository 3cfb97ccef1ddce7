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
  return db.transaction(async (tx) => {
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
 * Finds the active key for a bearer token, or null for a malformed, unknown or revoked one.
 * Records the last-used time at most once a minute per key, so busy keys cost no extra writes.
 */
export async function authenticateApiKey(db: DbOrTx, token: string): Promise<PublicApiKey | null> {
  const match = KEY_PATTERN.exec(token);
  if (!match) return null;
  const [, prefix, secret] = match;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix!));
  if (!row || row.revokedAt) return null;
  const expected = Buffer.from(row.secretHash, "hex");
  const actual = Buffer.from(sha256(secret!), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return toPublic(row);
}
