import "server-only";
import type { z } from "zod";
import type { Db } from "@/db";
import type { Actor } from "@/lib/actor";
import type { ImportKindName } from "./format";

/** What became of one row. */
export type RowOutcome = { status: "ok"; result: Record<string, unknown> } | { status: "error"; code: string; message: string };

/** A row read from the file, as the kind's per-row path takes it, or why it cannot be. */
export type Converted<TBody> = { ok: true; body: TBody } | { ok: false; code: string; message: string };

/** Which file and lines the rows come from (a kind may key what it writes by them). */
export type ImportRunContext = { importId: string; fileSha256: string; lines: readonly number[] };

/**
 * What an import of one kind needs beyond reading CSV: how a row's cells become the body its
 * per-row path takes, and that path. The upload, the job, the progress and the error report are
 * shared; kinds are listed in kinds.ts (IMPORT_KINDS).
 */
export type ImportKind<TBody> = {
  name: ImportKindName;
  /** Cells (column → text, as read) to the body, validated the way the API validates it. */
  toBody(raw: Record<string, string>): Converted<TBody>;
  /**
   * Processes valid rows in file order, each committed on its own; answers one outcome per row,
   * in order. Must be harmless to repeat (the job may be stopped between a row's commit and the
   * recording of its outcome).
   */
  process(db: Db, actor: Actor, rows: readonly TBody[], now: Date, context?: ImportRunContext): Promise<RowOutcome[]>;
};

const WHOLE_NUMBER = /^-?\d+$/;

/**
 * Cells to a JSON body: empty cells are absent fields; integer columns must be whole numbers
 * written as such ("12.5", "1,000" or "1e3" are errors, not rounded); everything else is text.
 */
export function cellsToJson(raw: Record<string, string>, integerColumns: readonly string[]): Converted<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(raw)) {
    const value = cell.trim();
    if (value === "") continue;
    if (integerColumns.includes(column)) {
      const n = Number(value);
      if (!WHOLE_NUMBER.test(value) || !Number.isSafeInteger(n)) {
        return { ok: false, code: "validation_failed", message: `${column}: “${value}” is not a whole number (amounts are in minor units, without decimals or separators).` };
      }
      body[column] = n;
    } else body[column] = value;
  }
  return { ok: true, body };
}

/** The first problem zod found, worded like the API's batch answer: "field: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.join(".");
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  return field ? `${field}: ${missing ? "required, but the cell is empty." : issue.message}` : issue.message;
}
