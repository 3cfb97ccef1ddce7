import { formatMoney, formatPoints } from "@/components/programs/format";
import type { ChartRow } from "@/components/reports/report-chart";
import { currencyMinorDigits } from "@/lib/engine/decimal";
import { bucketLabel, type Grain } from "@/lib/reports/range";
import { categoryLabel, mccLabel } from "@/lib/reports/spend/mcc";
import type { SpendBucket, SpendGroup } from "@/lib/reports/spend/queries";

function scale(currency: string): number {
  try {
    return 10 ** currencyMinorDigits(currency);
  } catch {
    return 100;
  }
}

/** A group's label: the category or MCC in words, or "Other (n more)". */
export function groupLabel(by: "category" | "mcc", g: SpendGroup): string {
  if (g.other) return "Other";
  return by === "category" ? categoryLabel(g.key) : mccLabel(g.key);
}

/** Chart rows of a breakdown: net spend drawn in major units (a float only for drawing), exact text in the table. */
export function groupRows(by: "category" | "mcc", groups: readonly SpendGroup[], currency: string): ChartRow[] {
  const s = scale(currency);
  return groups.map((g) => ({
    label: groupLabel(by, g),
    values: { amount: g.amount / s, purchases: g.purchases },
    text: { amount: formatMoney(g.amount, currency), purchases: formatPoints(g.purchases) },
  }));
}

export function trendRows(buckets: readonly SpendBucket[], grain: Grain, currency: string): ChartRow[] {
  const s = scale(currency);
  return buckets.map((b) => ({
    label: bucketLabel(b.start, grain),
    values: { amount: b.amount / s },
    text: { amount: formatMoney(b.amount, currency), purchases: formatPoints(b.purchases), refunds: formatPoints(b.refunds) },
  }));
}
