import type { Role } from "@/lib/auth/permissions";

/** Who is doing something: a signed-in user, an API key, or the system (jobs, seed, CLI). */
export type Actor =
  | { type: "user"; id: string; label: string; roles: Role[] }
  | { type: "api_key"; id: string; label: string; scopes: string[] }
  | { type: "system"; id: null; label: string };

export const systemActor = (label = "system"): Actor => ({ type: "system", id: null, label });
