import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** When this session began (ms since epoch). */
    signedInAt?: number;
  }
}

/** Sessions last a working day; the session is re-checked against the users table on every request. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The part of the Auth.js configuration that needs no database (used by proxy.ts). */
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        // Fixed at sign-in (unlike iat, which rolls): compared with users.sessions_valid_after.
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
      return session;
    },
  },
} satisfies NextAuthConfig;
