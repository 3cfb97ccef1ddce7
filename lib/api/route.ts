import "server-only";
import type { Logger } from "pino";
import type { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import type { Actor } from "@/lib/actor";
import { authenticateApiKey, type PublicApiKey } from "@/lib/api-keys";
import { DomainError, isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AnyEndpoint, BodyOf, EndpointResult, ParamsOf, QueryOf } from "./endpoint";
import {
  errorBody,
  findNulCharacter,
  INTERNAL_ERROR,
  isPlainObject,
  issuesFromZod,
  jsonResponse,
  queryToObject,
  readBearerToken,
  requestIdFrom,
} from "./http";
import { claimIdempotencyKey, parseIdempotencyKey, recordIdempotentAnswer, requestHash, type StoredAnswer } from "./idempotency";
import { withTransactionRetry } from "@/db/retry";

/**
 * The one wrapper every /api/v1 route handler uses:
 * request id → API key → scope → zod parse (path, query, body) → handler → answer checked against
 * the contract. A POST runs in one transaction with its Idempotency-Key. Domain errors become the
 * contract's 4xx shape; anything else is logged and answered 500 `internal_error`.
 */

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const REALM = 'Bearer realm="coalition"';

/** A 401/403 that also tells the client how to authenticate (RFC 6750 WWW-Authenticate). */
class BearerChallenge extends DomainError {
  constructor(
    code: "unauthenticated" | "insufficient_scope",
    message: string,
    details: Record<string, unknown>,
    readonly challenge: string,
  ) {
    super(code, message, details);
  }
}

type KeyOf<E extends AnyEndpoint> = E["scope"] extends null ? null : PublicApiKey;

type BaseContext<E extends AnyEndpoint> = {
  request: Request;
  requestId: string;
  log: Logger;
  /** The calling key (null on public routes). */
  key: KeyOf<E>;
  /** The key as the actor of audit records and use cases. */
  actor: E["scope"] extends null ? null : Actor;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
};

/** A GET reads with `db`; a POST writes only through `tx`, the one transaction the wrapper opened. */
export type HandlerContext<E extends AnyEndpoint> = E["method"] extends "POST"
  ? E extends { atomic: false }
    ? BaseContext<E> & { db: Db }
    : BaseContext<E> & { tx: Tx }
  : BaseContext<E> & { db: Db };

export type ApiHandler<E extends AnyEndpoint> = (ctx: HandlerContext<E>) => Promise<EndpointResult<E>>;

/**
 * A POST handler that commits on its own (e.g. through a group commit), used when the request carries
 * no Idempotency-Key: with a key the main handler runs instead, in the one transaction that also
 * stores the key's answer, so the answer and the change still commit together.
 */
export type SelfCommittingHandler<E extends AnyEndpoint> = (ctx: BaseContext<E> & { db: Db }) => Promise<EndpointResult<E>>;

/** Next 16 passes `{ params: Promise<…> }` as the second argument. */
export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

export function apiRoute<E extends AnyEndpoint>(
  endpoint: E,
  handler: NoInfer<ApiHandler<E>>,
  options: { withoutIdempotencyKey?: NoInfer<SelfCommittingHandler<E>> } = {},
): RouteHandler {
  return async function route(request, context) {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    const url = new URL(request.url);
    const log = logger.child({ request_id: requestId, method: request.method, path: url.pathname });
    let response: Response;
    let key: PublicApiKey | null = null;
    try {
      const db = getDb();
      key = endpoint.scope === null ? null : await authenticate(db, request, endpoint.scope);
      const actor: Actor | null = key && { type: "api_key", id: key.id, label: key.name, scopes: key.scopes };
      const params = parseInput(endpoint.params, (await context?.params) ?? {}, "path");
      const query = parseInput(endpoint.query, queryToObject(url.searchParams), "query");
      const base = { request, requestId, log, key, actor, params, query };

      if (endpoint.method === "GET") {
        const result = await handler({ ...base, body: {}, db } as unknown as HandlerContext<E>);
        const answer = checkAnswer(endpoint, result);
        response = jsonResponse(answer.status, answer.body, requestId, result.headers ?? {});
      } else {
        if (!key) throw new Error(`${endpoint.path}: a POST route must authenticate.`);
        const idempotencyKey = parseIdempotencyKey(request.headers.get("idempotency-key"));
        const raw = await readJsonBody(request, endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        // A batch (atomic: false) answers a bad row by itself, NUL characters included (checked per row).
        const body = parseInput(endpoint.body, raw, "body", endpoint.atomic !== false);
        const claim = idempotencyKey && {
          apiKeyId: key.id,
          key: idempotencyKey,
          method: "POST",
          path: url.pathname,
          requestHash: requestHash({ method: "POST", path: url.pathname, query: url.searchParams, body: raw }),
        };
        const selfCommitting = claim ? undefined : options.withoutIdempotencyKey;
        const outcome = selfCommitting
          ? { ...checkAnswer(endpoint, await selfCommitting({ ...base, body, db } as unknown as BaseContext<E> & { db: Db })), replayed: false }
          : await withTransactionRetry(
              () =>
                // One transaction per POST: the change, its audit record and the stored answer commit together
                // or not at all, and a concurrent repeat of the same Idempotency-Key waits on the key's row.
                db.transaction(async (tx): Promise<StoredAnswer & { replayed: boolean }> => {
                  if (claim) {
                    const found = await claimIdempotencyKey(tx, claim);
                    if (found.kind === "replay") return { ...found.answer, replayed: true };
                  }
                  const context = endpoint.atomic === false ? { ...base, body, db } : { ...base, body, tx };
                  const answer = checkAnswer(endpoint, await handler(context as unknown as HandlerContext<E>));
                  if (claim) await recordIdempotentAnswer(tx, { apiKeyId: claim.apiKeyId, key: claim.key, answer });
                  return { ...answer, replayed: false };
                }),
              { onRetry: (error, attempt) => log.warn({ err: error, attempt }, "transaction retried") },
            );
        response = jsonResponse(outcome.status, outcome.body, requestId, outcome.replayed ? { "Idempotent-Replayed": "true" } : {});
      }
    } catch (error) {
      response = errorResponse(error, requestId, log);
    }
    log.info({ status: response.status, ms: Math.round(performance.now() - started), api_key_id: key?.id }, "api request");
    return response;
  };
}

async function authenticate(db: Db, request: Request, scope: NonNullable<AnyEndpoint["scope"]>): Promise<PublicApiKey> {
  const bearer = readBearerToken(request.headers.get("authorization"));
  if (bearer.kind === "missing") {
    throw new BearerChallenge("unauthenticated", "Send an API key: `Authorization: Bearer <api key>`.", {}, REALM);
  }
  if (bearer.kind === "not_bearer") {
    throw new BearerChallenge(
      "unauthenticated",
      "The Authorization header must use the Bearer scheme: `Authorization: Bearer <api key>`.",
      {},
      `${REALM}, error="invalid_request"`,
    );
  }
  // Unknown, mistyped and revoked keys get the same answer, so a caller learns nothing about other keys.
  const key = await authenticateApiKey(db, bearer.token);
  if (!key) {
    throw new BearerChallenge("unauthenticated", "The API key is not valid: it is mistyped, unknown or revoked.", {}, `${REALM}, error="invalid_token"`);
  }
  if (scope !== "any" && !key.scopes.includes(scope)) {
    throw new BearerChallenge(
      "insufficient_scope",
      `This API key does not have the \`${scope}\` scope. An admin can create a key with it in Settings → API keys.`,
      { requiredScope: scope },
      `${REALM}, error="insufficient_scope", scope="${scope}"`,
    );
  }
  return key;
}

function parseInput<S extends z.ZodType | undefined>(schema: S, input: unknown, location: "path" | "query" | "body", refuseNul = true) {
  if (!schema) return {};
  const nul = refuseNul ? findNulCharacter(input) : null;
  if (nul !== null) {
    throw new DomainError("validation_failed", "Text may not contain NUL characters (\\u0000).", { location, issues: [{ path: nul, message: "Contains a NUL character." }] });
  }
  if (location === "body" && !isPlainObject(input)) {
    throw new DomainError("validation_failed", "The request body must be a JSON object.", {
      location,
      issues: [{ path: "", message: `Expected a JSON object, received ${Array.isArray(input) ? "an array" : input === null ? "null" : typeof input}.` }],
    });
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const where = location === "body" ? "request body" : location === "query" ? "query string" : "path";
    throw new DomainError("validation_failed", `The ${where} is not valid: see details.issues.`, {
      location,
      issues: issuesFromZod(parsed.error),
    });
  }
  return parsed.data;
}

/** The body as JSON; an empty body is `{}`, so POSTs without fields need none. */
async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new DomainError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError("invalid_json", "The request body is not valid JSON.", { reason: (error as Error).message });
  }
}

/** The handler's answer, checked against the contract; extra fields are dropped, so nothing leaks. */
function checkAnswer<E extends AnyEndpoint>(endpoint: E, result: EndpointResult<E>): StoredAnswer {
  const schema = endpoint.responses[result.status];
  if (!schema) throw new Error(`${endpoint.method} ${endpoint.path} answered ${result.status}, which its definition does not declare.`);
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) {
    throw new Error(`${endpoint.method} ${endpoint.path} answered ${result.status} with a body its schema rejects: ${JSON.stringify(issuesFromZod(parsed.error))}`);
  }
  return { status: result.status, body: parsed.data };
}

function errorResponse(error: unknown, requestId: string, log: Logger): Response {
  if (isDomainError(error)) {
    const headers: Record<string, string> = error instanceof BearerChallenge ? { "WWW-Authenticate": error.challenge } : {};
    return jsonResponse(error.status, errorBody(error.code, error.message, error.details), requestId, headers);
  }
  log.error({ err: error }, "api request failed");
  return jsonResponse(
    500,
    errorBody(INTERNAL_ERROR, "Something went wrong on our side and the request was not applied. Quote the request_id if you report it.", {
      requestId,
    }),
    requestId,
  );
}
