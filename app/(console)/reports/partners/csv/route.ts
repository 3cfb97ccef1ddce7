import { getDb } from "@/db";
import { PARTNER_CSV_HEADER, partnerCsvRows } from "@/components/reports/partners/present";
import { badRequest, readRange } from "@/lib/reports/offers/params";
import { reportPrograms } from "@/lib/reports/offers/queries";
import { partnerCreditRows } from "@/lib/reports/partners/queries";
import { csvDownload } from "@/lib/reports/csv";
import { routeUser } from "../../../transactions/imports/access";

export const dynamic = "force-dynamic";

/** Partner points credited per partner over a period, by state, with the failure rate, as CSV (`?from&to`). */
export async function GET(request: Request) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const db = getDb();
  const { timeZone } = await reportPrograms(db);
  const range = readRange({ ...Object.fromEntries(new URL(request.url).searchParams), grain: "month" }, new Date(), timeZone);
  if (!range.ok) return badRequest(range.error);
  return csvDownload(`partner-credits-${range.range.from}-${range.range.to}.csv`, PARTNER_CSV_HEADER, partnerCsvRows(await partnerCreditRows(db, range.range)));
}
