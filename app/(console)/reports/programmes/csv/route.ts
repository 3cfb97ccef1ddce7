import { getDb } from "@/db";
import { csvDownload } from "@/lib/reports/csv";
import { DASHBOARD_TABLES, parseDashboardParams, type DashboardTable } from "@/lib/reports/points/params";
import { dashboardPrograms, pointsDashboard } from "@/lib/reports/points/queries";
import { dashboardCsv } from "@/lib/reports/points/tables";
import { routeUser } from "../../../transactions/imports/access";

export const dynamic = "force-dynamic";

const refuse = (field: string, message: string) => Response.json({ error: { code: "validation_failed", message, details: { field } } }, { status: 400, headers: { "cache-control": "no-store" } });

/**
 * One table of the programme dashboard as CSV: `?table=movements|outstanding|members|tiers` with the
 * page's `program`, `from`, `to` and `grain`. Checks the session and `reports:read` itself; bad
 * parameters are a 400 with a code naming the field.
 */
export async function GET(request: Request) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const query = new URL(request.url).searchParams;
  const table = query.get("table") ?? "movements";
  if (!(DASHBOARD_TABLES as readonly string[]).includes(table)) return refuse("table", "Choose movements, outstanding, members or tiers.");
  const db = getDb();
  const programs = await dashboardPrograms(db);
  if (programs.length === 0) return refuse("program", "There is no programme yet.");
  const parsed = parseDashboardParams({ program: query.get("program"), from: query.get("from"), to: query.get("to"), grain: query.get("grain") }, programs, new Date());
  if (!parsed.ok) return refuse(parsed.field, parsed.message);
  const dashboard = await pointsDashboard(db, { scope: parsed.scope, range: parsed.range, programs });
  const { header, rows } = dashboardCsv(dashboard, table as DashboardTable);
  const scopeName = parsed.scope === "group" ? "group" : (programs.find((p) => p.id === parsed.scope)?.code ?? "programme");
  return csvDownload(`points-${table}-${scopeName}-${parsed.range.from}-${parsed.range.to}-${parsed.range.grain}.csv`, header, rows);
}
