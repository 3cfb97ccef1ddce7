import { formatPoints } from "@/components/programs/format";
import type { ChartRow } from "@/components/reports/report-chart";
import { blockUsageSeries, bucketTotals, type AwardDay } from "@/lib/reports/offers/compute";
import { FULFILMENT_STATES } from "@/lib/reports/offers/states";
import type { BlockUsage, PartnerCreditRow } from "@/lib/reports/partners/queries";
import { bucketLabel, bucketStarts, type ReportRange } from "@/lib/reports/range";

/** How the partner reports show their figures, and their CSV lines. */

const n = (v: number) => formatPoints(v);

/** Partner points credited per partner, stacked by state (counts of credits). */
export function partnerChartRows(rows: readonly PartnerCreditRow[]): ChartRow[] {
  return rows
    .filter((r) => r.totals.awards > 0)
    .map((r) => ({
      label: r.name,
      values: Object.fromEntries(FULFILMENT_STATES.map((s) => [s, r.totals[`${s}Value`]])),
      text: Object.fromEntries(FULFILMENT_STATES.map((s) => [s, n(r.totals[`${s}Value`])])),
    }));
}

export const PARTNER_CSV_HEADER = [
  "partner_id", "partner_code", "partner", "currency", "funding", "credits",
  ...FULFILMENT_STATES.flatMap((s) => [`${s}_count`, `${s}_points`]), "failure_rate",
];

export function partnerCsvRows(rows: readonly PartnerCreditRow[]): (string | number)[][] {
  return rows.map((r) => [r.id, r.code, r.name, r.currencyCode, r.fundingMode, r.totals.awards, ...FULFILMENT_STATES.flatMap((s) => [r.totals[`${s}Count`], r.totals[`${s}Value`]]), r.failureRate?.percent ?? ""]);
}

/** One partner's credits per bucket by state (points). */
export function creditChartRows(days: readonly AwardDay[], range: ReportRange): ChartRow[] {
  return bucketTotals(days, range).map((b) => ({
    label: bucketLabel(b.start, range.grain),
    values: Object.fromEntries(FULFILMENT_STATES.map((s) => [s, b.totals[`${s}Value`]])),
    text: Object.fromEntries(FULFILMENT_STATES.map((s) => [s, n(b.totals[`${s}Value`])])),
  }));
}

export const CREDIT_CSV_HEADER = ["period_start", "credits", ...FULFILMENT_STATES.flatMap((s) => [`${s}_count`, `${s}_points`])];

export function creditCsvRows(days: readonly AwardDay[], range: ReportRange): (string | number)[][] {
  return bucketTotals(days, range).map((b) => [b.start, b.totals.awards, ...FULFILMENT_STATES.flatMap((s) => [b.totals[`${s}Count`], b.totals[`${s}Value`]])]);
}

/** All of a partner's blocks together: used and remaining at the end of each bucket. */
export function blockTotalsSeries(blocks: readonly BlockUsage[], range: ReportRange): { start: string; debited: number; returned: number; used: number; remaining: number }[] {
  const totals = bucketStarts(range).map((start) => ({ start, debited: 0, returned: 0, used: 0, remaining: 0 }));
  for (const block of blocks) {
    blockUsageSeries(block, block.usedBefore, block.days, range).forEach((b, i) => {
      const t = totals[i]!;
      t.debited += b.debited;
      t.returned += b.returned;
      t.used += b.used;
      t.remaining += b.remaining;
    });
  }
  return totals;
}

export function blockChartRows(blocks: readonly BlockUsage[], range: ReportRange): ChartRow[] {
  return blockTotalsSeries(blocks, range).map((b) => ({
    label: bucketLabel(b.start, range.grain),
    values: { used: b.used, remaining: b.remaining },
    text: { used: n(b.used), remaining: n(b.remaining) },
  }));
}

export const BLOCK_CSV_HEADER = ["period_start", "block_id", "block_reference", "kind", "status", "points", "debited", "returned", "used_at_end", "remaining_at_end"];

export function blockCsvRows(blocks: readonly BlockUsage[], range: ReportRange): (string | number)[][] {
  return blocks.flatMap((block) =>
    blockUsageSeries(block, block.usedBefore, block.days, range).map((b) => [b.start, block.id, block.reference, block.kind, block.status, block.points, b.debited, b.returned, b.used, b.remaining]),
  );
}
