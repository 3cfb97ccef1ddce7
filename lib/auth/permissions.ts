/**
 * The one permission map: what each role may do. Checks in pages, actions, routes and the data
 * layer ask for a permission, never a role name.
 */
export const ROLES = ["admin", "program_manager", "partner_manager", "member_care", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  program_manager: "Program manager",
  partner_manager: "Partner manager",
  member_care: "Member care",
  auditor: "Auditor",
};

export const PERMISSIONS = [
  "offers:read",
  "offers:write",
  "offers:approve",
  "programs:read",
  "programs:write",
  "partners:read",
  "partners:write",
  "point_blocks:read",
  "point_blocks:write",
  "point_blocks:approve",
  "members:read",
  "members:write",
  "members:adjust",
  "fulfilments:manage",
  "reports:read",
  "segments:read",
  "segments:write",
  "users:read",
  "users:write",
  "api_keys:read",
  "api_keys:write",
  /** The installation's settings: integrations (core banking) and member care's rules. */
  "settings:read",
  "settings:write",
  "audit:read",
  "jobs:read",
  "jobs:run",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_EVERYTHING = PERMISSIONS.filter((p) => p.endsWith(":read"));

export const ROLE_PERMISSIONS = {
  admin: ["users:read", "users:write", "api_keys:read", "api_keys:write", "settings:read", "settings:write", "audit:read", "reports:read", "jobs:read", "jobs:run"],
  program_manager: [
    "offers:read", "offers:write", "offers:approve",
    "programs:read", "programs:write",
    "partners:read", "members:read", "reports:read",
    "segments:read", "segments:write",
  ],
  partner_manager: [
    "partners:read", "partners:write",
    "point_blocks:read", "point_blocks:write", "point_blocks:approve",
    "offers:read", "programs:read", "members:read", "fulfilments:manage", "reports:read", "segments:read",
  ],
  member_care: ["members:read", "members:write", "members:adjust", "fulfilments:manage", "programs:read", "offers:read", "partners:read"],
  auditor: READ_EVERYTHING,
} as const satisfies Record<Role, readonly Permission[]>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The permissions of a set of roles. Unknown role names grant nothing; no roles grant nothing. */
export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) {
    if (!isRole(role)) continue;
    for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  }
  return granted;
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}

/** The console's sections, each shown only to roles holding its permission. */
export const SECTIONS = [
  { key: "offers", label: "Offers", href: "/offers", permission: "offers:read" },
  { key: "programs", label: "Programmes", href: "/programs", permission: "programs:read" },
  { key: "partners", label: "Partners", href: "/partners", permission: "partners:read" },
  { key: "point-blocks", label: "Point blocks", href: "/point-blocks", permission: "point_blocks:read" },
  { key: "members", label: "Members", href: "/members", permission: "members:read" },
  { key: "adjustments", label: "Approvals", href: "/adjustments", permission: "members:adjust" },
  { key: "segments", label: "Segments", href: "/segments", permission: "segments:read" },
  { key: "reports", label: "Reports", href: "/reports", permission: "reports:read" },
  { key: "settings", label: "Settings", href: "/settings", permission: "users:read" },
] as const satisfies readonly { key: string; label: string; href: string; permission: Permission }[];
export type Section = (typeof SECTIONS)[number];

export function sectionsFor(roles: readonly string[]): Section[] {
  const granted = permissionsOf(roles);
  return SECTIONS.filter((s) => granted.has(s.permission) || (s.key === "settings" && (granted.has("api_keys:read") || granted.has("settings:read") || granted.has("audit:read"))));
}
