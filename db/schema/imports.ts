import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A CSV file uploaded in the console (transactions; later promotional points), processed by the
 * `imports.run` job. Its rows are stored with it at upload time (`import_rows`), so the job can stop
 * and start again without losing or doubling anything. The same file (same kind and SHA-256) is
 * recognised and refused, unless its import failed.
 */
export const imports = pgTable(
  "imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** transactions | promotional_points */
    kind: text().notNull(),
    fileName: text().notNull(),
    /** In bytes (UTF-8). */
    fileSize: integer().notNull(),
    fileSha256: text().notNull(),
    /** queued | running | done | failed */
    status: text().notNull().default("queued"),
    totalRows: integer().notNull(),
    processedRows: integer().notNull().default(0),
    okRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    /** Why the whole import failed (a row's problem is on the row). */
    error: text(),
  },
  (t) => [
    // One live import per file: a second upload of the same file is refused (unless the first failed).
    uniqueIndex("imports_file_once_key").on(t.kind, t.fileSha256).where(sql`${t.status} <> 'failed'`),
    index("imports_created_idx").on(t.createdAt.desc(), t.id.desc()),
    check("imports_status_valid", sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    check(
      "imports_counters_valid",
      sql`${t.okRows} >= 0 and ${t.errorRows} >= 0 and ${t.processedRows} = ${t.okRows} + ${t.errorRows} and ${t.processedRows} <= ${t.totalRows}`,
    ),
  ],
);

/** One data row of an imported file, by its line number in the file (the header is line 1). */
export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id),
    line: integer().notNull(),
    /** The row as read: column name → cell text. */
    raw: jsonb().$type<Record<string, string>>().notNull(),
    /** pending | ok | error */
    status: text().notNull().default("pending"),
    errorCode: text(),
    errorMessage: text(),
    /** What the row produced, e.g. `{ transaction_id, repeated, awards: [...] }`. */
    result: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.line] }),
    index("import_rows_pending_idx").on(t.importId, t.line).where(sql`${t.status} = 'pending'`),
    index("import_rows_error_idx").on(t.importId, t.line).where(sql`${t.status} = 'error'`),
    check("import_rows_status_valid", sql`${t.status} in ('pending', 'ok', 'error')`),
  ],
);

export type Import = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
export type ImportRow = typeof importRows.$inferSelect;
export type NewImportRow = typeof importRows.$inferInsert;
