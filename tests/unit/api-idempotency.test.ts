import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalQuery, parseIdempotencyKey, requestHash } from "@/lib/api/idempotency";
import { isRetryableTransactionError, sqlState, withTransactionRetry } from "@/db/retry";

describe("parseIdempotencyKey", () => {
  it("is null without the header and the key itself when valid", () => {
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey("5f0c1d7e-8f43-4c1e-9b0a-2f6d7c3e9a10")).toBe("5f0c1d7e-8f43-4c1e-9b0a-2f6d7c3e9a10");
    expect(parseIdempotencyKey("order 42 / retry")).toBe("order 42 / retry");
    expect(parseIdempotencyKey("k".repeat(255))).toHaveLength(255);
  });

  it.each([
    ["empty", ""],
    ["256 characters", "k".repeat(256)],
    ["non-ASCII", "clé"],
    ["a control character", "a\tb"],
  ])("refuses a key that is %s with idempotency_key_invalid", (_case, key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(expect.objectContaining({ code: "idempotency_key_invalid", status: 400 }));
  });
});

describe("canonicalJson", () => {
  it("sorts object keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("drops undefined fields as JSON does, and writes strings and numbers as JSON", () => {
    expect(canonicalJson({ a: undefined, b: "é\n", c: 1.5, d: true })).toBe('{"b":"é\\n","c":1.5,"d":true}');
    expect(canonicalJson(JSON.parse('{"n": 1.0}'))).toBe(canonicalJson({ n: 1 }));
  });
});

describe("requestHash", () => {
  const base = { method: "POST", path: "/api/v1/points/redeem", query: new URLSearchParams("program_id=p1"), body: { points: 100, member_id: "m1" } };

  it("is the same for the same request written differently", () => {
    expect(requestHash(base)).toBe(
      requestHash({ ...base, method: "post", body: JSON.parse('{ "member_id": "m1",  "points": 100 }') }),
    );
    expect(canonicalQuery(new URLSearchParams("b=2&a=1&a=0"))).toBe("a=1&a=0&b=2");
    expect(requestHash({ ...base, query: new URLSearchParams("x=1&program_id=p1") })).toBe(
      requestHash({ ...base, query: new URLSearchParams("program_id=p1&x=1") }),
    );
  });

  it.each([
    ["method", { method: "PUT" }],
    ["path", { path: "/api/v1/points/transfer" }],
    ["query", { query: new URLSearchParams("program_id=p2") }],
    ["body", { body: { points: 101, member_id: "m1" } }],
  ])("changes with the %s", (_part, change) => {
    expect(requestHash({ ...base, ...change })).not.toBe(requestHash(base));
  });
});

describe("transaction retry", () => {
  it("finds the SQLSTATE also inside a wrapped error", () => {
    expect(sqlState({ code: "40P01" })).toBe("40P01");
    expect(sqlState(Object.assign(new Error("Failed query"), { cause: { code: "40001" } }))).toBe("40001");
    expect(sqlState(new Error("plain"))).toBeUndefined();
    expect(isRetryableTransactionError({ code: "23505" })).toBe(false);
  });

  it("retries serialization failures and deadlocks, then succeeds", async () => {
    let calls = 0;
    const result = await withTransactionRetry(
      async () => {
        calls++;
        if (calls === 1) throw { code: "40001" };
        if (calls === 2) throw Object.assign(new Error("deadlock"), { cause: { code: "40P01" } });
        return "done";
      },
      { baseDelayMs: 1 },
    );
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("does not retry other errors, and gives up after the last attempt", async () => {
    let calls = 0;
    await expect(withTransactionRetry(async () => { calls++; throw new Error("bug"); }, { baseDelayMs: 1 })).rejects.toThrow("bug");
    expect(calls).toBe(1);
    calls = 0;
    await expect(withTransactionRetry(async () => { calls++; throw { code: "40001" }; }, { attempts: 3, baseDelayMs: 1 })).rejects.toEqual({ code: "40001" });
    expect(calls).toBe(3);
  });
});
