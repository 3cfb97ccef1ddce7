import { getDb } from "@/db";
import { BUCKET_CSV_HEADER, bucketCsvRows, OUTCOME_CSV_HEADER, outcomeCsvRows, STATE_CSV_HEADER, stateCsvRows } from "@/components/reports/offers/present";
import { loadOfferDetail } from "@/lib/reports/offers/list";
import { badRequest } from "@/lib/reports/offers/params";
import { csvDownload } from "@/lib/reports/csv";
import { routeUser } from "../../../../transactions/imports/access";

export const dynamic = "force-dynamic";

const TABLES = ["awards", "states", "outcomes"] as const;

/**
 * One offer's report as CSV (`?from&to&grain&table=awards|states|outcomes`): awards and members first
 * reached per period, awards by state per period, or value and cost per outcome. An unknown offer or a
 * bad period is a 400 with a code.
 */
export async function GET(request: Request, { params }: { params: Promise<{ offerId: string }> }) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const table = query.table ?? "awards";
  if (!(TABLES as readonly string[]).includes(table)) return badRequest({ code: "invalid_table", field: "table", message: "Choose awards, states or outcomes." });
  const load = await loadOfferDetail(getDb(), (await params).offerId, query, new Date());
  if (!load.ok) return badRequest(load.error);
  const name = `offer-${load.subject.name}-${table}-${load.range.from}-${load.range.to}.csv`;
  if (table === "outcomes") return csvDownload(name, OUTCOME_CSV_HEADER, outcomeCsvRows(load.report.outcomes));
  if (table === "states") return csvDownload(name, STATE_CSV_HEADER, stateCsvRows(load.report.days, load.range));
  return csvDownload(name, BUCKET_CSV_HEADER, bucketCsvRows(load.report, load.range));
}
