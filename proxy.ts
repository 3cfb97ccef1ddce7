import { NextResponse, type NextRequest } from "next/server";

/** Auth.js's session cookie (the `__Secure-` one over HTTPS), possibly split into chunks `.0`, `.1`… */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Only redirects visitors without a session cookie to sign-in. It deliberately does not decode or
 * refresh the session: a refreshed cookie on a prefetch racing a sign-out would sign the person
 * back in. The real checks (session valid, user active, permission) are in every page, action,
 * route and use case.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  const url = new URL("/sign-in", request.nextUrl.origin);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") url.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the public API, Auth.js, the sign-in page and static files.
  matcher: ["/((?!api/|sign-in|_next/|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|css|js|woff2?)$).*)"],
};
