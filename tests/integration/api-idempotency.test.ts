import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, idempotencyKeys } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { writeAudit } from "@/lib/audit";
import { defineEndpoint } from "@/lib/api/endpoint";
import { apiRoute } from "@/lib/api/route";
import { DomainError } from "@/lib/errors";
import { systemTestActor } from "../support/fixtures";

// A test-only POST route built with the same wrapper as the real ones: it writes an audit record
// through the wrapper's transaction and answers 201 with the new row's id.
const createWidget = defineEndpoint({
  method: "POST",
  path: "/api/v1/test/widgets",
  scope: "members:write",
  summary: "Test: create a widget",
  tags: ["test"],
  body: z.object({
    name: z.string().min(1),
    tags: z.array(z.string()).max(3).optional(),
    size: z.object({ width: z.number().int().positive() }).optional(),
  }),
  responses: { 201: z.object({ id: z.number().int(), widget_id: z.uuid(), name: z.string() }) },
  errors: ["conflict"],
});

let failNext: "domain" | "bug" | null = null;

const POST = apiRoute(createWidget, async ({ tx, actor, body }) => {
  const widgetId = randomUUID();
  await writeAudit(tx, actor, { action: "test_widget.create", entityType: "test_widget", entityId: widgetId, after: body });
  // Holds the transaction open a little, so concurrent repeats really overlap with it.
  await tx.execute(sql`select pg_sleep(0.02)`);
  const failure = failNext;
  failNext = null;
  if (failure === "domain") throw new DomainError("conflict", "The widget clashes with another.", { widgetName: body.name });
  if (failure === "bug") throw new Error("a bug after the write");
  const [row] = await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityId, widgetId));
  return { status: 201, body: { id: row!.id, widget_id: widgetId, name: body.name } };
});

afterEach(() => {
  failNext = null;
});

async function makeToken(scopes: ApiScope[] = ["members:write"]) {
  const { apiKey, token } = await createApiKey(getDb(), systemTestActor, { name: `crm-${randomUUID().slice(0, 8)}`, scopes });
  return { apiKeyId: apiKey.id, token };
}

function post(token: string, body: unknown, options: { key?: string; raw?: string; query?: string } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  if (options.key !== undefined) headers["Idempotency-Key"] = options.key;
  return POST(
    new Request(`http://localhost/api/v1/test/widgets${options.query ?? ""}`, {
      method: "POST",
      headers,
      body: options.raw ?? JSON.stringify(body),
    }),
  );
}

async function widgetRows(name: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "test_widget.create"), sql`${auditLog.after}->>'name' = ${name}`));
}

async function idempotencyRows(key: string) {
  return getDb().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
}

