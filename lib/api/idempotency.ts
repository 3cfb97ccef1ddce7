import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import type { Tx } from "@/db";
import { DomainError } from "@/lib/errors";

/**
 * Idempotency-Key handling for POSTs. A key is scoped to the API key that sends it. Its row is
 * written in the same transaction as the change it answers, so a repeat either finds the committed
 * answer or waits on the primary key until the first transaction ends.
 */

/** 1–255 printable ASCII characters (RFC 9110 field value without controls). */
const IDEMPOTENCY_KEY = /^[\x20-\x7E]{1,255}$/;

/** The header's key, null when absent; a present but bad value is a 400 naming the rule. */
export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new DomainError(
      "idempotency_key_invalid",
      "The Idempotency-Key header must be 1 to 255 printable ASCII characters; a UUID is a good choice.",
      { header: "Idempotency-Key", length: header.length },
    );
  }
  return header;
}

/** JSON with object keys sorted at every depth, so key order and whitespace never change a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The query string with names sorted (values of one name keep their order). */
export function canonicalQuery(params: URLSearchParams): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(sorted).toString();
}

/** What makes two requests "the same": method, path, query (e.g. `?program_id=`) and the parsed JSON body. */
export function requestHash(request: { method: string; path: string; query: URLSearchParams; body: unknown }): string {
  const text = [request.method.toUpperCase(), request.path, canonicalQuery(request.query), canonicalJson(request.body)].join("\n");
  return createHash("sha256").update(text).digest("hex");
}

export type StoredAnswer = { status: number; body: unknown };

export type IdempotencyClaim = { kind: "first" } | { kind: "replay"; answer: StoredAnswer };

type ClaimInput = { apiKeyId: string; key: string; method: string; path: string; requestHash: string };

/**
 * Claims the key inside the caller's transaction. A concurrent claim of the same key blocks on the
 * primary key until the first transaction commits (→ replay) or rolls back (→ this one is first).
 * A different request under a used key is a 422 `idempotency_key_reused`.
 */
export async function claimIdempotencyKey(tx: Tx, input: ClaimInput): Promise<IdempotencyClaim> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values(input)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: "first" };

  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, input.apiKeyId), eq(idempotencyKeys.key, input.key)));
  if (!row || row.responseStatus === null) {
    // Only possible if the row vanished (a purge) between the two statements: a retry sorts it out.
    throw Object.assign(new Error("Idempotency key row changed during the claim."), { code: "40001" });
  }
  if (row.requestHash !== input.requestHash) {
    throw new DomainError(
      "idempotency_key_reused",
      "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
      { idempotencyKey: input.key, firstUsedAt: row.createdAt.toISOString(), firstMethod: row.method, firstPath: row.path },
    );
  }
  return { kind: "replay", answer: { status: row.responseStatus, body: row.responseBody } };
}

/** Stores the first answer in the claimed row, in the same transaction as the change it answers. */
export async function recordIdempotentAnswer(
  tx: Tx,
  input: { apiKeyId: string; key: string; answer: StoredAnswer },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ responseStatus: input.answer.status, responseBody: input.answer.body })
    .where(and(eq(idempotencyKeys.apiKeyId, input.apiKeyId), eq(idempotencyKeys.key, input.key)));
}
