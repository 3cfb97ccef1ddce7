/**
 * The dashboard queries of the offer performance and partner reports, for bench/reports.ts: each `run`
 * is what one page (or CSV) reads, with parameters picked from the data set: the offer and the partner
 * with the most awards, the last 30 days by day and the last year by week.
 */
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { reportAwardDays } from "@/db/schema";
import { loadComparison, loadOfferDetail, loadOfferList } from "@/lib/reports/offers/list";
import { loadPartnerDetail } from "@/lib/reports/partners/load";
import { partnerCreditRows, partnerStatementPage } from "@/lib/reports/partners/queries";
import { rollupStatus } from "@/lib/reports/refresh";
import { addDays, localDate } from "@/lib/engine/calendar";
import { formatDay } from "@/lib/reports/range";

export async function reportQueries(db: Db): Promise<{ name: string; run: () => Promise<unknown> }[]> {
  const busiest = await db
    .select({ key: reportAwardDays.offerKey, awards: sql<string>`sum(${reportAwardDays.awards})::text` })
    .from(reportAwardDays)
    .groupBy(reportAwardDays.offerKey)
    .orderBy(desc(sql`sum(${reportAwardDays.awards})`))
    .limit(2);
  const [partner] = await db
    .select({ unit: reportAwardDays.unit })
    .from(reportAwardDays)
    .where(eq(reportAwardDays.outcomeType, "partner_points"))
    .groupBy(reportAwardDays.unit)
    .orderBy(desc(sql`sum(${reportAwardDays.awards})`))
    .limit(1);
  const now = new Date();
  const today = localDate(now, "UTC");
  const month = { from: formatDay(addDays(today, -29)), to: formatDay(today) };
  const year = { from: formatDay(addDays(today, -364)), to: formatDay(today), grain: "week" };
  const a = busiest[0]?.key;
  const b = busiest[1]?.key ?? a;
  const queries: { name: string; run: () => Promise<unknown> }[] = [
    { name: "reports.as_of", run: () => rollupStatus(db) },
    { name: "offers.list (30 days)", run: () => loadOfferList(db, month, now) },
    { name: "offers.list (1 year, by members)", run: () => loadOfferList(db, { ...year, sort: "members" }, now) },
    { name: "partners.credits (1 year)", run: () => partnerCreditRows(db, year) },
  ];
  if (a) {
    queries.push({ name: "offers.detail (30 days by day)", run: () => loadOfferDetail(db, a, month, now) });
    queries.push({ name: "offers.detail (1 year by week)", run: () => loadOfferDetail(db, a, year, now) });
    queries.push({ name: "offers.compare (1 year by week)", run: () => loadComparison(db, { ...year, a, b }, now) });
  }
  if (partner) {
    queries.push({ name: "partners.detail (1 year by week)", run: () => loadPartnerDetail(db, partner.unit, year, now) });
    queries.push({ name: "partners.statements", run: () => partnerStatementPage(db, partner.unit, { page: 1, pageSize: 25 }) });
  }
  return queries;
}
