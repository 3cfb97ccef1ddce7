import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  errorBody,
  formatIssuePath,
  issuesFromZod,
  jsonResponse,
  queryToObject,
  readBearerToken,
  requestIdFrom,
  snakeCaseKeys,
  toSnakeCase,
} from "@/lib/api/http";

describe("error shaping", () => {
  describe("toSnakeCase", () => {
    it.each([
      ["apiKeyId", "api_key_id"],
      ["already_snake", "already_snake"],
      ["HTTPStatus", "http_status"],
      ["memberID", "member_id"],
      ["line2Amount", "line2_amount"],
      ["x", "x"],
    ])("%s → %s", (input, expected) => expect(toSnakeCase(input)).toBe(expected));
  });

  it("renames keys deeply, through arrays, and leaves values and non-plain objects alone", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(snakeCaseKeys({ apiKeyId: "camelValue", nested: { firstUsedAt: at }, rows: [{ lineNo: 1 }] })).toEqual({
      api_key_id: "camelValue",
      nested: { first_used_at: at },
      rows: [{ line_no: 1 }],
    });
  });

  it("always has code, message and a details object", () => {
    expect(errorBody("not_found", "No such member.")).toEqual({ error: { code: "not_found", message: "No such member.", details: {} } });
    expect(errorBody("conflict", "Clash.", { memberId: "m1" })).toEqual({
      error: { code: "conflict", message: "Clash.", details: { member_id: "m1" } },
    });
  });

  it("formats issue paths with dots and indexes", () => {
    expect(formatIssuePath(["line_items", 0, "amount"])).toBe("line_items[0].amount");
    expect(formatIssuePath([2, "sku"])).toBe("[2].sku");
    expect(formatIssuePath([])).toBe("");
  });

  it("turns zod issues into {path, message}, one per unknown key", () => {
    const schema = z.strictObject({ member_id: z.string(), line_items: z.array(z.object({ amount: z.number().int() })) });
    const result = schema.safeParse({ memberId: "x", line_items: [{ amount: 1 }, { amount: 1.5 }] });
    expect(result.success).toBe(false);
    const issues = issuesFromZod(result.error!);
    expect(issues.map((i) => i.path).sort()).toEqual(["line_items[1].amount", "memberId", "member_id"]);
    expect(issues.find((i) => i.path === "memberId")?.message).toBe("Unknown field.");
  });
});

describe("readBearerToken", () => {
  it.each([
    [null, { kind: "missing" }],
    ["", { kind: "missing" }],
    ["Bearer", { kind: "missing" }],
    ["Basic abc", { kind: "not_bearer" }],
    ["Bearer a b", { kind: "not_bearer" }],
    ["Token ck_x", { kind: "not_bearer" }],
    ["Bearer ck_abc", { kind: "token", token: "ck_abc" }],
    ["bearer   ck_abc  ", { kind: "token", token: "ck_abc" }],
  ])("%j → %j", (header, expected) => expect(readBearerToken(header)).toEqual(expected));
});

describe("requestIdFrom", () => {
  it("keeps a well-formed id from a gateway and makes one otherwise", () => {
    expect(requestIdFrom("edge-4f2a9c11")).toBe("edge-4f2a9c11");
    expect(requestIdFrom("short")).toMatch(/^req_[0-9a-f]{32}$/);
    expect(requestIdFrom("has spaces in it")).toMatch(/^req_/);
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("queryToObject", () => {
  it("keeps single values as strings and repeated ones as arrays", () => {
    expect(queryToObject(new URLSearchParams("a=1&b=2&a=3&c="))).toEqual({ a: ["1", "3"], b: "2", c: "" });
  });
});

describe("jsonResponse", () => {
  it("is JSON, uncached, never compressed by the server and carries the request id", async () => {
    const response = jsonResponse(201, { ok: true }, "req_1", { "Idempotent-Replayed": "true" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    expect(await response.json()).toEqual({ ok: true });
  });
});
