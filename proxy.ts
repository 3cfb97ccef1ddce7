import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";

const { auth } = NextAuth(authConfig);

/**
 * Only redirects signed-out visitors of console pages to sign-in. The real permission checks are
 * in every page, action, route and use case.
 */
export default auth((request) => {
  if (request.auth) return NextResponse.next();
  const url = new URL("/sign-in", request.nextUrl.origin);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") url.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(url);
});

export const config = {
  // Everything but the public API, Auth.js, the sign-in page and static files.
  matcher: ["/((?!api/|sign-in|_next/|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|css|js|woff2?)$).*)"],
};
