import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getUser } from "@/lib/users";
import type { Actor } from "@/lib/actor";
import { auth } from "./auth";
import { can, isRole, type Permission, type Role } from "./permissions";

export type SessionUser = { id: string; email: string; name: string; roles: Role[] };

/**
 * The signed-in user, read from the users table on every request so that a deactivation or a
 * role change applies at once. Null when signed out, deactivated, or signed in before a password reset.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUser(getDb(), id);
  if (!user || !user.active) return null;
  if (user.sessionsValidAfter && (session.signedInAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles.filter(isRole) };
});

export function userActor(user: SessionUser): Actor {
  return { type: "user", id: user.id, label: user.email, roles: user.roles };
}

/** For pages: redirects to sign-in when signed out, answers 403 when the role may not see it. */
export async function requirePagePermission(permission: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!can(user.roles, permission)) forbidden();
  return user;
}

/** For pages any signed-in user may see. */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
