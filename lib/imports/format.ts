/**
 * The file formats and limits of console imports: plain data, shared by the server (checks) and the
 * console (help text and the checks a browser can make before uploading).
 */
export const IMPORT_KIND_NAMES = ["transactions", "promotional_points"] as const;
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

export const IMPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const ROW_STATUSES = ["pending", "ok", "error"] as const;
export type ImportRowStatus = (typeof ROW_STATUSES)[number];

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** Rows the job processes between two saves of progress. */
export const IMPORT_CHUNK_ROWS = 500;

export type ImportKindInfo = {
  label: string;
  /** Columns the header must have. */
  required: readonly string[];
  /** Columns the header may have. */
  optional: readonly string[];
  /** Columns read as whole numbers. */
  integerColumns: readonly string[];
  /** The column that names a row for people (shown in the error report). */
  referenceColumn: string;
  /** Columns the API knows that a CSV cannot carry, and why. */
  unsupported: Record<string, string>;
  /** A small example file. */
  example: readonly (readonly string[])[];
};

export const IMPORT_KIND_INFO: Record<ImportKindName, ImportKindInfo> = {
  transactions: {
    label: "Transactions",
    required: ["external_id", "member_id", "type", "amount", "currency", "occurred_at"],
    optional: ["gross_amount", "channel", "merchant_id", "merchant_name", "mcc", "category", "country"],
    integerColumns: ["amount", "gross_amount"],
    referenceColumn: "external_id",
    unsupported: {
      line_items: "Line items cannot be imported from CSV; send such transactions through the API (POST /api/v1/transactions).",
      awarded_at: "The awarded date can be set only for promotional points; transaction points are awarded when the transaction is received. Import promotional points from Programmes → Promotional points.",
    },
    example: [
      ["external_id", "member_id", "type", "amount", "currency", "occurred_at", "channel", "merchant_id", "merchant_name", "mcc", "category", "country"],
      ["POS-2026-000123", "ext:CUST-10042", "purchase", "125000", "INR", "2026-03-01T09:30:00+05:30", "pos", "M-778", "Cafe Coffee Day", "5814", "dining", "IN"],
      ["POS-2026-000124", "ext:CUST-10043", "purchase", "89900", "INR", "2026-03-01T10:05:00+05:30", "online", "", "Croma", "5732", "electronics", "IN"],
    ],
  },
  promotional_points: {
    label: "Promotional points",
    required: ["member", "program", "points", "reason"],
    optional: ["expiry_strategy", "awarded_at", "external_reference"],
    integerColumns: ["points"],
    referenceColumn: "external_reference",
    unsupported: {
      amount: "Promotional points are not tied to a transaction: give the points in the points column. Transactions are imported from Offers → Transaction imports.",
      occurred_at: "Promotional points have no transaction date; set awarded_at to back-date them (their expiry derives from it).",
    },
    example: [
      ["member", "program", "points", "reason", "expiry_strategy", "awarded_at", "external_reference"],
      ["ext:CUST-10042", "SKY", "500", "Diwali double-points campaign", "", "", "DIWALI-2026-10042"],
      ["ext:CUST-10043", "SKY", "1200", "Lifetime balance correction", "12 months", "2026-01-15T00:00:00+05:30", "BAL-FIX-10043"],
    ],
  },
};

/** Where the console shows the imports of each kind (list, one import, its progress and errors). */
export const IMPORT_KIND_PATHS: Record<ImportKindName, string> = {
  transactions: "/transactions/imports",
  promotional_points: "/programs/promotions/imports",
};

export function isImportKind(value: string): value is ImportKindName {
  return (IMPORT_KIND_NAMES as readonly string[]).includes(value);
}

const bytesFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
/** "812 bytes", "14.2 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${bytesFormat.format(bytes / 1024)} KB`;
  return `${bytesFormat.format(bytes / (1024 * 1024))} MB`;
}

/** Whole percent processed, never 100 before the last row. */
export function percentDone(processed: number, total: number): number {
  if (total <= 0) return 100;
  const pct = Math.floor((processed / total) * 100);
  return processed < total ? Math.min(pct, 99) : 100;
}
