import { getDb } from "@/db";
import { BLOCK_CSV_HEADER, blockCsvRows, CREDIT_CSV_HEADER, creditCsvRows } from "@/components/reports/partners/present";
import { badRequest } from "@/lib/reports/offers/params";
import { loadPartnerDetail } from "@/lib/reports/partners/load";
import { csvDownload } from "@/lib/reports/csv";
import { routeUser } from "../../../../transactions/imports/access";

export const dynamic = "force-dynamic";

/**
 * One partner's report as CSV (`?from&to&grain&table=credits|blocks`): credits per period by state, or
 * each block's usage per period. An unknown partner or a bad period is a 400 with a code.
 */
export async function GET(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const table = query.table ?? "credits";
  if (table !== "credits" && table !== "blocks") return badRequest({ code: "invalid_table", field: "table", message: "Choose credits or blocks." });
  const load = await loadPartnerDetail(getDb(), (await params).partnerId, query, new Date());
  if (!load.ok) return badRequest(load.error);
  const name = `partner-${load.partner.code}-${table}-${load.range.from}-${load.range.to}.csv`;
  if (table === "blocks") return csvDownload(name, BLOCK_CSV_HEADER, blockCsvRows(load.blocks, load.range));
  return csvDownload(name, CREDIT_CSV_HEADER, creditCsvRows(load.days, load.range));
}
