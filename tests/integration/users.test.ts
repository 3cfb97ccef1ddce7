import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { createUser, listUsers, setUserActive, setUserPassword, updateUserRoles } from "@/lib/users";
import { checkPasswordSignIn } from "@/lib/auth/sign-in";
import { actorFor, makeUser, systemTestActor, TEST_PASSWORD } from "../support/fixtures";

describe("users", () => {
  it("creates a user with a hashed password and an audit record in the same transaction", async () => {
    const user = await makeUser(["program_manager"], { email: "Pat.Manager@Bank.example" });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
    expect(JSON.stringify(audit[0]?.after)).not.toContain("passwordHash");
  });

  it("refuses a second user with the same email in any letter case, and writes nothing", async () => {
    await makeUser(["auditor"], { email: "dup@bank.example" });
    const before = await getDb().select().from(auditLog);
    await expect(
      createUser(getDb(), systemTestActor, { email: "DUP@bank.example", name: "Again", password: TEST_PASSWORD, roles: ["auditor"] }),
    ).rejects.toMatchObject({ code: "email_taken" });
    expect(await getDb().select().from(auditLog)).toHaveLength(before.length);
  });

  it("records roles before and after, and stops an admin from removing their own admin role", async () => {
    const admin = await makeUser(["admin"]);
    const other = await makeUser(["auditor"]);
    const updated = await updateUserRoles(getDb(), actorFor(admin), { userId: other.id, roles: ["member_care", "auditor"] });
    expect(updated.roles).toEqual(["member_care", "auditor"]);
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.update_roles"));
    expect(entry?.before).toMatchObject({ roles: ["auditor"] });
    expect(entry?.after).toMatchObject({ roles: ["member_care", "auditor"] });
    await expect(updateUserRoles(getDb(), actorFor(admin), { userId: admin.id, roles: ["auditor"] })).rejects.toMatchObject({
      code: "cannot_remove_own_admin",
    });
  });

  it("deactivates and reactivates, but never the acting user", async () => {
    const admin = await makeUser(["admin"]);
    const other = await makeUser(["member_care"]);
    expect((await setUserActive(getDb(), actorFor(admin), { userId: other.id, active: false })).active).toBe(false);
    expect((await setUserActive(getDb(), actorFor(admin), { userId: other.id, active: true })).active).toBe(true);
    await expect(setUserActive(getDb(), actorFor(admin), { userId: admin.id, active: false })).rejects.toMatchObject({
      code: "cannot_deactivate_self",
    });
  });

  it("pages and searches the user list", async () => {
    for (let i = 0; i < 7; i++) await makeUser(["auditor"], { email: `pager-${i}@bank.example` });
    const first = await listUsers(getDb(), { q: "pager-", page: 1, pageSize: 5 });
    const second = await listUsers(getDb(), { q: "pager-", page: 2, pageSize: 5 });
    expect(first.total).toBe(7);
    expect(first.rows).toHaveLength(5);
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((u) => u.email)).size).toBe(7);
  });

  it("a password reset replaces the old password and ends sessions begun before it", async () => {
    const admin = await makeUser(["admin"]);
    const user = await makeUser(["auditor"]);
    const before = Date.now();
    await setUserPassword(getDb(), actorFor(admin), { userId: user.id, password: "a-brand-new-password" });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row!.sessionsValidAfter!.getTime()).toBeGreaterThanOrEqual(before);
    expect((await checkPasswordSignIn(getDb(), { email: user.email, password: TEST_PASSWORD, ip: null })).ok).toBe(false);
    expect((await checkPasswordSignIn(getDb(), { email: user.email, password: "a-brand-new-password", ip: null })).ok).toBe(true);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.set_password"));
    expect(audit.map((a) => a.entityId)).toEqual([user.id]);
  });
});
