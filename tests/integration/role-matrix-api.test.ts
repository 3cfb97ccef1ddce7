/**
 * Every /api/v1 route × API keys: no key, a revoked key and a key without the route's scope are
 * refused in the contract's error shape; a key with just the route's scope gets through.
 * Routes are found on disk, so a new route cannot skip this test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/scopes";
import { ENDPOINTS } from "@/lib/api/contract";
import type { AnyEndpoint } from "@/lib/api/endpoint";
import { systemTestActor } from "../support/fixtures";

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts", { eager: true });

/** Path parameters and bodies that pass validation, for routes that need them. */
const SAMPLES: Record<string, { params?: Record<string, string>; body?: unknown }> = {};

const routes = Object.entries(modules)
  .filter(([file]) => !file.includes("[...path]"))
  .flatMap(([file, mod]) => {
    const path = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "").replace(/\[([^\]]+)\]/g, "{$1}");
    return (["GET", "POST"] as const)
      .filter((method) => typeof mod[method] === "function")
      .map((method) => ({ method, path, handler: mod[method] as Handler }));
  });

const endpointFor = (method: string, path: string): AnyEndpoint | undefined =>
  ENDPOINTS.find((e) => e.method === method && e.path === path);

async function call(route: (typeof routes)[number], token: string | null) {
  const sample = SAMPLES[`${route.method} ${route.path}`] ?? {};
  const url = "http://localhost" + route.path.replace(/\{([^}]+)\}/g, (_, name: string) => sample.params?.[name] ?? "x");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request(url, { method: route.method, headers, body: route.method === "POST" ? JSON.stringify(sample.body ?? {}) : undefined });
  return route.handler(request, { params: Promise.resolve(sample.params ?? {}) });
}

const keys = {} as { revoked: string; byScope: Record<ApiScope, string>; allBut: Record<ApiScope, string> };
beforeAll(async () => {
  const make = async (name: string, scopes: ApiScope[]) => (await createApiKey(getDb(), systemTestActor, { name, scopes })).token;
  const revoked = await createApiKey(getDb(), systemTestActor, { name: "revoked", scopes: [...API_SCOPES] });
  await revokeApiKey(getDb(), systemTestActor, { apiKeyId: revoked.apiKey.id });
  keys.revoked = revoked.token;
  keys.byScope = {} as Record<ApiScope, string>;
  keys.allBut = {} as Record<ApiScope, string>;
  for (const scope of API_SCOPES) {
    keys.byScope[scope] = await make(`only ${scope}`, [scope]);
    keys.allBut[scope] = await make(`all but ${scope}`, API_SCOPES.filter((s) => s !== scope));
  }
});

describe("API routes × keys", () => {
  it("finds the routes on disk, each defined in the contract", () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const r of routes) expect(endpointFor(r.method, r.path), `${r.method} ${r.path} is not in lib/api/contract.ts`).toBeDefined();
  });

  for (const route of routes) {
    const endpoint = endpointFor(route.method, route.path);
    if (!endpoint) continue;
    const name = `${route.method} ${route.path}`;
    if (endpoint.scope === null) {
      it(`${name} is public`, async () => {
        expect([401, 403]).not.toContain((await call(route, null)).status);
      });
      continue;
    }
    describe(name, () => {
      it("refuses a missing and a revoked key with 401 in the contract's shape", async () => {
        for (const token of [null, keys.revoked]) {
          const res = await call(route, token);
          expect(res.status).toBe(401);
          expect(await res.json()).toMatchObject({ error: { code: "unauthenticated", message: expect.any(String) } });
        }
      });
      const scope = endpoint.scope;
      if (scope === "any") {
        it("lets any valid key through, whatever its scopes", async () => {
          for (const s of API_SCOPES) expect([401, 403]).not.toContain((await call(route, keys.byScope[s])).status);
        });
      } else if (scope) {
        it(`refuses a key with every scope but ${scope} (403) and accepts one with only ${scope}`, async () => {
          const refused = await call(route, keys.allBut[scope]);
          expect(refused.status).toBe(403);
          expect(await refused.json()).toMatchObject({ error: { code: "insufficient_scope" } });
          expect([401, 403]).not.toContain((await call(route, keys.byScope[scope])).status);
        });
      }
    });
  }
});
