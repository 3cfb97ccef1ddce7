/**
 * The public API contract (v1): every endpoint, defined once (lib/api/endpoint.ts). Route handlers
 * take their definition from here; /api/v1/openapi.json is generated from this list.
 * A new area adds a module under lib/api/endpoints/ and spreads it in below.
 */
import type { AnyEndpoint } from "./endpoint";
import * as ledger from "./endpoints/ledger";
import * as partners from "./endpoints/partners";
import * as system from "./endpoints/system";
import * as transactions from "./endpoints/transactions";

export const contract = {
  ...system,
  ...ledger,
  ...transactions,
  ...partners,
} as const;

export const ENDPOINTS: readonly AnyEndpoint[] = Object.values(contract);
