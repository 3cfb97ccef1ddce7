import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/contract";
import { defineEndpoint } from "@/lib/api/endpoint";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const enrol = defineEndpoint({
  method: "POST",
  path: "/api/v1/test/members",
  scope: "members:write",
  summary: "Test: enrol",
  tags: ["test"],
  body: z.object({ external_id: z.string() }),
  responses: { 201: z.object({ member_id: z.string() }) },
  errors: ["conflict"],
});

describe("the OpenAPI document", () => {
  it("lists every endpoint of the contract under its method", () => {
    const doc = buildOpenApiDocument();
    for (const endpoint of ENDPOINTS) {
      expect(doc.paths?.[endpoint.path]?.[endpoint.method.toLowerCase() as "get" | "post"], endpoint.path).toBeDefined();
    }
  });

  it("documents a POST with its scope, body, Idempotency-Key header and error answers", () => {
    const doc = buildOpenApiDocument([enrol]);
    const op = doc.paths?.["/api/v1/test/members"]?.post;
    expect(op?.security).toEqual([{ api_key: ["members:write"] }]);
    expect(op?.parameters).toEqual([expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false })]);
    expect(op?.requestBody).toMatchObject({ required: true, content: { "application/json": { schema: { type: "object" } } } });
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(["201", "400", "401", "403", "409", "413", "422", "500"]);
    expect(op?.responses?.["201"].headers).toHaveProperty("Idempotent-Replayed");
    expect(op?.responses?.["422"].description).toContain("idempotency_key_reused");
    expect(doc.components?.schemas?.Error).toBeDefined();
  });

  it("refuses a POST endpoint without an API key", () => {
    expect(() =>
      defineEndpoint({ method: "POST", path: "/api/v1/test/open", scope: null, summary: "x", tags: [], responses: { 200: z.object({}) } }),
    ).toThrow(/needs an API key/);
  });
});
