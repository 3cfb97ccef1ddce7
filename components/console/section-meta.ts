import { BadgePercent, BarChart3, Blocks, ClipboardCheck, Handshake, Home, Layers, ListFilter, Settings, Users, type LucideIcon } from "lucide-react";
import type { Section } from "@/lib/auth/permissions";

type SectionKey = Section["key"] | "home";

/** How each console section presents itself: its icon and a one-line description. */
export const SECTION_META: Record<SectionKey, { icon: LucideIcon; description: string }> = {
  home: { icon: Home, description: "Your overview." },
  offers: { icon: BadgePercent, description: "Earn rules on card spend and activity: conditions, rewards, budgets and approval." },
  programs: { icon: Layers, description: "Points currencies, tiers, expiry strategies and redemption rules of each brand." },
  partners: { icon: Handshake, description: "Airlines, hotels and merchants: their currencies, conversion rates and funding." },
  "point-blocks": { icon: Blocks, description: "Blocks of points partners buy to fund their earn; approval and reserve blocks." },
  members: { icon: Users, description: "Find a member, explain every point and fix what went wrong." },
  adjustments: { icon: ClipboardCheck, description: "Goodwill adjustments above the threshold, waiting for a second member care user’s approval." },
  segments: { icon: ListFilter, description: "Saved groups of members by programme, tier, spend and profile, for reports and offer targeting." },
  reports: { icon: BarChart3, description: "Points issued, redeemed and expired; partner billing and offer performance." },
  settings: { icon: Settings, description: "Users and roles, API keys for connected systems, and the audit log." },
};
