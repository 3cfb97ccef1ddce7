import { addDays, addMonths, compareCivil, daysInMonth, type CivilDate } from "@/lib/engine/calendar";
import { DomainError } from "@/lib/errors";

/**
 * The days a member statement covers: `from` and `to` are calendar dates, both included, read in
 * each programme's time zone. Pure (no clock): today is an argument.
 */
export type StatementPeriod = { from: CivilDate; to: CivilDate };

/** The longest period one statement may cover. */
export const MAX_STATEMENT_YEARS = 5;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const formatCivil = (d: CivilDate) => `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** "2026-01-31" → a calendar date, or null for anything that is not a real date. */
export function parseCivil(value: string): CivilDate | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The default period: the last three months, up to and including today. */
export function defaultStatementPeriod(today: CivilDate): StatementPeriod {
  return { from: addDays(addMonths(today, -3), 1), to: today };
}

const invalid = (field: "from" | "to", message: string) => new DomainError("validation_failed", message, { field });

/**
 * Reads a period from a form or a query string. Missing dates take the default (the last three
 * months); a date that is not a date, a start after the end, a start in the future, or more than
 * five years is refused with a message that says what to change.
 */
export function parseStatementPeriod(input: { from?: string | null; to?: string | null }, today: CivilDate): StatementPeriod {
  const fallback = defaultStatementPeriod(today);
  const from = input.from ? parseCivil(input.from) : fallback.from;
  if (!from) throw invalid("from", "The start date is not a date: use the form YYYY-MM-DD, for example 2026-01-31.");
  const to = input.to ? parseCivil(input.to) : input.from ? today : fallback.to;
  if (!to) throw invalid("to", "The end date is not a date: use the form YYYY-MM-DD, for example 2026-03-31.");
  if (compareCivil(from, today) > 0) throw invalid("from", `The start date ${formatCivil(from)} is in the future; choose ${formatCivil(today)} or earlier.`);
  if (compareCivil(from, to) > 0) throw invalid("to", `The end date ${formatCivil(to)} is before the start date ${formatCivil(from)}.`);
  const last = addDays(addMonths(from, MAX_STATEMENT_YEARS * 12), -1);
  if (compareCivil(to, last) > 0) {
    throw invalid("to", `A statement covers at most ${MAX_STATEMENT_YEARS} years: from ${formatCivil(from)} choose an end date up to ${formatCivil(last)}, or download several statements.`);
  }
  return { from, to };
}
