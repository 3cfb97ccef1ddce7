import { formatMoney, formatPoints, minorToDecimalString } from "@/components/programs/format";
import type { ChartRow } from "@/components/reports/report-chart";
import { currencyMinorDigits } from "@/lib/engine/decimal";
import { bucketCounts, bucketTotals, failureRate, netValue, type AwardDay, type AwardTotals, type Cost } from "@/lib/reports/offers/compute";
import type { OfferSort } from "@/lib/reports/offers/params";
import type { OfferReport, OfferReportRow, OutcomeLine } from "@/lib/reports/offers/queries";
import { bucketLabel, type ReportRange } from "@/lib/reports/range";
import { FULFILMENT_STATES, STATE_LABELS } from "@/lib/reports/offers/states";

/** How the offer performance pages and their CSV files show figures: formatted from integers, never floats. */

export const STATE_COLORS = { pending: "#d97706", posted: "#16a34a", failed: "#dc2626", reversed: "#64748b" } as const;

/** A value in its outcome's units: "1,200 pts", "₹45.00", "500 Skyward Miles", "3 vouchers". */
export function formatOutcomeValue(value: number, line: Pick<OutcomeLine, "outcomeType" | "unit" | "unitLabel">): string {
  if (line.outcomeType === "reward_points") return `${formatPoints(value)} pts`;
  if (line.outcomeType === "cashback" && /^[A-Za-z]{3}$/.test(line.unit)) return formatMoney(value, line.unit.toUpperCase());
  return `${formatPoints(value)} ${line.unitLabel}`;
}

export function formatCost(cost: Cost): string {
  return cost.kind === "money" ? formatMoney(cost.minor, cost.currency) : `${formatPoints(cost.value)} ${cost.unit}`;
}

/** The cost as CSV cells: amount (a plain decimal) and its currency, or the units and their name. */
export function costCells(cost: Cost): [string, string] {
  if (cost.kind === "units") return [String(cost.value), cost.unit];
  let digits = 2;
  try {
    digits = currencyMinorDigits(cost.currency);
  } catch {
    // an odd currency code: two digits, as formatMoney does
  }
  return [minorToDecimalString(cost.minor, digits), cost.currency];
}

export function formatRate(t: AwardTotals): string {
  return failureRate(t.failedCount, t.postedCount)?.percent ?? "—";
}

/** The figure the offer list sorts by. */
export function offerSortKey(row: OfferReportRow, sort: OfferSort): number | string {
  switch (sort) {
    case "name":
      return row.name;
    case "awards":
      return row.totals.awards;
    case "members":
      return row.membersReached;
    case "net":
      return netValue(row.totals);
    case "budget_used":
      return row.budgetUsed;
    case "failed":
      return row.totals.failedCount;
  }
}

export const OFFER_CSV_HEADER = [
  "offer_id", "offer", "program_code", "status", "outcome_type", "unit", "members_reached", "members_first_reached_in_period", "awards", "value",
  "pending_count", "pending_value", "posted_count", "posted_value", "failed_count", "failed_value", "reversed_count", "reversed_value",
  "taken_back", "net_value", "cost", "cost_unit", "budget", "budget_used", "budget_left",
];

/** One CSV line per offer and outcome (an offer with no awards in the period has one line of zeros). */
export function offerCsvRows(rows: readonly OfferReportRow[]): (string | number | null)[][] {
  return rows.flatMap((r) => {
    const budget = [r.budget, r.baseEarn ? null : r.budgetUsed, r.budget === null ? null : r.budget - r.budgetUsed];
    const head = [r.key, r.name, r.programCode, r.baseEarn ? "base_earn" : r.status];
    if (r.outcomes.length === 0) return [[...head, r.outcomeType ?? "", "", r.membersReached, r.membersReachedInPeriod, ...Array(15).fill(0), "", "", ...budget]];
    return r.outcomes.map((o) => {
      const t = o.totals;
      return [...head, o.outcomeType, o.unitLabel, r.membersReached, r.membersReachedInPeriod, t.awards, t.value, t.pendingCount, t.pendingValue, t.postedCount, t.postedValue, t.failedCount, t.failedValue, t.reversedCount, t.reversedValue, t.takenBack, o.net, ...costCells(o.cost), ...budget];
    });
  });
}

const n = (v: number) => formatPoints(v);

/** Awards and members first reached per bucket: the offer's main chart and its table. */
export function awardChartRows(report: Pick<OfferReport, "days" | "reachDays">, range: ReportRange): ChartRow[] {
  const reach = bucketCounts(report.reachDays, range);
  return bucketTotals(report.days, range).map((b, i) => ({
    label: bucketLabel(b.start, range.grain),
    values: { awards: b.totals.awards, reached: reach[i]!.n },
    text: { awards: n(b.totals.awards), reached: n(reach[i]!.n) },
  }));
}

/** The awards of each bucket by where they stand now (a stacked chart). */
export function stateChartRows(days: readonly AwardDay[], range: ReportRange): ChartRow[] {
  return bucketTotals(days, range).map((b) => ({
    label: bucketLabel(b.start, range.grain),
    values: Object.fromEntries(FULFILMENT_STATES.map((s) => [s, b.totals[`${s}Count`]])),
    text: Object.fromEntries(FULFILMENT_STATES.map((s) => [s, n(b.totals[`${s}Count`])])),
  }));
}

