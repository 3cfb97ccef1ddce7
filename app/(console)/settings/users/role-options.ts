import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";

const ROLE_DESCRIPTIONS: Record<(typeof ROLES)[number], string> = {
  admin: "Users, roles, API keys and the audit log",
  program_manager: "Programmes, tiers, expiry and offers",
  partner_manager: "Partners, currencies, point blocks and billing",
  member_care: "Members: explain points and fix problems",
  auditor: "Reads everything, changes nothing",
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], description: ROLE_DESCRIPTIONS[role] }));
