import { getDb } from "@/db";
import { offerMetrics } from "@/components/reports/offers/present";
import { bucketTotals } from "@/lib/reports/offers/compute";
import { loadComparison } from "@/lib/reports/offers/list";
import { badRequest } from "@/lib/reports/offers/params";
import { csvDownload } from "@/lib/reports/csv";
import { routeUser } from "../../../../transactions/imports/access";

export const dynamic = "force-dynamic";

/**
 * Two offers side by side as CSV (`?a&b&from&to&grain`): one line per figure (`table=figures`, the
 * default) or awards per period of each (`table=awards`). Both offers are required.
 */
export async function GET(request: Request) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const table = query.table ?? "figures";
  if (table !== "figures" && table !== "awards") return badRequest({ code: "invalid_table", field: "table", message: "Choose figures or awards." });
  const load = await loadComparison(getDb(), query, new Date());
  if (!load.ok) return badRequest(load.error);
  const { a, b, range } = load;
  if (!a || !b) return badRequest({ code: "invalid_id", field: a ? "b" : "a", message: "Choose two offers." });
  const name = `compare-offers-${table}-${range.from}-${range.to}.csv`;
  if (table === "awards") {
    const bs = bucketTotals(b.days, range);
    return csvDownload(name, ["period_start", `awards_${a.subject.name}`, `awards_${b.subject.name}`], bucketTotals(a.days, range).map((x, i) => [x.start, x.totals.awards, bs[i]!.totals.awards]));
  }
  const mb = offerMetrics(b);
  return csvDownload(name, ["figure", a.subject.name, b.subject.name], offerMetrics(a).map((m, i) => [m.key, m.csv, mb[i]!.csv]));
}