export const STATE_SERIES = FULFILMENT_STATES.map((s) => ({ key: s, label: STATE_LABELS[s], color: STATE_COLORS[s] }));

export const BUCKET_CSV_HEADER = ["period_start", "awards", "members_first_reached", "value", "pending_count", "posted_count", "failed_count", "reversed_count", "taken_back", "net_value"];

/** The per-bucket CSV of one offer (all outcomes summed; an offer has one outcome type in practice). */
export function bucketCsvRows(report: Pick<OfferReport, "days" | "reachDays">, range: ReportRange): (string | number)[][] {
  const reach = bucketCounts(report.reachDays, range);
  return bucketTotals(report.days, range).map((b, i) => {
    const t = b.totals;
    return [b.start, t.awards, reach[i]!.n, t.value, t.pendingCount, t.postedCount, t.failedCount, t.reversedCount, t.takenBack, netValue(t)];
  });
}

export const STATE_CSV_HEADER = ["period_start", ...FULFILMENT_STATES.flatMap((s) => [`${s}_count`, `${s}_value`])];

/** Awards of each period by where they stand now, count and value per state. */
export function stateCsvRows(days: readonly AwardDay[], range: ReportRange): (string | number)[][] {
  return bucketTotals(days, range).map((b) => [b.start, ...FULFILMENT_STATES.flatMap((s) => [b.totals[`${s}Count`], b.totals[`${s}Value`]])]);
}

export const OUTCOME_CSV_HEADER = ["outcome_type", "unit", "awards", "value", ...FULFILMENT_STATES.flatMap((s) => [`${s}_count`, `${s}_value`]), "taken_back", "net_value", "cost", "cost_unit"];

export function outcomeCsvRows(lines: readonly OutcomeLine[]): (string | number)[][] {
  return lines.map((l) => [l.outcomeType, l.unitLabel, l.totals.awards, l.totals.value, ...FULFILMENT_STATES.flatMap((s) => [l.totals[`${s}Count`], l.totals[`${s}Value`]]), l.totals.takenBack, l.net, ...costCells(l.cost)]);
}

/** One line of a comparison: what it is, the text shown and the CSV cell. */
export type Metric = { key: string; label: string; text: string; csv: string | number };

const joined = (parts: string[]) => (parts.length ? parts.join(" + ") : "—");

/** The same figures for any offer, in order: the rows of the side-by-side comparison and its CSV. */
export function offerMetrics(r: OfferReport): Metric[] {
  const t = r.totals;
  const first = r.outcomes[0];
  const budgetText = (v: number) => (first ? formatOutcomeValue(v, first) : formatPoints(v));
  const valueOf = (pick: (o: OutcomeLine) => number) => joined(r.outcomes.map((o) => formatOutcomeValue(pick(o), o)));
  const rate = failureRate(t.failedCount, t.postedCount);
  const s = r.subject;
  return [
    { key: "members_reached", label: "Members reached (ever)", text: n(r.membersReached), csv: r.membersReached },
    { key: "members_first_reached", label: "Members first reached in the period", text: n(r.membersReachedInPeriod), csv: r.membersReachedInPeriod },
    { key: "awards", label: "Awards", text: n(t.awards), csv: t.awards },
    { key: "value", label: "Value awarded", text: valueOf((o) => o.totals.value), csv: t.value },
    ...FULFILMENT_STATES.map((st) => ({ key: `${st}_count`, label: `${STATE_LABELS[st]}`, text: `${n(t[`${st}Count`])} (${valueOf((o) => o.totals[`${st}Value`])})`, csv: t[`${st}Count`] })),
    { key: "taken_back", label: "Taken back by refunds", text: valueOf((o) => o.totals.takenBack), csv: t.takenBack },
    { key: "net_value", label: "Net value", text: valueOf((o) => o.net), csv: netValue(t) },
    { key: "cost", label: "Cost", text: joined(r.outcomes.map((o) => formatCost(o.cost))), csv: r.outcomes.map((o) => costCells(o.cost).join(" ")).join(" + ") },
    { key: "failure_rate", label: "Failure rate", text: rate?.percent ?? "—", csv: rate?.percent ?? "" },
    { key: "budget_used", label: "Budget used (now)", text: s.budget === null ? "No budget" : budgetText(s.budgetUsed), csv: s.budget === null ? "" : s.budgetUsed },
    { key: "budget_left", label: "Budget left (now)", text: s.budget === null ? "—" : budgetText(s.budget - s.budgetUsed), csv: s.budget === null ? "" : s.budget - s.budgetUsed },
  ];
}

/** Awards per bucket of two offers, overlaid. */
export function compareChartRows(a: Pick<OfferReport, "days">, b: Pick<OfferReport, "days">, range: ReportRange): ChartRow[] {
  const bs = bucketTotals(b.days, range);
  return bucketTotals(a.days, range).map((x, i) => ({
    label: bucketLabel(x.start, range.grain),
    values: { a: x.totals.awards, b: bs[i]!.totals.awards },
    text: { a: n(x.totals.awards), b: n(bs[i]!.totals.awards) },
  }));
}
