import { toCsv } from "@/lib/imports/csv";
import { MOVEMENT_LABELS, type MemberStatement } from "./statement";
import { formatCivil } from "./statement-period";

export const STATEMENT_CSV_HEADER = ["program_code", "date", "movement", "description", "points_in", "points_out", "balance", "entry_id"] as const;

/**
 * A statement as CSV: per programme an opening-balance row (dated the period's first instant), every
 * movement, and a closing-balance row with the totals in and out (dated the first instant after the
 * period). Dates are ISO-8601 in UTC; points are plain integers, exact however large.
 */
export function statementCsv(statement: MemberStatement): string {
  const rows = statement.programs.flatMap((p) => [
    [p.programCode, p.startsAt.toISOString(), "Opening balance", `Balance on ${formatCivil(statement.period.from)}`, "", "", p.opening.toString(), ""],
    ...p.lines.map((l) => [p.programCode, l.at.toISOString(), MOVEMENT_LABELS[l.movement], l.description, l.pointsIn.toString(), l.pointsOut.toString(), l.balance.toString(), l.entryId]),
    [p.programCode, p.endsAt.toISOString(), "Closing balance", `Balance at the end of ${formatCivil(statement.period.to)}`, p.totalIn.toString(), p.totalOut.toString(), p.closing.toString(), ""],
  ]);
  return toCsv(STATEMENT_CSV_HEADER, rows);
}

/** The download's file name: the member's external id and the period, safe for any file system. */
export function statementFileName(statement: MemberStatement, extension: "csv" | "pdf"): string {
  const base = `statement-${statement.member.externalId}-${formatCivil(statement.period.from)}-to-${formatCivil(statement.period.to)}`;
  return `${base.replace(/[^\w.-]+/g, "_").slice(0, 150)}.${extension}`;
}
