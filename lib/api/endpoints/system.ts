import { z } from "zod";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { defineEndpoint, timestampSchema } from "../endpoint";

/** Endpoints about the API itself: liveness, the contract, and the calling key. */

export const health = defineEndpoint({
  method: "GET",
  path: "/api/v1/health",
  scope: null,
  summary: "Check that the service and its database answer",
  description: "Load balancers and monitors poll this.",
  tags: ["system"],
  responses: {
    200: z
      .object({ status: z.literal("ok"), database: z.literal("ok"), time: timestampSchema })
      .meta({ id: "Health" }),
    503: z
      .object({ status: z.literal("degraded"), database: z.literal("unavailable"), time: timestampSchema })
      .meta({ id: "HealthDegraded", description: "The database did not answer in time." }),
  },
});

export const openapiDocument = defineEndpoint({
  method: "GET",
  path: "/api/v1/openapi.json",
  scope: null,
  summary: "This contract, as an OpenAPI 3.1 document",
  tags: ["system"],
  responses: {
    200: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
  },
});

export const currentApiKey = defineEndpoint({
  method: "GET",
  path: "/api/v1/api-key",
  scope: "any",
  summary: "Describe the API key making the call",
  description: "Any valid key may call it, whatever its scopes: use it to check that a key works and what it may do.",
  tags: ["system"],
  responses: {
    200: z
      .object({
        id: z.uuid(),
        name: z.string(),
        prefix: z.string().meta({ description: "The public part of the key, shown in the console." }),
        scopes: z.array(z.enum(API_SCOPES)),
        created_at: timestampSchema,
      })
      .meta({ id: "ApiKey" }),
  },
});
