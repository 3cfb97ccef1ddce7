import type { BadgeTone } from "@/components/ui/badge";
import { formatMoney, formatPoints } from "@/components/programs/format";

/** What each outcome type is called in the console. */
export const OUTCOME_TYPE_LABELS: Record<string, string> = {
  reward_points: "Reward points",
  cashback: "Cashback",
  voucher: "Voucher",
  partner_points: "Partner points",
};

/** The four states of the fulfilment lifecycle (pending → posted | failed; posted → reversed). */
export const FULFILMENT_STATES: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "warning" },
  posted: { label: "Posted", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  reversed: { label: "Reversed", tone: "neutral" },
};

export function stateOf(state: string): { label: string; tone: BadgeTone } {
  return FULFILMENT_STATES[state] ?? { label: state, tone: "neutral" };
}

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/**
 * A value in its outcome's units: "2,000 points", "₹250.00" (cashback is in minor units of its
 * currency), "1 voucher", "1,500 partner points".
 */
export function formatOutcomeValue(outcomeType: string, value: number, currency: string | null, partnerCurrency?: string | null): string {
  switch (outcomeType) {
    case "reward_points":
      return `${formatPoints(value)} ${plural(value, "point", "points")}`;
    case "cashback":
      return currency ? formatMoney(value, currency) : `${formatPoints(value)} (minor units)`;
    case "voucher":
      return `${formatPoints(value)} ${plural(value, "voucher", "vouchers")}`;
    case "partner_points":
      return partnerCurrency ? `${formatPoints(value)} ${partnerCurrency}` : `${formatPoints(value)} partner ${plural(value, "point", "points")}`;
    default:
      return formatPoints(value);
  }
}

/** The codes a voucher fulfilment was given ("MOVIE-AB12CD34, MOVIE-…"). */
export function voucherCodes(voucherCode: string | null): string[] {
  return voucherCode ? voucherCode.split(",").map((c) => c.trim()).filter(Boolean) : [];
}

/** "Posted" for a first event (no previous state), "Pending → Posted" for a change. */
export function transitionText(fromState: string | null, toState: string): string {
  return fromState ? `${stateOf(fromState).label} → ${stateOf(toState).label}` : `Created as ${stateOf(toState).label.toLowerCase()}`;
}
