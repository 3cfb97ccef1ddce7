import { getDb } from "@/db";
import type { ImportProgressData } from "@/components/imports/import-progress";
import { countRepeatedRows, getImport } from "@/lib/imports";
import { isDomainError } from "@/lib/errors";
import { routeUser } from "../../access";

export const dynamic = "force-dynamic";

/** The import's progress as JSON, polled by its page every second while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await routeUser("offers:read");
  if (user instanceof Response) return user;
  const db = getDb();
  try {
    const view = await getImport(db, (await params).importId);
    const finished = view.status === "done" || view.status === "failed";
    const body: ImportProgressData = {
      status: view.status,
      totalRows: view.totalRows,
      processedRows: view.processedRows,
      okRows: view.okRows,
      errorRows: view.errorRows,
      // Counted once the import has ended (not every second while it runs).
      repeatedRows: finished ? await countRepeatedRows(db, view.id) : 0,
      startedAt: view.startedAt?.toISOString() ?? null,
      finishedAt: view.finishedAt?.toISOString() ?? null,
      error: view.error,
    };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return Response.json({ error: { code: "not_found", message: "No such import." } }, { status: 404 });
    throw error;
  }
}
