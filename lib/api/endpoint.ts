/**
 * One definition per public API endpoint: method, path, scope, words for the docs, and the zod
 * schemas of its input and answers. The route handler (lib/api/route.ts) validates with these
 * schemas and the OpenAPI document (lib/api/openapi.ts) is generated from the same ones, so the
 * published contract cannot drift from what the code accepts.
 */
import { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { ErrorCode } from "@/lib/errors";

/**
 * Who may call: an API scope; "any" for any valid key (no scope needed); null for a public route
 * (no key at all, e.g. health).
 */
export type EndpointScope = ApiScope | "any" | null;

export type EndpointMethod = "GET" | "POST";

/** Answers by HTTP status; each schema is written in snake_case, as the JSON on the wire. */
export type EndpointResponses = Record<number, z.ZodType>;

export type AnyEndpoint = {
  method: EndpointMethod;
  /** OpenAPI-style path, e.g. `/api/v1/members/{member_id}`. */
  path: `/api/v1/${string}`;
  scope: EndpointScope;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Path parameters; keys match the `{names}` in `path` and the route folder's `[names]`. */
  params?: z.ZodObject;
  /** Query string. Values arrive as strings: use z.coerce.number(), z.stringbool(), never z.coerce.boolean(). */
  query?: z.ZodObject;
  /** JSON body (POST). Must describe an object. */
  body?: z.ZodObject;
  responses: EndpointResponses;
  /** Domain error codes this endpoint may answer with, for the docs. */
  errors?: readonly ErrorCode[];
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * false for a POST that commits its parts one by one (a batch): the handler gets `db` instead of
   * one transaction, and an Idempotency-Key is held in a transaction of its own until the answer is
   * stored, so a concurrent repeat still waits and replays.
   */
  atomic?: boolean;
};

export function defineEndpoint<const E extends AnyEndpoint>(endpoint: E): E {
  if (endpoint.method === "POST" && endpoint.scope === null) {
    // Idempotency keys are scoped per API key, and every write must be attributable in the audit log.
    throw new Error(`${endpoint.method} ${endpoint.path}: a POST endpoint needs an API key (scope cannot be null).`);
  }
  return endpoint;
}

type Output<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;

export type ParamsOf<E extends AnyEndpoint> = E extends { params: infer P } ? Output<P> : Record<string, never>;
export type QueryOf<E extends AnyEndpoint> = E extends { query: infer Q } ? Output<Q> : Record<string, never>;
export type BodyOf<E extends AnyEndpoint> = E extends { body: infer B } ? Output<B> : Record<string, never>;

/** What a handler returns: one of the endpoint's declared statuses, with a body its schema accepts. */
export type EndpointResult<E extends AnyEndpoint> = {
  [S in keyof E["responses"] & number]: {
    status: S;
    body: z.input<E["responses"][S]>;
    /** Extra headers (GET only: a replayed POST answer carries only the stored status and body). */
    headers?: E["method"] extends "GET" ? Record<string, string> : never;
  };
}[keyof E["responses"] & number];

/** The contract's error shape. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "A snake_case code naming the problem.", example: "validation_failed" }),
      message: z.string().meta({ description: "A sentence for a developer; do not parse it." }),
      details: z.record(z.string(), z.unknown()).meta({
        description:
          "Facts about the problem, in snake_case. validation_failed has `location` (body, query or path) and " +
          "`issues: [{path, message}]`; internal_error has `request_id`.",
      }),
    }),
  })
  .meta({ id: "Error", description: "Every 4xx and 5xx answer. A 5xx is a bug on our side: report its request_id." });

/** An instant on the wire: ISO-8601 with an offset (we send UTC, `Z`). */
export const timestampSchema = z.iso.datetime({ offset: true }).meta({ example: "2026-03-01T09:30:00.000Z" });

/** Dates to the wire format of timestampSchema. */
export const isoTime = (date: Date): string => date.toISOString();
