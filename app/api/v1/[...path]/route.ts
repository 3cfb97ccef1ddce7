import { errorBody, jsonResponse, requestIdFrom } from "@/lib/api/http";

/** Any /api/v1 path without a route answers in the contract's JSON error shape, not an HTML page. */
async function notFound(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return jsonResponse(
    404,
    errorBody("not_found", `There is no ${request.method} ${path} in the API. See /api/v1/openapi.json.`, { method: request.method, path }),
    requestIdFrom(request.headers.get("x-request-id")),
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
