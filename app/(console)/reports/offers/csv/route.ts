import { getDb } from "@/db";
import { OFFER_CSV_HEADER, offerCsvRows, offerSortKey } from "@/components/reports/offers/present";
import { sortAndPage } from "@/lib/reports/offers/compute";
import { loadOfferList } from "@/lib/reports/offers/list";
import { badRequest } from "@/lib/reports/offers/params";
import { csvDownload } from "@/lib/reports/csv";
import { routeUser } from "../../../transactions/imports/access";

export const dynamic = "force-dynamic";

/** The offer performance list as CSV (`?from&to&program&status&sort&dir`): every matching offer, one line per outcome. */
export async function GET(request: Request) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const load = await loadOfferList(getDb(), raw, new Date());
  if (!load.ok) return badRequest(load.error);
  const { rows } = sortAndPage(load.rows, (r) => offerSortKey(r, load.params.sort), load.params.direction, 1, Number.MAX_SAFE_INTEGER);
  return csvDownload(`offer-performance-${load.range.from}-${load.range.to}.csv`, OFFER_CSV_HEADER, offerCsvRows(rows));
}
