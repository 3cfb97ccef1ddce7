import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { checkPasswordSignIn, clientIp, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { setUserActive } from "@/lib/users";
import { makeUser, systemTestActor, TEST_PASSWORD } from "../support/fixtures";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));

describe("password sign-in", () => {
  it("accepts the right password in any email case, records the time and audits it", async () => {
    const user = await makeUser(["member_care"]);
    const result = await checkPasswordSignIn(getDb(), { email: user.email.toUpperCase(), password: TEST_PASSWORD, ip: "10.0.0.1", now: at(0) });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt?.toISOString()).toBe(at(0).toISOString());
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.sign_in"));
    expect(audit.map((a) => a.entityId)).toContain(user.id);
  });

  it("answers a wrong password, an unknown email and a deactivated account alike", async () => {
    const user = await makeUser(["auditor"]);
    const gone = await makeUser(["auditor"]);
    await setUserActive(getDb(), systemTestActor, { userId: gone.id, active: false });
    for (const attempt of [
      { email: user.email, password: "wrong-password-1" },
      { email: "nobody@bank.example", password: TEST_PASSWORD },
      { email: gone.email, password: TEST_PASSWORD },
    ]) {
      expect(await checkPasswordSignIn(getDb(), { ...attempt, ip: null, now: at(1) })).toEqual({ ok: false, reason: "invalid_credentials" });
    }
  });

  it("locks an account after 5 failures in 15 minutes, even with the right password, then lets it in again", async () => {
    const user = await makeUser(["admin"]);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await checkPasswordSignIn(getDb(), { email: user.email, password: `bad-${i}-password`, ip: `10.1.0.${i}`, now: at(i) });
    }
    const locked = await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: "10.2.0.1", now: at(6) });
    expect(locked).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 9 * 60 });
    const later = await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: "10.2.0.1", now: at(16) });
    expect(later.ok).toBe(true);
  });

  it("a success clears the account's earlier failures", async () => {
    const user = await makeUser(["admin"]);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
      await checkPasswordSignIn(getDb(), { email: user.email, password: "nope-nope-nope", ip: null, now: at(i) });
    }
    expect((await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: null, now: at(5) })).ok).toBe(true);
    await checkPasswordSignIn(getDb(), { email: user.email, password: "nope-nope-nope", ip: null, now: at(6) });
    expect((await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: null, now: at(7) })).ok).toBe(true);
  });

  it("locks an address after 20 failures across any accounts", async () => {
    const user = await makeUser(["auditor"]);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await checkPasswordSignIn(getDb(), { email: `spray-${i}@bank.example`, password: "guess-guess-1", ip: "203.0.113.9", now: at(1) });
    }
    const fromThere = await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: "203.0.113.9", now: at(2) });
    expect(fromThere).toMatchObject({ ok: false, reason: "rate_limited" });
    const elsewhere = await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: "198.51.100.7", now: at(2) });
    expect(elsewhere.ok).toBe(true);
  });

  it("reads the caller's address from proxy headers and ignores junk", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "'; drop table users" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});
