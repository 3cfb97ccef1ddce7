import "server-only";
import type { DbOrTx } from "@/db";
import type { PublicApiKey } from "@/lib/api-keys";
import { getUser } from "@/lib/users";
import type { ApiKeyRow } from "./api-keys-table";

/** Keys as the table shows them, with their creators' names (never a secret or hash). */
export async function apiKeyRows(db: DbOrTx, keys: PublicApiKey[]): Promise<ApiKeyRow[]> {
  // Few distinct creators per page; a join in listApiKeys would save these lookups.
  const creatorIds = [...new Set(keys.map((k) => k.createdByUserId).filter((id): id is string => Boolean(id)))];
  const creators = new Map((await Promise.all(creatorIds.map((id) => getUser(db, id)))).flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdBy: k.createdByUserId ? (creators.get(k.createdByUserId) ?? "Unknown user") : null,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  }));
}
