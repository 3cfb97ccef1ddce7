/**
 * Pure HTTP helpers of the public API: the error shape, snake_case keys, zod issues as API issues,
 * bearer tokens, request ids and JSON responses. No database, no Next.js: unit-tested directly.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";

/** The code of an answer that means a bug on our side; never a DomainError code. */
export const INTERNAL_ERROR = "internal_error";

export type ApiErrorBody = {
  error: { code: string; message: string; details: Record<string, unknown> };
};

export type ApiIssue = { path: string; message: string };

/** `apiKeyId` → `api_key_id`, `HTTPStatus` → `http_status`; snake_case keys are left alone. */
export function toSnakeCase(key: string): string {
  if (!/[A-Z]/.test(key)) return key;
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Renames the keys of plain objects (deeply, through arrays) to snake_case; values are untouched. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toSnakeCase(k), snakeCaseKeys(v)]));
}

/** The one error shape of the API; details always an object, keys in snake_case. */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ApiErrorBody {
  const snake = snakeCaseKeys(details);
  return { error: { code, message, details: isPlainObject(snake) ? snake : {} } };
}

/** `["line_items", 0, "amount"]` → `line_items[0].amount`; the empty path (the whole input) → "". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += (out ? "." : "") + String(segment);
  }
  return out;
}

/** Zod issues as API issues. An unknown key is reported at its own path, so the caller sees which. */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.flatMap((issue): ApiIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: "Unknown field." }));
    }
    return [{ path: formatIssuePath(issue.path), message: issue.message }];
  });
}

export type BearerToken = { kind: "missing" } | { kind: "not_bearer" } | { kind: "token"; token: string };

/** Reads `Authorization: Bearer <token>` (scheme case-insensitive, RFC 6750). */
export function readBearerToken(header: string | null): BearerToken {
  const value = header?.trim() ?? "";
  if (value === "" || /^Bearer$/i.test(value)) return { kind: "missing" };
  const match = /^Bearer +(\S+)$/i.exec(value);
  return match ? { kind: "token", token: match[1]! } : { kind: "not_bearer" };
}

const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed X-Request-Id from a gateway in front of us, so logs join up; else makes one. */
export function requestIdFrom(header: string | null): string {
  return header && FORWARDED_REQUEST_ID.test(header) ? header : `req_${randomUUID().replaceAll("-", "")}`;
}

/**
 * A JSON answer. Every API response goes through here: JSON body, request id, never cached unless told.
 * `no-transform` also keeps Next.js from gzipping it: API answers are small, and compressing each one
 * cost about 0.4 of the server's 2 ms of CPU per transaction on the ingest benchmark (bench/transactions.ts).
 */
export function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "no-store, no-transform",
      "X-Request-Id": requestId,
      ...headers,
    },
  });
}

/** Query string to an object for zod: a repeated name becomes an array, a single one a string. */
export function queryToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export { isPlainObject };

/**
 * Where a NUL character hides in a request's strings (keys or values), as an issue path; null when
 * none does. PostgreSQL text cannot hold NUL, so such input is refused up front with a 422 instead of
 * failing when written.
 */
export function findNulCharacter(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? formatIssuePath(path) || "(value)" : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findNulCharacter(v, [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return formatIssuePath([...path, k]);
      const found = findNulCharacter(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}
