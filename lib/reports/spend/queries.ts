import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { ReportRange } from "../range";

/** Spend of one group (a category, an MCC or "Other") over the period: net amount and counts. */
export type SpendGroup = { key: string; other: boolean; amount: number; purchases: number; refunds: number };
export type SpendBucket = { start: string; amount: number; purchases: number; refunds: number };
export type SpendTotals = { amount: number; purchases: number; refunds: number };

/** How many groups a breakdown shows before it adds the rest up as "Other". */
export const TOP_GROUPS = 8;

/** The currencies with spend in the rollup, most spend first (the report shows one at a time). */
export async function spendCurrencies(db: DbOrTx): Promise<string[]> {
  const rows = await db.execute<{ currency: string }>(sql`
    select currency from spend_days group by currency order by sum(purchases) desc, currency`);
  return rows.map((r) => r.currency);
}

type Period = { from: string; to: string; currency: string };

/**
 * Spend by category or by MCC over the period, the top groups by net amount and the rest added up in
 * one "Other" group (last). Reads spend_days only.
 */
export async function spendBreakdown(db: DbOrTx, by: "category" | "mcc", period: Period, top = TOP_GROUPS): Promise<SpendGroup[]> {
  const column = by === "category" ? sql.raw("category") : sql.raw("mcc");
  const rows = await db.execute<{ key: string; amount: string; purchases: string; refunds: string }>(sql`
    select ${column} as key, sum(amount)::text as amount, sum(purchases)::text as purchases, sum(refunds)::text as refunds
    from spend_days
    where day between ${period.from}::date and ${period.to}::date and currency = ${period.currency}
    group by ${column}
    order by sum(amount) desc, ${column}`);
  const groups = rows.map((r) => ({ key: r.key, other: false, amount: Number(r.amount), purchases: Number(r.purchases), refunds: Number(r.refunds) }));
  if (groups.length <= top + 1) return groups;
  const rest = groups.slice(top);
  const other = rest.reduce((o, g) => ({ ...o, amount: o.amount + g.amount, purchases: o.purchases + g.purchases, refunds: o.refunds + g.refunds }), { key: "", other: true, amount: 0, purchases: 0, refunds: 0 });
  return [...groups.slice(0, top), other];
}

/** Net spend per bucket of the range (every bucket, empty ones as zero), by day, ISO week or month. */
export async function spendTrend(db: DbOrTx, range: ReportRange, currency: string, starts: readonly string[]): Promise<SpendBucket[]> {
  const grain = sql.raw(`'${range.grain}'`);
  const rows = await db.execute<{ start: string; amount: string; purchases: string; refunds: string }>(sql`
    select to_char(date_trunc(${grain}, day::timestamp), 'YYYY-MM-DD') as start,
      sum(amount)::text as amount, sum(purchases)::text as purchases, sum(refunds)::text as refunds
    from spend_days
    where day between ${range.from}::date and ${range.to}::date and currency = ${currency}
    group by 1`);
  const byStart = new Map(rows.map((r) => [r.start, r]));
  return starts.map((start) => {
    const r = byStart.get(start);
    return { start, amount: Number(r?.amount ?? 0), purchases: Number(r?.purchases ?? 0), refunds: Number(r?.refunds ?? 0) };
  });
}

export function totalsOf(buckets: readonly SpendBucket[]): SpendTotals {
  return buckets.reduce((t, b) => ({ amount: t.amount + b.amount, purchases: t.purchases + b.purchases, refunds: t.refunds + b.refunds }), { amount: 0, purchases: 0, refunds: 0 });
}
