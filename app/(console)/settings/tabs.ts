import { can, type Permission } from "@/lib/auth/permissions";

export type SettingsTab = { label: string; href: string; permission: Permission };

export const SETTINGS_TABS: SettingsTab[] = [
  { label: "Users", href: "/settings/users", permission: "users:read" },
  { label: "API keys", href: "/settings/api-keys", permission: "api_keys:read" },
  { label: "Integrations", href: "/settings/integrations", permission: "settings:read" },
  { label: "Member care", href: "/settings/member-care", permission: "settings:read" },
  { label: "Audit log", href: "/settings/audit", permission: "audit:read" },
  { label: "Jobs", href: "/settings/jobs", permission: "jobs:read" },
];

export function settingsTabsFor(roles: readonly string[]): SettingsTab[] {
  return SETTINGS_TABS.filter((tab) => can(roles, tab.permission));
}
