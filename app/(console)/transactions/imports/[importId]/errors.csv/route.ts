import { getDb } from "@/db";
import { allImportErrors, getImport } from "@/lib/imports";
import { csvLines } from "@/lib/imports/csv";
import { IMPORT_KIND_INFO } from "@/lib/imports/format";
import { isDomainError } from "@/lib/errors";
import { routeUser } from "../../access";

export const dynamic = "force-dynamic";

/** The rows of an import that could not be imported, as CSV: line, reference (external_id), code, message. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await routeUser("offers:read");
  if (user instanceof Response) return user;
  const db = getDb();
  let view;
  try {
    view = await getImport(db, (await params).importId);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return new Response("No such import.", { status: 404 });
    throw error;
  }
  const header = ["line", IMPORT_KIND_INFO[view.kind].referenceColumn, "code", "message"];
  const encoder = new TextEncoder();
  const batches = allImportErrors(db, view);
  // Written as it is read, a few thousand rows at a time; the byte-order mark makes spreadsheets read UTF-8.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${csvLines([header])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(csvLines(next.value.map((e) => [e.line, e.reference ?? "", e.code, e.message]))));
    },
  });
  const base = view.fileName.replace(/\.(csv|txt)$/i, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "import";
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${base}-errors.csv"`,
      "cache-control": "no-store",
    },
  });
}
