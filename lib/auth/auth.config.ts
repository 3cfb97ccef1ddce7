import type { NextAuthConfig } from "next-auth";

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
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;
