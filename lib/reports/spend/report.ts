import "server-only";
import type { DbOrTx } from "@/db";
import { getDefaultProgram } from "@/lib/programs";
import { bucketStarts, parseReportRange, type RangeResult, type ReportRange } from "../range";
import { spendBreakdown, spendCurrencies, spendTrend, totalsOf, type SpendBucket, type SpendGroup, type SpendTotals } from "./queries";

export type SpendReportParams = { from?: string | null; to?: string | null; grain?: string | null; currency?: string | null };

export type SpendReportSetup = {
  range: ReportRange;
  error?: Extract<RangeResult, { ok: false }>;
  currency: string;
  currencies: string[];
  timeZone: string;
};

/**
 * Reads the report's period and currency from the URL: a bad period is a message (and the default
 * period is shown); a currency without spend falls back to the one with the most.
 */
export async function spendReportSetup(db: DbOrTx, params: SpendReportParams, now: Date): Promise<SpendReportSetup> {
  const [currencies, program] = await Promise.all([spendCurrencies(db), getDefaultProgram(db).catch(() => null)]);
  const timeZone = program?.timeZone ?? "UTC";
  const parsed = parseReportRange(params, { now, timeZone });
  const range = parsed.ok ? parsed.range : (parseReportRange({}, { now, timeZone }) as Extract<RangeResult, { ok: true }>).range;
  const wanted = params.currency?.trim().toUpperCase();
  const fallback = currencies[0] ?? program?.currency ?? "INR";
  const currency = wanted && currencies.includes(wanted) ? wanted : fallback;
  return { range, error: parsed.ok ? undefined : parsed, currency, currencies: currencies.length > 0 ? currencies : [fallback], timeZone };
}

export type SpendReport = { trend: SpendBucket[]; totals: SpendTotals; byCategory: SpendGroup[]; byMcc: SpendGroup[] };

/** The whole report: trend per bucket, totals, and the top categories and MCCs (+ "Other"). Three reads of spend_days. */
export async function spendReport(db: DbOrTx, range: ReportRange, currency: string): Promise<SpendReport> {
  const period = { from: range.from, to: range.to, currency };
  const [trend, byCategory, byMcc] = await Promise.all([spendTrend(db, range, currency, bucketStarts(range)), spendBreakdown(db, "category", period), spendBreakdown(db, "mcc", period)]);
  return { trend, totals: totalsOf(trend), byCategory, byMcc };
}
