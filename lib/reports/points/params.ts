import { parseReportRange, type ReportRange } from "@/lib/reports/range";
import type { DashboardProgram } from "./queries";

/** The dashboard's tables, each a chart on the page and a CSV download. */
export const DASHBOARD_TABLES = ["movements", "outstanding", "members", "tiers"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export type DashboardParams =
  | { ok: true; scope: string; range: ReportRange; timeZone: string }
  | { ok: false; field: "program" | "from" | "to" | "grain"; message: string; scope: string; timeZone: string };

type Program = Pick<DashboardProgram, "id" | "isDefault" | "timeZone">;

/** The time zone a scope's days are read in: the programme's, or the default programme's for the group. */
export function scopeTimeZone(programs: readonly Program[], scope: string): string {
  const program = scope === "group" ? (programs.find((p) => p.isDefault) ?? programs[0]) : programs.find((p) => p.id === scope);
  return program?.timeZone ?? "UTC";
}

/**
 * The dashboard's URL parameters: `program` (a programme's id, or `group`, the default), `from`, `to`
 * (default: the 30 days ending today in the scope's time zone) and `grain`. A bad one is a message for
 * its field; nothing is guessed.
 */
export function parseDashboardParams(params: { program?: string | null; from?: string | null; to?: string | null; grain?: string | null }, programs: readonly Program[], now: Date): DashboardParams {
  const wanted = params.program?.trim() || "group";
  const scope = wanted === "group" || programs.some((p) => p.id === wanted) ? wanted : null;
  if (!scope) return { ok: false, field: "program", message: "No such programme: choose the group or one of the programmes.", scope: "group", timeZone: scopeTimeZone(programs, "group") };
  const timeZone = scopeTimeZone(programs, scope);
  const range = parseReportRange(params, { now, timeZone });
  return range.ok ? { ok: true, scope, range: range.range, timeZone } : { ok: false, field: range.field, message: range.message, scope, timeZone };
}
