/**
 * The dashboard queries of the spend report (/reports/spend) and the segment builder's live count
 * (/segments/new), with parameters picked from the data set: the latest 30 days by day, the latest
 * year by month, and segment definitions on attributes, programme and tier, and spend in a window.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { bucketStarts, type ReportRange } from "@/lib/reports/range";
import { spendBreakdown, spendCurrencies, spendTrend } from "@/lib/reports/spend/queries";
import { countSegment } from "@/lib/segments/query";
import type { SegmentDefinition } from "@/lib/segments/definition";

const pad = (n: number) => String(n).padStart(2, "0");
const dayText = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export async function reportQueries(db: Db): Promise<{ name: string; run: () => Promise<unknown> }[]> {
  const [currency = "INR"] = await spendCurrencies(db);
  const [last] = await db.execute<{ day: string }>(sql`select coalesce(max(day), current_date)::text as day from spend_days`);
  const to = new Date(`${last!.day}T00:00:00Z`);
  const month = new Date(to.getTime() - 29 * 86_400_000);
  const year = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth() + 1, 1));
  const days: ReportRange = { from: dayText(month), to: dayText(to), grain: "day" };
  const months: ReportRange = { from: dayText(year), to: dayText(to), grain: "month" };
  const [tier] = await db.execute<{ program_id: string; tier_id: string }>(sql`
    select t.program_id, t.id as tier_id from tiers t join programs p on p.id = t.program_id where p.is_default order by t.rank desc limit 1`);
  const [attribute] = await db.execute<{ key: string; value: string }>(sql`
    select k.key, m.attributes ->> k.key as value from (select attributes from members limit 1000) m, jsonb_object_keys(m.attributes) k(key)
    where jsonb_typeof(m.attributes -> k.key) = 'string' limit 1`);
  const now = new Date(to.getTime() + 86_400_000);
  const spend = { op: "gte" as const, amount: 5_000_000, currency, window: { kind: "last_months" as const, months: 12 } };
  const segmentsToCount: [string, SegmentDefinition][] = [
    ["segment count: attribute", attribute ? { attributes: [{ key: attribute.key, op: "eq", value: attribute.value }] } : {}],
    ["segment count: programme + tier", tier ? { programId: tier.program_id, tierIds: [tier.tier_id] } : {}],
    ["segment count: spend ≥ 50,000 in 12 months", { spend }],
    ["segment count: programme + spend + attribute", { ...(tier ? { programId: tier.program_id } : {}), spend: { ...spend, amount: 1_000_000, window: { kind: "last_months", months: 3 } }, ...(attribute ? { attributes: [{ key: attribute.key, op: "neq", value: attribute.value }] } : {}) }],
  ];
  return [
    { name: "spend trend, 30 days by day", run: () => spendTrend(db, days, currency, bucketStarts(days)) },
    { name: "spend by category, 30 days", run: () => spendBreakdown(db, "category", { from: days.from, to: days.to, currency }) },
    { name: "spend by MCC, 30 days", run: () => spendBreakdown(db, "mcc", { from: days.from, to: days.to, currency }) },
    { name: "spend trend, 12 months by month", run: () => spendTrend(db, months, currency, bucketStarts(months)) },
    { name: "spend by MCC, 12 months", run: () => spendBreakdown(db, "mcc", { from: months.from, to: months.to, currency }) },
    ...segmentsToCount.map(([name, definition]) => ({ name, run: () => countSegment(db, definition, now) })),
  ];
}
