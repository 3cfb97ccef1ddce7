/** What an API key may do. Each /api/v1 route names the scope it needs. */
export const API_SCOPES = [
  "programs:read",
  "partners:read",
  "members:read",
  "members:write",
  "points:read",
  "points:write",
  "transactions:write",
  "events:write",
  "fulfilments:read",
  "fulfilments:write",
  "partner_transactions:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What a partner's key may do: send its earn transactions and look up the members it earns for. */
export const PARTNER_KEY_SCOPES = ["partner_transactions:write", "members:read"] as const satisfies readonly ApiScope[];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "programs:read": "Read programmes",
  "partners:read": "Read partners",
  "members:read": "Read members and balances",
  "members:write": "Enrol and update members",
  "points:read": "Check redeemability and transferability",
  "points:write": "Award, redeem and transfer points",
  "transactions:write": "Send and reverse transactions",
  "events:write": "Send member activity events",
  "fulfilments:read": "Read fulfilments",
  "fulfilments:write": "Claim fulfilments",
  "partner_transactions:write": "Send a partner's earn transactions (partner keys only)",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
