import Papa from "papaparse";
import { DomainError } from "@/lib/errors";

/** One record of a CSV file and the line of the file it starts on (1-based; a quoted cell may span lines). */
export type CsvRecord = { line: number; cells: string[] };
export type ParsedCsv = { header: string[]; headerLine: number; records: CsvRecord[] };

/** A file as a browser reads it may start with a byte-order mark; it is not part of the first column's name. */
export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * Reads a CSV file with papaparse (quoted cells, doubled quotes, line breaks inside quotes, CRLF or
 * LF, comma, semicolon or tab separated). Blank lines are skipped; every record keeps the line of
 * the file it starts on, so errors can be reported by line. A broken quote refuses the whole file:
 * everything after it would be read wrongly.
 */
export function parseCsv(input: string): ParsedCsv {
  const content = stripBom(input);
  const newline = content.includes("\n") ? "\n" : "\r";
  const countLines = (from: number, to: number) => {
    let n = 0;
    for (let i = content.indexOf(newline, from); i !== -1 && i < to; i = content.indexOf(newline, i + 1)) n++;
    return n;
  };

  let header: string[] | null = null;
  let headerLine = 0;
  const records: CsvRecord[] = [];
  let cursor = 0;
  let line = 1;
  let broken: { line: number; message: string } | null = null;

  Papa.parse<string[]>(content, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = line;
      const end = result.meta.cursor;
      line += countLines(cursor, end);
      cursor = end;
      const quoteError = result.errors.find((e) => e.type === "Quotes");
      if (quoteError) {
        broken = { line: start, message: quoteError.code === "MissingQuotes" ? "a quoted cell is never closed" : "a quote is out of place" };
        parser.abort();
        return;
      }
      const cells = result.data;
      if (isBlank(cells)) return;
      if (!header) {
        header = cells;
        headerLine = start;
      } else records.push({ line: start, cells });
    },
  });

  const failure = broken as { line: number; message: string } | null;
  if (failure) {
    throw new DomainError("validation_failed", `The file cannot be read: on line ${failure.line}, ${failure.message}. Check the quotes on that line and upload it again.`, {
      field: "file",
      line: failure.line,
    });
  }
  if (!header) throw new DomainError("validation_failed", "The file is empty: the first line must name the columns.", { field: "file" });
  return { header, headerLine, records };
}

/** A cell of a generated CSV that a spreadsheet would otherwise run as a formula. */
function defuse(value: string): string {
  return /^[=+@\t\r]/.test(value) || (/^-/.test(value) && !/^-\d+(\.\d+)?$/.test(value)) ? `'${value}` : value;
}

type Cell = string | number | null | undefined;

/** Lines of CSV text, each ending in CRLF (quoted as needed, formula-looking cells defused). */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return "";
  return Papa.unparse(rows.map((r) => r.map((v) => (typeof v === "string" ? defuse(v) : (v ?? "")))), { newline: "\r\n" }) + "\r\n";
}

/** A whole CSV file: the header, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLines([header, ...rows]);
}

/**
 * A CSV download written as it is read: the header, then each batch of `batches` as it comes (UTF-8
 * with a byte-order mark, so spreadsheets read it right). A download the browser abandons closes the
 * batches, so the query behind them stops.
 */
export function csvStreamDownload<T>(fileName: string, header: readonly string[], batches: AsyncGenerator<T[]>, toRow: (item: T) => readonly Cell[]): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\ufeff${csvLines([header])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(csvLines(next.value.map(toRow))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}"`, "cache-control": "no-store" },
  });
}
