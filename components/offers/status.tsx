import { Badge, StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { formatMoney, formatPoints } from "@/components/programs/format";

export type OfferStatusFacts = {
  status: string;
  pendingVersion: number | null;
  validFrom: string | null;
  validUntil: string | null;
};

/** What an offer's state is called in the console; an active offer that has not started is "Scheduled". */
export function offerStatus(o: OfferStatusFacts, nowMs: number): { label: string; tone: BadgeTone } {
  switch (o.status) {
    case "draft":
      return { label: "Draft", tone: "neutral" };
    case "submitted":
      return { label: "Awaiting approval", tone: "warning" };
    case "approved":
      return { label: "Approved", tone: "accent" };
    case "active": {
      if (o.validFrom && Date.parse(o.validFrom) > nowMs) return { label: "Scheduled", tone: "accent" };
      if (o.validUntil && Date.parse(o.validUntil) <= nowMs) return { label: "Expired", tone: "neutral" };
      return { label: "Active", tone: "success" };
    }
    case "paused":
      return { label: "Paused", tone: "warning" };
    case "ended":
      return { label: "Ended", tone: "neutral" };
    default:
      return { label: o.status, tone: "neutral" };
  }
}

/** The status badge, with a second badge when a new version of a live offer waits for approval. */
export function OfferStatusBadges({ offer, nowMs }: { offer: OfferStatusFacts; nowMs: number }) {
  const { label, tone } = offerStatus(offer, nowMs);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="offer-status">
      <StatusBadge tone={tone}>{label}</StatusBadge>
      {offer.pendingVersion !== null && offer.status !== "submitted" && <Badge tone="warning">Version {offer.pendingVersion} awaiting approval</Badge>}
    </span>
  );
}

export const OUTCOME_LABELS: Record<string, string> = {
  reward_points: "Reward points",
  cashback: "Cashback",
  voucher: "Voucher",
  partner_points: "Partner points",
};

/** A value in an offer's outcome units: money for cashback, else a count. */
export function outcomeAmount(value: number, outcomeType: string | null, currency: string | null): string {
  if (outcomeType === "cashback" && currency) return formatMoney(value, currency);
  return formatPoints(value);
}

/** "12,500 of 100,000", or what was given when there is no budget. */
export function budgetText(o: { budget: number | null; budgetUsed: number; outcomeType: string | null; outcomeCurrency: string | null }): string {
  const used = outcomeAmount(o.budgetUsed, o.outcomeType, o.outcomeCurrency);
  return o.budget === null ? `${used} given · no budget` : `${used} of ${outcomeAmount(o.budget, o.outcomeType, o.outcomeCurrency)}`;
}