describe("POST with an Idempotency-Key", () => {
  it("returns the first answer to a repeat, marked replayed, and writes no second row", async () => {
    const { token } = await makeToken();
    const key = randomUUID();
    const name = `w-${key}`;
    const first = await post(token, { name, tags: ["a", "b"] }, { key });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await first.json();
    expect(firstBody).toEqual({ id: expect.any(Number), widget_id: expect.any(String), name });

    // The same body with other key order and whitespace is the same request.
    const again = await post(token, null, { key, raw: `{ "tags": ["a","b"],\n  "name": ${JSON.stringify(name)} }` });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(await again.json()).toEqual(firstBody);

    expect(await widgetRows(name)).toHaveLength(1);
    const [stored] = await getDb().execute<{ t: string }>(sql`select jsonb_typeof(response_body) as t from idempotency_keys where key = ${key}`);
    expect(stored?.t).toBe("object");
  });

  it("refuses the same key with a different body or query with 422 idempotency_key_reused, writing nothing", async () => {
    const { token } = await makeToken();
    const key = randomUUID();
    const name = `w-${key}`;
    expect((await post(token, { name }, { key })).status).toBe(201);
    for (const response of [await post(token, { name: `${name}-other` }, { key }), await post(token, { name }, { key, query: "?dry_run=true" })]) {
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "idempotency_key_reused", details: { idempotency_key: key, first_path: "/api/v1/test/widgets" } });
    }
    expect(await widgetRows(`${name}-other`)).toHaveLength(0);
    expect(await widgetRows(name)).toHaveLength(1);
  });

  it("scopes keys per API key: another key with the same Idempotency-Key is a new request", async () => {
    const a = await makeToken();
    const b = await makeToken();
    const key = randomUUID();
    const name = `w-${key}`;
    const first = await (await post(a.token, { name }, { key })).json();
    const second = await post(b.token, { name }, { key });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect((await second.json()).id).not.toBe(first.id);
    expect(await widgetRows(name)).toHaveLength(2);
    expect((await idempotencyRows(key)).map((r) => r.apiKeyId).sort()).toEqual([a.apiKeyId, b.apiKeyId].sort());
  });

  it("applies 20 concurrent identical requests exactly once and gives all 20 the same answer", async () => {
    const { token } = await makeToken();
    const key = randomUUID();
    const name = `w-${key}`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(token, { name, size: { width: 3 } }, { key })));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies.map((b) => JSON.stringify(b, Object.keys(b).sort()))).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    expect(await widgetRows(name)).toHaveLength(1);
    expect(await idempotencyRows(key)).toHaveLength(1);
  });

  it("stores nothing when the handler fails with a domain error, so a retry with the same key succeeds", async () => {
    const { token } = await makeToken();
    const key = randomUUID();
    const name = `w-${key}`;
    failNext = "domain";
    const failed = await post(token, { name }, { key });
    expect(failed.status).toBe(409);
    expect(await failed.json()).toEqual({
      error: { code: "conflict", message: "The widget clashes with another.", details: { widget_name: name } },
    });
    expect(await widgetRows(name)).toHaveLength(0);
    expect(await idempotencyRows(key)).toHaveLength(0);

    const retried = await post(token, { name }, { key });
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(await widgetRows(name)).toHaveLength(1);
    expect(await idempotencyRows(key)).toHaveLength(1);
  });

  it("rolls back everything on a bug and answers 500 with the request id", async () => {
    const { token } = await makeToken();
    const key = randomUUID();
    const name = `w-${key}`;
    failNext = "bug";
    const response = await post(token, { name }, { key });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "internal_error", message: expect.any(String), details: { request_id: response.headers.get("x-request-id") } },
    });
    expect(await widgetRows(name)).toHaveLength(0);
    expect(await idempotencyRows(key)).toHaveLength(0);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(256)],
    ["not ASCII", "clé-1"],
  ])("answers 400 idempotency_key_invalid for a key that is %s", async (_case, key) => {
    const { token } = await makeToken();
    const response = await post(token, { name: `w-${randomUUID()}` }, { key });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("idempotency_key_invalid");
  });

  it("runs every POST without a key as a new request", async () => {
    const { token } = await makeToken();
    const name = `w-${randomUUID()}`;
    expect((await post(token, { name })).status).toBe(201);
    expect((await post(token, { name })).status).toBe(201);
    expect(await widgetRows(name)).toHaveLength(2);
  });
});

describe("POST input", () => {
  it("answers 400 invalid_json for a body that is not JSON, and writes nothing", async () => {
    const { token } = await makeToken();
    const key = randomUUID();
    const response = await post(token, null, { key, raw: '{"name": "half' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_json");
    expect(await idempotencyRows(key)).toHaveLength(0);
  });

  it("answers 422 validation_failed with snake_case issue paths", async () => {
    const { token } = await makeToken();
    const response = await post(token, { name: "", tags: ["ok", 7], size: { width: -1 } });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("validation_failed");
    expect(error.details.location).toBe("body");
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(["name", "size.width", "tags[1]"]);
    for (const issue of error.details.issues) expect(issue.message).toEqual(expect.any(String));
  });

  it.each([
    ["an array", "[1, 2]"],
    ["a string", '"widget"'],
    ["null", "null"],
  ])("answers 422 for a body that is %s", async (_case, raw) => {
    const { token } = await makeToken();
    const response = await post(token, null, { raw });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "validation_failed", details: { location: "body", issues: [{ path: "" }] } });
  });

  it("answers 413 for a body over the limit", async () => {
    const { token } = await makeToken();
    const response = await post(token, { name: "x".repeat(1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it("checks the key and scope before reading anything", async () => {
    const { token } = await makeToken(["members:read"]);
    const response = await post(token, null, { key: "", raw: "not json" });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: "insufficient_scope", details: { required_scope: "members:write" } });
  });
});
