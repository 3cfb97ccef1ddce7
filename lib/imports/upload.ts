import "server-only";
import { createHash } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { importRows, imports, type Import, type NewImportRow } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { parseCsv, stripBom, type ParsedCsv } from "./csv";
import { formatBytes, IMPORT_KIND_INFO, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportKindName } from "./format";
import { enqueueImport } from "./job";
import { IMPORT_KINDS } from "./kinds";

export type CreateImportInput = { kind: ImportKindName; fileName: string; content: string; createdBy: string };
export type CreatedImport = { id: string; totalRows: number; invalidRows: number; queued: boolean };

const number = new Intl.NumberFormat("en-GB");
const INSERT_BATCH = 2_000;

/** "3 May 2026, 14:02 UTC": a date that reads the same for everyone who sees the message. */
const utc = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(d) + " UTC";

export function sha256(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

/** The import of this file that counts (not failed), if any. */
export async function findImportOfFile(db: DbOrTx, kind: ImportKindName, fileSha256: string): Promise<Import | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.kind, kind), eq(imports.fileSha256, fileSha256), ne(imports.status, "failed")));
  return row;
}

function duplicateError(first: Import): DomainError {
  return new DomainError(
    "conflict",
    `This file was already uploaded on ${utc(first.createdAt)} as “${first.fileName}” (import ${first.id.slice(0, 8)}, ${first.status}). Importing it again would change nothing.`,
    { field: "file", import_id: first.id },
  );
}

/** The header must name the kind's columns, each once; the message lists what is missing and what is not known. */
export function checkHeader(kind: ImportKindName, header: readonly string[], headerLine = 1): string[] {
  const info = IMPORT_KIND_INFO[kind];
  const columns = header.map((h) => h.trim().toLowerCase());
  const known = new Set([...info.required, ...info.optional]);
  const missing = info.required.filter((c) => !columns.includes(c));
  const unknown = [...new Set(columns.filter((c) => !known.has(c)))];
  const repeated = [...new Set(columns.filter((c, i) => c !== "" && columns.indexOf(c) !== i))];
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  const unsupported = unknown.filter((c) => c in info.unsupported);
  const other = unknown.filter((c) => !(c in info.unsupported));
  if (other.length) problems.push(`unknown column${other.length > 1 ? "s" : ""}: ${other.map((c) => (c === "" ? "(a column without a name)" : c)).join(", ")}`);
  if (repeated.length) problems.push(`repeated column${repeated.length > 1 ? "s" : ""}: ${repeated.join(", ")}`);
  if (problems.length || unsupported.length) {
    const lines = problems.length ? [`The header (line ${headerLine}) does not match: ${problems.join("; ")}.`] : [];
    for (const c of unsupported) lines.push(`${c}: ${info.unsupported[c]}`);
    if (missing.length || other.length) lines.push(`The columns are: ${info.required.join(", ")} (required) and ${info.optional.join(", ")} (optional).`);
    throw new DomainError("validation_failed", lines.join(" "), { field: "file", missing, unknown });
  }
  return columns;
}

type PreparedRow = Omit<NewImportRow, "importId">;

/** The records as rows to store: each keeps its cells by column; a row that cannot be valid is an error already. */
function prepareRows(kind: ImportKindName, columns: readonly string[], parsed: ParsedCsv): PreparedRow[] {
  const path = IMPORT_KINDS[kind];
  return parsed.records.map(({ line, cells }) => {
    const raw: Record<string, string> = {};
    columns.forEach((c, i) => (raw[c] = cells[i] ?? ""));
    if (cells.length !== columns.length) {
      const message = `This line has ${cells.length} cell${cells.length === 1 ? "" : "s"}; the header has ${columns.length} columns. Check for a missing or extra separator.`;
      return { line, raw, status: "error", errorCode: "validation_failed", errorMessage: message };
    }
    const converted = path.toBody(raw);
    return converted.ok ? { line, raw } : { line, raw, status: "error", errorCode: converted.code, errorMessage: converted.message };
  });
}

/**
 * Checks an uploaded CSV file (size, the same file already imported, header, row limit, each row's
 * shape) and stores it: the import and all its rows, rows that cannot be valid already marked as
 * errors, the audit record and the job that processes the rest. A bad file is refused whole with a
 * message saying why, and nothing is stored.
 */
export async function createImport(db: Db, actor: Actor, input: CreateImportInput): Promise<CreatedImport> {
  const content = stripBom(input.content);
  const fileSize = Buffer.byteLength(content, "utf8");
  if (fileSize > MAX_IMPORT_BYTES) {
    throw new DomainError("payload_too_large", `The file is ${formatBytes(fileSize)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into several files.`, { field: "file" });
  }
  const fileSha256 = sha256(content);
  const earlier = await findImportOfFile(db, input.kind, fileSha256);
  if (earlier) throw duplicateError(earlier);

  const parsed = parseCsv(content);
  const columns = checkHeader(input.kind, parsed.header, parsed.headerLine);
  if (parsed.records.length === 0) throw new DomainError("validation_failed", "The file has a header but no rows under it.", { field: "file" });
  if (parsed.records.length > MAX_IMPORT_ROWS) {
    throw new DomainError(
      "validation_failed",
      `The file has ${number.format(parsed.records.length)} rows; the limit is ${number.format(MAX_IMPORT_ROWS)}. Split it into several files.`,
      { field: "file" },
    );
  }
  const rows = prepareRows(input.kind, columns, parsed);
  const invalidRows = rows.filter((r) => r.status === "error").length;
  const allInvalid = invalidRows === rows.length;

  // One transaction: an import never exists without all its rows, its audit record and its job.
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(imports)
      .values({
        kind: input.kind,
        fileName: input.fileName,
        fileSize,
        fileSha256,
        status: allInvalid ? "done" : "queued",
        totalRows: rows.length,
        processedRows: invalidRows,
        errorRows: invalidRows,
        createdBy: input.createdBy,
        // Nothing for the job to do when no row can be valid: the import is over at once.
        startedAt: allInvalid ? new Date() : null,
        finishedAt: allInvalid ? new Date() : null,
      })
      // The same file uploaded twice at once: the unique index lets one in.
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.insert(importRows).values(rows.slice(i, i + INSERT_BATCH).map((r) => ({ ...r, importId: row.id })));
    }
    await writeAudit(tx, actor, {
      action: "import.create",
      entityType: "import",
      entityId: row.id,
      after: { kind: row.kind, fileName: row.fileName, fileSize, fileSha256, totalRows: row.totalRows, invalidRows },
    });
    const queued = allInvalid ? false : await enqueueImport(tx, row.id);
    return { id: row.id, totalRows: row.totalRows, invalidRows, queued };
  });
  if (!created) {
    const first = await findImportOfFile(db, input.kind, fileSha256);
    throw first ? duplicateError(first) : new DomainError("conflict", "The same file is being uploaded right now; wait a moment and look at the list.", { field: "file" });
  }
  return created;
}
