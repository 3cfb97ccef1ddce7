import { getDb } from "@/db";
import { csvDownload } from "@/lib/reports/csv";
import { bucketLabel } from "@/lib/reports/range";
import { categoryLabel, mccLabel } from "@/lib/reports/spend/mcc";
import { spendReport, spendReportSetup } from "@/lib/reports/spend/report";
import { routeUser } from "../../../transactions/imports/access";

export const dynamic = "force-dynamic";

const BY = ["trend", "category", "mcc"] as const;

/**
 * The spend report's tables as CSV (`?from&to&grain&currency&by=trend|category|mcc`), amounts in minor
 * units. Checks the session and `reports:read` itself; bad parameters are a 400 with a code.
 */
export async function GET(request: Request) {
  const user = await routeUser("reports:read");
  if (user instanceof Response) return user;
  const query = new URL(request.url).searchParams;
  const by = query.get("by") ?? "trend";
  const db = getDb();
  const setup = await spendReportSetup(db, { from: query.get("from"), to: query.get("to"), grain: query.get("grain"), currency: query.get("currency") }, new Date());
  if (setup.error || !(BY as readonly string[]).includes(by)) {
    const details = setup.error ? { field: setup.error.field } : { field: "by" };
    const message = setup.error?.message ?? "Choose by=trend, category or mcc.";
    return Response.json({ error: { code: "validation_failed", message, details } }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  const { range, currency } = setup;
  const report = await spendReport(db, range, currency);
  const base = `spend-${by}-${currency}-${range.from}-${range.to}`;
  if (by === "trend") {
    return csvDownload(`${base}-${range.grain}.csv`, [`${range.grain}_start`, "label", "currency", "net_amount_minor", "purchases", "refunds"], report.trend.map((b) => [b.start, bucketLabel(b.start, range.grain), currency, b.amount, b.purchases, b.refunds]));
  }
  const label = by === "category" ? categoryLabel : mccLabel;
  return csvDownload(
    `${base}.csv`,
    [by, "label", "currency", "net_amount_minor", "purchases", "refunds"],
    (by === "category" ? report.byCategory : report.byMcc).map((g) => [g.other ? "other" : g.key, g.other ? "Other" : label(g.key), currency, g.amount, g.purchases, g.refunds]),
  );
}
