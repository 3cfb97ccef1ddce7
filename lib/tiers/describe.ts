/**
 * Tier rules in words for the programme page, and the rules dialog's starting values. Pure: the page
 * renders it on the server, the dialog on the client.
 */
import type { Tier } from "@/db/schema";
import { currencyMinorDigits } from "@/lib/engine/decimal";
import { isMoneyMetric, metricWords } from "@/lib/engine/offers/explain";
import { formatCount, formatMoney } from "@/lib/engine/offers/format";
import type { DowngradeRule, UpgradeRule } from "@/lib/engine/tiers";

/** "1.2500" → "1.25", "10.0000" → "10". */
export const trimMultiplier = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);

type Rules = Pick<Tier, "upgradeRule" | "downgradeRule" | "earnMultiplier" | "upgradeBonusPoints">;
const WINDOW_WORDS = { calendar_month: "this calendar month", calendar_quarter: "this calendar quarter", calendar_year: "this calendar year" } as const;

export function describeUpgrade(rule: UpgradeRule | null, currency: string): string {
  if (rule === null) return "Assigned by hand only";
  if (rule.kind === "lifetime_points") return `Lifetime points reach ${formatCount(rule.threshold)}`;
  const w = rule.tracker.window;
  const window = w.kind === "rolling_days" ? `in the last ${formatCount(w.days)} days` : WINDOW_WORDS[w.kind];
  const value = isMoneyMetric(rule.tracker.metric) ? formatMoney(rule.threshold, currency) : formatCount(rule.threshold);
  const what = metricWords(rule.tracker.metric);
  return `${what[0]!.toUpperCase()}${what.slice(1)} ${window} reaches ${value}`;
}

export function describeDowngrade(rule: DowngradeRule | null, isDefault: boolean): string {
  if (isDefault) return "Lowest tier";
  if (rule === null) return "Kept for good";
  if (rule.kind === "inactivity") return `No transaction in ${rule.months} ${rule.months === 1 ? "month" : "months"}`;
  return `Fewer than ${formatCount(rule.minVisits)} ${rule.minVisits === 1 ? "visit" : "visits"} in ${formatCount(rule.days)} days`;
}

export function describeBenefits(t: Rules): string[] {
  const out: string[] = [];
  const m = t.earnMultiplier === null ? null : trimMultiplier(t.earnMultiplier);
  if (m !== null && m !== "1") out.push(`Base earn × ${m}`);
  if (t.upgradeBonusPoints) out.push(`${formatCount(t.upgradeBonusPoints)} bonus points on reaching it`);
  return out;
}

/** The dialog's fields for a tier as stored (money thresholds back in whole units of the currency). */
export function tierRulesFormValues(t: Rules, currency: string): Record<string, string> {
  const up = t.upgradeRule as UpgradeRule | null;
  const down = t.downgradeRule as DowngradeRule | null;
  const v: Record<string, string> = { upgradeKind: up?.kind ?? "none", downgradeKind: down?.kind ?? "none", trackerMetric: "transaction_amount", trackerWindow: "rolling_days", trackerDays: "365", inactivityMonths: "6", minVisits: "", visitsDays: "90" };
  if (up) {
    let threshold = up.threshold;
    if (up.kind === "tracker") {
      v.trackerMetric = up.tracker.metric;
      v.trackerWindow = up.tracker.window.kind;
      if (up.tracker.window.kind === "rolling_days") v.trackerDays = String(up.tracker.window.days);
      if (isMoneyMetric(up.tracker.metric)) threshold = Math.floor(threshold / 10 ** currencyMinorDigits(currency));
    }
    v.upgradeThreshold = String(threshold);
  }
  if (down?.kind === "inactivity") v.inactivityMonths = String(down.months);
  if (down?.kind === "visits") Object.assign(v, { minVisits: String(down.minVisits), visitsDays: String(down.days) });
  v.earnMultiplier = t.earnMultiplier === null ? "" : trimMultiplier(t.earnMultiplier);
  v.upgradeBonusPoints = t.upgradeBonusPoints === null ? "" : String(t.upgradeBonusPoints);
  return v;
}
