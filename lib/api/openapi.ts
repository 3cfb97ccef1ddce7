/**
 * The OpenAPI 3.1 document of the public API, generated from the same endpoint definitions and zod
 * schemas the route handlers validate with (lib/api/contract.ts).
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api-keys/scopes";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { ENDPOINTS } from "./contract";
import { apiErrorSchema, type AnyEndpoint } from "./endpoint";
import { INTERNAL_ERROR } from "./http";

export const SECURITY_SCHEME = "api_key";

const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .meta({
    description:
      "Makes a retry safe: a repeat with the same key and body (from the same API key) returns the first " +
      "answer, with `Idempotent-Replayed: true`, and changes nothing. The same key with a different body is " +
      "`422 idempotency_key_reused`. 1–255 printable ASCII characters; a UUID is a good choice.",
    example: "5f0c1d7e-8f43-4c1e-9b0a-2f6d7c3e9a10",
  });

const STATUS_WORDS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  400: "Bad request",
  401: "No valid API key",
  403: "The key lacks the scope",
  404: "Not found",
  409: "Conflict with the current state",
  413: "Body too large",
  422: "The request cannot be processed as sent",
  500: "A bug on our side; nothing was changed",
  503: "Service unavailable",
};

/** The error codes each endpoint can answer, by status. */
function errorCodesByStatus(endpoint: AnyEndpoint): Map<number, string[]> {
  const codes: string[] = [...(endpoint.errors ?? [])];
  if (endpoint.scope !== null) codes.push("unauthenticated");
  if (endpoint.scope !== null && endpoint.scope !== "any") codes.push("insufficient_scope");
  if (endpoint.params || endpoint.query || endpoint.body) codes.push("validation_failed");
  if (endpoint.method === "POST") {
    codes.push("invalid_json", "payload_too_large", "idempotency_key_invalid", "idempotency_key_reused");
  }
  const byStatus = new Map<number, string[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_STATUS[code as ErrorCode];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  byStatus.set(500, [INTERNAL_ERROR]);
  return byStatus;
}

const REQUEST_ID_HEADER = { "X-Request-Id": { $ref: "#/components/headers/RequestId" } };
const REPLAYED_HEADER = { "Idempotent-Replayed": { $ref: "#/components/headers/IdempotentReplayed" } };

function responsesOf(endpoint: AnyEndpoint): Record<string, ResponseConfig> {
  const out: Record<string, ResponseConfig> = {};
  for (const [status, schema] of Object.entries(endpoint.responses)) {
    out[status] = {
      description: STATUS_WORDS[Number(status)] ?? `HTTP ${status}`,
      headers: endpoint.method === "POST" ? { ...REQUEST_ID_HEADER, ...REPLAYED_HEADER } : REQUEST_ID_HEADER,
      content: { "application/json": { schema } },
    };
  }
  for (const [status, codes] of errorCodesByStatus(endpoint)) {
    out[String(status)] = {
      description: `${STATUS_WORDS[status] ?? `HTTP ${status}`}: ${codes.map((c) => `\`${c}\``).join(", ")}`,
      headers: REQUEST_ID_HEADER,
      // apiErrorSchema carries meta id "Error": the generator emits it once, as #/components/schemas/Error.
      content: { "application/json": { schema: apiErrorSchema } },
    };
  }
  return out;
}

function operationId(endpoint: AnyEndpoint): string {
  const words = endpoint.path
    .replace(/^\/api\/v1\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [endpoint.method.toLowerCase(), ...words].join("_");
}

/** Builds the document for the given endpoints (all of v1 by default). */
export function buildOpenApiDocument(endpoints: readonly AnyEndpoint[] = ENDPOINTS) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", SECURITY_SCHEME, {
    type: "http",
    scheme: "bearer",
    description:
      "`Authorization: Bearer <api key>`. Admins create keys in the console (Settings → API keys) with scopes; " +
      "each operation lists the scope it needs. A missing, unknown or revoked key is `401 unauthenticated`; a key " +
      "without the scope is `403 insufficient_scope`.",
  });
  registry.registerComponent("headers", "RequestId", {
    description: "Names this request in our logs; quote it when reporting a problem. Sent on every answer.",
    required: true,
    schema: { type: "string" },
  });
  registry.registerComponent("headers", "IdempotentReplayed", {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
    schema: { type: "string", enum: ["true"] },
  });
  const postHeaders = z.object({ "Idempotency-Key": idempotencyKeyHeader.optional() });

  for (const endpoint of endpoints) {
    const scopeNote =
      endpoint.scope === null ? "No API key needed." : endpoint.scope === "any" ? "Any valid API key." : `Scope: \`${endpoint.scope}\`.`;
    registry.registerPath({
      method: endpoint.method === "GET" ? "get" : "post",
      path: endpoint.path,
      operationId: operationId(endpoint),
      summary: endpoint.summary,
      description: [endpoint.description, scopeNote].filter(Boolean).join("\n\n"),
      tags: [...endpoint.tags],
      security: endpoint.scope === null ? [] : [{ [SECURITY_SCHEME]: endpoint.scope === "any" ? [] : [endpoint.scope] }],
      request: {
        params: endpoint.params,
        query: endpoint.query,
        headers: endpoint.method === "POST" ? postHeaders : undefined,
        body: endpoint.body ? { required: true, content: { "application/json": { schema: endpoint.body } } } : undefined,
      },
      responses: responsesOf(endpoint),
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Coalition API",
      version: "1.0.0",
      description:
        "The public API of Coalition, the open-source loyalty engine. JSON over HTTPS, snake_case fields, amounts in " +
        "minor units, times ISO-8601 with an offset. Errors are `{\"error\": {\"code\", \"message\", \"details\"}}` " +
        "with a 4xx status; a 5xx is a bug.\n\nScopes: " +
        API_SCOPES.map((s) => `\`${s}\` (${API_SCOPE_LABELS[s]})`).join(", ") +
        ".",
    },
    servers: [{ url: "/" }],
    security: [{ [SECURITY_SCHEME]: [] }],
  });
}
