import "server-only";
import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { importRows, imports, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { IMPORT_KIND_INFO, isImportKind, type ImportKindName, type ImportStatus } from "./format";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An import as the console shows it: the file, who, when, and how far. */
export type ImportView = {
  id: string;
  kind: ImportKindName;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  okRows: number;
  errorRows: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  createdBy: { id: string; name: string; email: string };
};

const columns = {
  id: imports.id,
  kind: imports.kind,
  fileName: imports.fileName,
  fileSize: imports.fileSize,
  fileSha256: imports.fileSha256,
  status: imports.status,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  okRows: imports.okRows,
  errorRows: imports.errorRows,
  createdAt: imports.createdAt,
  startedAt: imports.startedAt,
  finishedAt: imports.finishedAt,
  error: imports.error,
  userId: users.id,
  userName: users.name,
  userEmail: users.email,
};

type Selected = Omit<ImportView, "kind" | "status" | "createdBy"> & { kind: string; status: string; userId: string; userName: string; userEmail: string };
const toView = ({ userId, userName, userEmail, ...r }: Selected): ImportView => ({
  ...r,
  kind: isImportKind(r.kind) ? r.kind : "transactions",
  status: r.status as ImportStatus,
  createdBy: { id: userId, name: userName, email: userEmail },
});

/** Imports, newest first, a page at a time. */
export async function listImports(db: DbOrTx, options: { page: number; pageSize: number; kind?: ImportKindName }): Promise<{ rows: ImportView[]; total: number }> {
  const where = options.kind ? eq(imports.kind, options.kind) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(imports)
      .innerJoin(users, eq(users.id, imports.createdBy))
      .where(where)
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(imports).where(where),
  ]);
  return { rows: rows.map(toView), total: total?.n ?? 0 };
}

/** One import; not_found for an unknown or malformed id. */
export async function getImport(db: DbOrTx, importId: string): Promise<ImportView> {
  const [row] = UUID.test(importId) ? await db.select(columns).from(imports).innerJoin(users, eq(users.id, imports.createdBy)).where(eq(imports.id, importId)) : [];
  if (!row) throw new DomainError("not_found", "No such import.", { import_id: importId });
  return toView(row);
}

/** Rows that were already received before (same external id): counted as ok, they changed nothing. */
export async function countRepeatedRows(db: DbOrTx, importId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(importRows)
    .where(and(eq(importRows.importId, importId), eq(importRows.status, "ok"), sql`(${importRows.result} ->> 'repeated') = 'true'`));
  return row?.n ?? 0;
}

/** One line of the error report. */
export type ImportErrorView = { line: number; reference: string | null; code: string; message: string };

const errorColumns = (kind: ImportKindName) => ({
  line: importRows.line,
  reference: sql<string | null>`nullif(${importRows.raw} ->> ${IMPORT_KIND_INFO[kind].referenceColumn}, '')`,
  code: sql<string>`coalesce(${importRows.errorCode}, 'error')`,
  message: sql<string>`coalesce(${importRows.errorMessage}, '')`,
});

/** The rows in error, by line, a page at a time. */
export async function listImportErrors(
  db: DbOrTx,
  view: Pick<ImportView, "id" | "kind">,
  options: { page: number; pageSize: number },
): Promise<{ rows: ImportErrorView[]; total: number }> {
  const where = and(eq(importRows.importId, view.id), eq(importRows.status, "error"));
  const [rows, [total]] = await Promise.all([
    db
      .select(errorColumns(view.kind))
      .from(importRows)
      .where(where)
      .orderBy(asc(importRows.line))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(importRows).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every row in error, by line, in batches (keyset on the line), for the downloadable report. */
export async function* allImportErrors(db: DbOrTx, view: Pick<ImportView, "id" | "kind">, batch = 5_000): AsyncGenerator<ImportErrorView[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select(errorColumns(view.kind))
      .from(importRows)
      .where(and(eq(importRows.importId, view.id), eq(importRows.status, "error"), gt(importRows.line, after)))
      .orderBy(asc(importRows.line))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.line;
    if (rows.length < batch) return;
  }
}
