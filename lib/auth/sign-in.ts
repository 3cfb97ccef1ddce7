import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { signInAttempts, users } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { writeAudit } from "@/lib/audit";
import { findUserByEmail } from "@/lib/users";
import { dummyPasswordHash, verifyPassword } from "./password";

/** Failed sign-ins allowed before the account or the address is locked for the rest of the window. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password, with failures rate limited per account and per address.
 * Deactivated and unknown accounts fail exactly like a wrong password.
 */
export async function checkPasswordSignIn(
  db: DbOrTx,
  input: { email: string; password: string; ip: string | null; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

  const [{ lastSuccess } = { lastSuccess: null }] = await db
    .select({ lastSuccess: sql<Date | null>`max(${signInAttempts.at})` })
    .from(signInAttempts)
    .where(and(sql`lower(${signInAttempts.email}) = ${email}`, eq(signInAttempts.succeeded, true), gt(signInAttempts.at, windowStart)));
  const accountSince = lastSuccess && new Date(lastSuccess) > windowStart ? new Date(lastSuccess) : windowStart;

  const [account] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${signInAttempts.at})` })
    .from(signInAttempts)
    .where(and(sql`lower(${signInAttempts.email}) = ${email}`, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, accountSince)));
  const [address] = input.ip
    ? await db
        .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${signInAttempts.at})` })
        .from(signInAttempts)
        .where(and(sql`${signInAttempts.ip} = ${input.ip}::inet`, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, windowStart)))
    : [{ n: 0, oldest: null }];

  const retryAfter = (oldest: string | null) =>
    Math.max(1, Math.ceil(((oldest ? new Date(oldest).getTime() : now.getTime()) + SIGN_IN_LIMITS.windowMinutes * 60_000 - now.getTime()) / 1000));
  if ((account?.n ?? 0) >= SIGN_IN_LIMITS.perAccount) return { ok: false, reason: "rate_limited", retryAfterSeconds: retryAfter(account!.oldest) };
  if ((address?.n ?? 0) >= SIGN_IN_LIMITS.perAddress) return { ok: false, reason: "rate_limited", retryAfterSeconds: retryAfter(address!.oldest) };

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const succeeded = Boolean(user && user.active && user.passwordHash && passwordOk);

  // One transaction: the attempt, the last sign-in time and the audit record land together.
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, ip: input.ip, succeeded, at: now });
    if (succeeded && user) {
      await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
      await writeAudit(tx, { type: "user", id: user.id, label: user.email, roles: [] }, { action: "user.sign_in", entityType: "user", entityId: user.id });
    }
  });
  if (!succeeded || !user) return { ok: false, reason: "invalid_credentials" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** The caller's address from proxy headers; null when unknown or not an IP address. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim();
  if (!forwarded) return null;
  const ip = forwarded.replace(/^::ffff:/, "");
  return /^[0-9a-fA-F:.]+$/.test(ip) ? ip : null;
}
