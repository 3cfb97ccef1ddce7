import "server-only";
import { getDb } from "@/db";
import type { ImportProgressData } from "@/components/imports/import-progress";
import { isDomainError } from "@/lib/errors";
import { csvStreamDownload, toCsv } from "./csv";
import { IMPORT_KIND_INFO, type ImportKindName } from "./format";
import { allImportErrors, countRepeatedRows, getImport, type ImportView } from "./queries";

/**
 * The route handlers of the import pages (progress JSON, error report CSV, template CSV), shared by
 * the kinds. Each route checks the session and permission first, then calls one of these.
 */

/** The import, when it exists and is of this kind (an import of another kind is not found here). */
async function importOfKind(importId: string, kind: ImportKindName): Promise<ImportView | null> {
  try {
    const view = await getImport(getDb(), importId);
    return view.kind === kind ? view : null;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** The import's progress as JSON, polled by its page every second while it runs. */
export async function importProgressResponse(importId: string, kind: ImportKindName): Promise<Response> {
  const view = await importOfKind(importId, kind);
  if (!view) return Response.json({ error: { code: "not_found", message: "No such import." } }, { status: 404 });
  const finished = view.status === "done" || view.status === "failed";
  const body: ImportProgressData = {
    status: view.status,
    totalRows: view.totalRows,
    processedRows: view.processedRows,
    okRows: view.okRows,
    errorRows: view.errorRows,
    // Counted once the import has ended (not every second while it runs).
    repeatedRows: finished ? await countRepeatedRows(getDb(), view.id) : 0,
    startedAt: view.startedAt?.toISOString() ?? null,
    finishedAt: view.finishedAt?.toISOString() ?? null,
    error: view.error,
  };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

/** The rows of an import that could not be imported, as CSV: line, reference, code, message. */
export async function importErrorsResponse(importId: string, kind: ImportKindName): Promise<Response> {
  const view = await importOfKind(importId, kind);
  if (!view) return new Response("No such import.", { status: 404 });
  const header = ["line", IMPORT_KIND_INFO[view.kind].referenceColumn, "code", "message"];
  const base = view.fileName.replace(/\.(csv|txt)$/i, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "import";
  return csvStreamDownload(`${base}-errors.csv`, header, allImportErrors(getDb(), view), (e) => [e.line, e.reference ?? "", e.code, e.message]);
}

/** A small example file of the kind with every column, to start from. */
export function importTemplateResponse(kind: ImportKindName, fileName: string): Response {
  const [header, ...rows] = IMPORT_KIND_INFO[kind].example;
  return new Response(toCsv(header!, rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
}
