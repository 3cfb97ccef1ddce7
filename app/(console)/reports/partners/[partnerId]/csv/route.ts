import { getDb } from "@/db";
import { BLOCK_CSV_HEADER, blockCsvRows, CREDIT_CSV_HEADER, creditCsvRows } from "@/components/reports/partners/present";
import { badRequest } from "@/lib/reports/offers/params";
import { costCells } from "@/components/reports/offers/present";
import { loadPartnerDetail } from "@/lib/reports/partners/load";
import { partnerStatementPage } from "@/lib/reports/partners/queries";
import { csvDownload } from "@/lib/reports/csv";
import { routeUser } from "../../../../transactions/imports/access";

export const dynamic = "force-dynamic";


/**
 * One partner's report as CSV (`?from&to&grain&table=credits|blocks|statements`): credits per period by
 * state, each block's usage per period, or the post-paid statements. An unknown partner or a bad period is a 400 with a code.
 */
export async function GET(request: Request, { params }: { params: Promise<{ partnerId: string }> }) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const table = query.table ?? "credits";
  if (table !== "credits" && table !== "blocks" && table !== "statements") return badRequest({ code: "invalid_table", field: "table", message: "Choose credits, blocks or statements." });
  const load = await loadPartnerDetail(getDb(), (await params).partnerId, query, new Date());
  if (!load.ok) return badRequest(load.error);
  const name = `partner-${load.partner.code}-${table}-${load.range.from}-${load.range.to}.csv`;
  if (table === "statements") {
    const { rows } = await partnerStatementPage(getDb(), load.partner.id, { page: 1, pageSize: 100_000 });
    return csvDownload(
      `partner-${load.partner.code}-statements.csv`,
      ["number", "period_from", "period_to", "transactions", "points_billed", "amount_due", "currency", "closed_at"],
      rows.map((r) => [r.number, r.periodFrom?.toISOString() ?? "", r.periodTo.toISOString(), r.transactionCount, r.points, ...costCells({ kind: "money", minor: BigInt(r.amountDue), currency: r.currency }), r.closedAt.toISOString()]),
    );
  }
  if (table === "blocks") return csvDownload(name, BLOCK_CSV_HEADER, blockCsvRows(load.blocks, load.range));
  return csvDownload(name, CREDIT_CSV_HEADER, creditCsvRows(load.days, load.range));
}
