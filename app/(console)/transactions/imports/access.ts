import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";

/**
 * For the route handlers of this area (progress, downloads): they check the session and the
 * permission themselves, as actions do; the proxy only redirects visitors without a cookie.
 */
export async function routeUser(permission: Permission): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Your session has ended. Sign in again.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!can(user.roles, permission)) return new Response("Your role does not allow this.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  return user;
}
