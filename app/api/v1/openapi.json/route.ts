import type { z } from "zod";
import { contract } from "@/lib/api/contract";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/api/route";

type Document = z.input<(typeof contract.openapiDocument.responses)[200]>;

// Built once per process: the contract only changes with a deploy.
let document: Document | undefined;

export const GET = apiRoute(contract.openapiDocument, async () => {
  // openapi3-ts types it as interfaces without index signatures; it is plain JSON all the same.
  document ??= buildOpenApiDocument() as unknown as Document;
  return { status: 200, body: document, headers: { "Cache-Control": "public, max-age=300" } };
});
