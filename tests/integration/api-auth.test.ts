import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { sql } from "drizzle-orm";
import { authenticateApiKey, createApiKey, KEY_CACHE_MS, revokeApiKey } from "@/lib/api-keys";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { defineEndpoint } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { GET as apiKeyGET } from "@/app/api/v1/api-key/route";
import { GET as healthGET } from "@/app/api/v1/health/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as notFoundGET } from "@/app/api/v1/[...path]/route";
import { systemTestActor } from "../support/fixtures";

const BASE = "http://localhost";

async function makeKey(scopes: ApiScope[], name = `pos-${randomUUID().slice(0, 8)}`) {
  return createApiKey(getDb(), systemTestActor, { name, scopes });
}

function get(path: string, token?: string | null, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}`, ...headers } : headers });
}

/** The contract's error shape, with the common headers of every answer. */
async function expectError(response: Response, status: number, code: string, details: Record<string, unknown> = {}) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("x-request-id")).toMatch(/\S{8,}/);
  const body = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String), details } });
  return body as { error: { message: string; details: Record<string, unknown> } };
}

// A scoped GET with a query and a path parameter, built with the same wrapper as the real routes.
const programEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/test/programs/{program_id}",
  scope: "programs:read",
  summary: "Test: read a programme",
  tags: ["test"],
  params: z.object({ program_id: z.uuid() }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10), active: z.stringbool().optional() }),
  responses: { 200: z.object({ program_id: z.string(), limit: z.number(), active: z.boolean().nullable() }) },
});
let programHandlerMode: "ok" | "leak" | "bug" | "bad_answer" = "ok";
const programGET = apiRoute(programEndpoint, async ({ params, query, db }) => {
  await db.execute("select 1");
  if (programHandlerMode === "bug") throw new Error("boom: a bug with a secret connection string");
  const body = { program_id: params.program_id, limit: query.limit, active: query.active ?? null };
  if (programHandlerMode === "leak") return { status: 200, body: { ...body, secret_hash: "must not leave" } };
  if (programHandlerMode === "bad_answer") return { status: 200, body: { ...body, limit: "ten" as unknown as number } };
  return { status: 200, body };
});
const programPath = (id: string, query = "") => `/api/v1/test/programs/${id}${query}`;
const withParams = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

afterEach(() => {
  programHandlerMode = "ok";
  vi.restoreAllMocks();
});

describe("public routes", () => {
  it("answers health without a key after asking the database", async () => {
    const response = await healthGET(get("/api/v1/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    const body = await response.json();
    expect(body).toEqual({ status: "ok", database: "ok", time: expect.any(String) });
    expect(Number.isNaN(Date.parse(body.time))).toBe(false);
  });

  it("answers health 503 degraded when the database fails", async () => {
    vi.spyOn(getDb(), "execute").mockRejectedValueOnce(new Error("connection refused"));
    const response = await healthGET(get("/api/v1/health"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", database: "unavailable", time: expect.any(String) });
  });

  it("serves openapi.json without a key, with the bearer scheme and the system routes", async () => {
    const response = await openapiGET(get("/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.api_key).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.paths["/api/v1/health"].get.security).toEqual([]);
    expect(doc.paths["/api/v1/api-key"].get.security).toEqual([{ api_key: [] }]);
    expect(doc.paths["/api/v1/api-key"].get.responses["401"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Error",
    });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/health", "/api/v1/api-key", "/api/v1/openapi.json"]));
  });

  it("answers an unknown /api/v1 path with a JSON 404", async () => {
    await expectError(await notFoundGET(get("/api/v1/nope")), 404, "not_found", { method: "GET", path: "/api/v1/nope" });
  });

  it("keeps a well-formed X-Request-Id from the caller and replaces a malformed one", async () => {
    const kept = await healthGET(get("/api/v1/health", null, { "X-Request-Id": "gateway-1234-abcd" }));
    expect(kept.headers.get("x-request-id")).toBe("gateway-1234-abcd");
    const replaced = await healthGET(get("/api/v1/health", null, { "X-Request-Id": "bad id with spaces" }));
    expect(replaced.headers.get("x-request-id")).toMatch(/^req_/);
  });
});

describe("API key authentication", () => {
  it("describes the calling key, without its secret", async () => {
    const { apiKey, token } = await makeKey(["points:read"], "Card switch");
    const response = await apiKeyGET(get("/api/v1/api-key", token));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: apiKey.id,
      name: "Card switch",
      prefix: apiKey.prefix,
      scopes: ["points:read"],
      created_at: apiKey.createdAt.toISOString(),
    });
  });

  it.each([
    ["no Authorization header", null, 'Bearer realm="coalition"'],
    ["a Basic header", "Basic dXNlcjpwYXNz", 'Bearer realm="coalition", error="invalid_request"'],
    ["an empty Bearer header", "Bearer ", 'Bearer realm="coalition"'],
    ["a malformed key", "Bearer not-a-key", 'Bearer realm="coalition", error="invalid_token"'],
    ["an unknown key", `Bearer ck_000000000000_${"a".repeat(43)}`, 'Bearer realm="coalition", error="invalid_token"'],
  ])("answers 401 unauthenticated for %s", async (_case, authorization, challenge) => {
    const request = new Request(`${BASE}/api/v1/api-key`, { headers: authorization ? { Authorization: authorization } : {} });
    const response = await apiKeyGET(request);
    await expectError(response, 401, "unauthenticated");
    expect(response.headers.get("www-authenticate")).toBe(challenge);
  });

  it("answers 401 for a known prefix with the wrong secret", async () => {
    const { token } = await makeKey(["programs:read"]);
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expectError(await apiKeyGET(get("/api/v1/api-key", forged)), 401, "unauthenticated");
  });

  it("answers 401 for a revoked key that worked just before", async () => {
    const { apiKey, token } = await makeKey(["programs:read"]);
    expect((await apiKeyGET(get("/api/v1/api-key", token))).status).toBe(200);
    await revokeApiKey(getDb(), systemTestActor, { apiKeyId: apiKey.id });
    const response = await apiKeyGET(get("/api/v1/api-key", token));
    await expectError(response, 401, "unauthenticated");
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("a key revoked by another process stops working within KEY_CACHE_MS; a wrong secret never rides on the cache", async () => {
    const { apiKey, token } = await makeKey(["programs:read"]);
    const t0 = Date.now();
    expect(await authenticateApiKey(getDb(), token, t0)).toMatchObject({ id: apiKey.id });
    // Another process revokes it: this process is not told, and its cache does not see the row.
    await getDb().execute(sql`update api_keys set revoked_at = now() where id = ${apiKey.id}`);
    expect(await authenticateApiKey(getDb(), token, t0 + KEY_CACHE_MS - 1)).toMatchObject({ id: apiKey.id }); // the documented bound
    expect(await authenticateApiKey(getDb(), token, t0 + KEY_CACHE_MS)).toBeNull();
    expect(await authenticateApiKey(getDb(), token, t0 + 1)).toBeNull(); // and it stays refused
    const other = await makeKey(["programs:read"]);
    expect(await authenticateApiKey(getDb(), other.token, t0)).not.toBeNull();
    const forged = other.token.slice(0, -4) + (other.token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await authenticateApiKey(getDb(), forged, t0)).toBeNull();
  });

  it("records last_used_at at most once a minute, also when requests come from the cache", async () => {
    const { apiKey, token } = await makeKey(["programs:read"]);
    const t0 = Date.now();
    const lastUsed = async () => (await getDb().execute<{ at: string | null }>(sql`select last_used_at::text as at from api_keys where id = ${apiKey.id}`))[0]!.at;
    await authenticateApiKey(getDb(), token, t0);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await authenticateApiKey(getDb(), token, t0 + KEY_CACHE_MS + 1); // the row is read again, but it was used a moment ago
    expect(await lastUsed()).toBe(first);
    await authenticateApiKey(getDb(), token, t0 + 61_000);
    expect(await lastUsed()).not.toBe(first);
  });

  it("answers 403 insufficient_scope naming the scope, also for a key with no scopes at all", async () => {
    const programId = randomUUID();
    for (const scopes of [["members:read", "points:write"], []] as ApiScope[][]) {
      const { token } = await makeKey(scopes);
      const response = await programGET(get(programPath(programId), token), withParams({ program_id: programId }));
      await expectError(response, 403, "insufficient_scope", { required_scope: "programs:read" });
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="coalition", error="insufficient_scope", scope="programs:read"');
    }
    const { token } = await makeKey(["programs:read"]);
    const allowed = await programGET(get(programPath(programId), token), withParams({ program_id: programId }));
    expect(allowed.status).toBe(200);
  });
});

describe("input and answers", () => {
  it("parses path and query with the endpoint's schemas", async () => {
    const { token } = await makeKey(["programs:read"]);
    const id = randomUUID();
    const response = await programGET(get(programPath(id, "?limit=25&active=false"), token), withParams({ program_id: id }));
    expect(await response.json()).toEqual({ program_id: id, limit: 25, active: false });
  });

  it("answers 422 validation_failed with the query and path issues", async () => {
    const { token } = await makeKey(["programs:read"]);
    const id = randomUUID();
    const badQuery = await programGET(get(programPath(id, "?limit=abc&active=maybe"), token), withParams({ program_id: id }));
    const body = await expectError(badQuery, 422, "validation_failed", { location: "query", issues: expect.any(Array) });
    expect((body.error.details.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["active", "limit"]);

    const badPath = await programGET(get(programPath("not-a-uuid"), token), withParams({ program_id: "not-a-uuid" }));
    await expectError(badPath, 422, "validation_failed", { location: "path", issues: [{ path: "program_id", message: expect.any(String) }] });
  });

  it("drops fields the answer's schema does not declare, so nothing leaks", async () => {
    const { token } = await makeKey(["programs:read"]);
    const id = randomUUID();
    programHandlerMode = "leak";
    const response = await programGET(get(programPath(id), token), withParams({ program_id: id }));
    expect(await response.json()).toEqual({ program_id: id, limit: 10, active: null });
  });

  it("answers 500 internal_error with the request id for a bug, and shows nothing of it", async () => {
    const { token } = await makeKey(["programs:read"]);
    const id = randomUUID();
    for (const mode of ["bug", "bad_answer"] as const) {
      programHandlerMode = mode;
      const response = await programGET(get(programPath(id), token), withParams({ program_id: id }));
      const requestId = response.headers.get("x-request-id");
      const body = await expectError(response, 500, "internal_error", { request_id: requestId });
      expect(body.error.message).not.toMatch(/boom|secret|schema/);
    }
  });
});
