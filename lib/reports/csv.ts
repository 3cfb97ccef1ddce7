import { toCsv } from "@/lib/imports/csv";

type Cell = string | number | bigint | null | undefined;

/** A report's table as a CSV download (UTF-8 with a byte-order mark, so spreadsheets read it right). */
export function csvDownload(fileName: string, header: readonly string[], rows: readonly (readonly Cell[])[]): Response {
  const safe = fileName.replace(/[^\w.-]+/g, "_");
  return new Response(`\ufeff${toCsv(header, rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : typeof c === "bigint" ? c.toString() : c))))}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${safe}"`, "cache-control": "no-store" },
  });
}
