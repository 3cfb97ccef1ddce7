/**
 * Voucher code files, read in the browser and checked again by the server action. The rule is the
 * one lib/vouchers applies (3–64 letters, digits or dashes, upper-cased); it is repeated here so that
 * a bad line is reported with its line number in the file before anything is sent.
 */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,63}$/;
export const CODE_RULE = "3–64 letters, digits or dashes, starting with a letter or digit";
/** The most codes one file may hold (the pool's own limit for one upload or generation). */
export const MAX_CODES_PER_FILE = 100_000;
/** Codes sent per server action call, so that each request stays well under the 1 MB body limit. */
export const CODES_PER_REQUEST = 10_000;
/** The largest file read at all: 100,000 lines of the longest code with a few more columns. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const HEADER = /^(voucher[ _-]?)?codes?$/i;

export type ParsedCodes = {
  /** One entry per line of the file: the code (upper-cased), or "" for a blank line or the header. */
  lines: string[];
  /** How many codes (non-blank lines, header excluded). */
  count: number;
  /** How many distinct codes. */
  distinct: number;
  blank: number;
  header: boolean;
  /** The first invalid code, by its line number in the file. */
  problem: { line: number; code: string } | null;
  sample: string[];
};

/** The first cell of a CSV line: up to the first comma, semicolon or tab, without quotes. */
export function firstCell(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return (end > 0 ? trimmed.slice(1, end) : trimmed.slice(1)).trim();
  }
  return trimmed.split(/[,;\t]/, 1)[0]!.trim();
}

/**
 * Codes from a CSV or text file: one per line, or the first column. A first line such as "code" or
 * "voucher_code" is taken as a header and skipped; blank lines are skipped.
 */
export function parseCodeFile(text: string): ParsedCodes {
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  if (raw.length > 0 && raw.at(-1)!.trim() === "") raw.pop(); // the file's final newline
  const lines = raw.map((line) => firstCell(line).toUpperCase());
  const header = lines.length > 0 && HEADER.test(lines[0]!);
  if (header) lines[0] = "";
  let count = 0;
  let problem: ParsedCodes["problem"] = null;
  const seen = new Set<string>();
  for (const [i, code] of lines.entries()) {
    if (!code) continue;
    count++;
    seen.add(code);
    if (!problem && !CODE_PATTERN.test(code)) problem = { line: i + 1, code };
  }
  return { lines, count, distinct: seen.size, blank: lines.length - count - (header ? 1 : 0), header, problem, sample: [...seen].slice(0, 5) };
}

/** "Line 12: “AB” is not a valid code (3–64 letters, …)." */
export function badCodeMessage(line: number, code: string): string {
  const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
  return `Line ${line.toLocaleString("en-GB")}: “${shown}” is not a valid code (${CODE_RULE}).`;
}

/** The lines of a file in chunks of about `size` codes each, with the file line number each chunk starts at. */
export function chunkLines(lines: readonly string[], size = CODES_PER_REQUEST): { firstLine: number; lines: string[]; count: number }[] {
  const chunks: { firstLine: number; lines: string[]; count: number }[] = [];
  let current: { firstLine: number; lines: string[]; count: number } | null = null;
  for (const [i, code] of lines.entries()) {
    if (!current || (code && current.count >= size)) {
      if (current && current.count > 0) chunks.push(current);
      current = { firstLine: i + 1, lines: [], count: 0 };
    }
    current.lines.push(code);
    if (code) current.count++;
  }
  if (current && current.count > 0) chunks.push(current);
  return chunks;
}

/** A prefix for generated codes from the pool's name: its first word in capitals ("Movie tickets" → "MOVIE"), else "CV". */
export function prefixFor(name: string): string {
  const word = name.toUpperCase().split(/[^A-Z0-9]+/).find((w) => w.length >= 2);
  return word ? word.slice(0, 8) : "CV";
}
