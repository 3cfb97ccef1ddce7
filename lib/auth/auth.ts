import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import { findUserByEmail } from "@/lib/users";
import { authConfig } from "./auth.config";
import { checkPasswordSignIn, clientIp } from "./sign-in";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * Bank single sign-on: an OpenID Connect provider, switched on when AUTH_OIDC_ISSUER,
 * AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are set. Only people who already have an
 * active user here (matched by email) get in; their roles come from this console.
 */
function oidcProviders(): NextAuthConfig["providers"] {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return [];
  return [{ id: "oidc", name: process.env.AUTH_OIDC_NAME ?? "Bank single sign-on", type: "oidc", issuer, clientId, clientSecret }];
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // A refused sign-in is an expected answer, not an error worth a stack trace.
  logger: {
    error: (error) => {
      if (error.name === "CredentialsSignin") logger.info({ type: error.name }, "sign-in refused");
      else logger.error({ err: error }, "auth error");
    },
    warn: (code) => logger.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) throw new InvalidCredentials();
        const result = await checkPasswordSignIn(getDb(), { email, password, ip: clientIp(request.headers) });
        if (!result.ok) throw result.reason === "rate_limited" ? new RateLimited() : new InvalidCredentials();
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const known = user.email ? await findUserByEmail(getDb(), user.email) : undefined;
      if (!known?.active) return "/sign-in?error=sso_not_allowed";
      user.id = known.id;
      return true;
    },
  },
});
