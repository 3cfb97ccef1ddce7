import type { BadgeTone } from "@/components/ui/badge";

export const PARTNER_TYPE_LABELS: Record<string, string> = {
  airline: "Airline",
  hotel: "Hotel",
  lifestyle: "Lifestyle",
  retail: "Retail",
  other: "Other",
};

export const FUNDING_LABELS: Record<string, string> = { prepaid: "Prepaid", postpaid: "Post-paid" };

export const PARTNER_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  suspended: { label: "Suspended", tone: "danger" },
};

export const BLOCK_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending approval", tone: "warning" },
  active: { label: "Active", tone: "success" },
  rejected: { label: "Rejected", tone: "danger" },
};

export const BLOCK_KIND_LABELS: Record<string, string> = { prepaid: "Prepaid", reserve: "Reserve" };
