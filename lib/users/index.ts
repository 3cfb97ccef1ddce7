import "server-only";
import { and, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { CreateUserInput } from "./schemas";

/** A user as shown and audited: never the password hash. */
export type PublicUser = Omit<User, "passwordHash" | "roles"> & { roles: Role[] };

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _hash, ...rest } = user;
  return { ...rest, roles: user.roles as Role[] };
}

const auditView = (u: User) => ({ email: u.email, name: u.name, roles: u.roles, active: u.active });

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function getUser(db: DbOrTx, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function createUser(db: DbOrTx, actor: Actor, input: CreateUserInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  // One transaction: the user and its audit record are written together or not at all.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, roles: input.roles })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new DomainError("email_taken", `A user with the email ${input.email} already exists.`, { field: "email" });
    await writeAudit(tx, actor, { action: "user.create", entityType: "user", entityId: row.id, after: auditView(row) });
    return toPublicUser(row);
  });
}

/** Locks the user row for the rest of the transaction, so concurrent edits apply one after the other. */
async function lockUser(tx: DbOrTx, userId: string): Promise<User> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new DomainError("not_found", "No such user.", { userId });
  return row;
}

export async function updateUserRoles(db: DbOrTx, actor: Actor, input: { userId: string; roles: Role[] }): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if (actor.type === "user" && actor.id === input.userId && before.roles.includes("admin") && !input.roles.includes("admin")) {
      throw new DomainError("cannot_remove_own_admin", "You cannot remove the admin role from your own account.");
    }
    const [after] = await tx
      .update(users)
      .set({ roles: input.roles, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning();
    await writeAudit(tx, actor, { action: "user.update_roles", entityType: "user", entityId: input.userId, before: auditView(before), after: auditView(after!) });
    return toPublicUser(after!);
  });
}

export async function setUserActive(db: DbOrTx, actor: Actor, input: { userId: string; active: boolean }): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if (!input.active && actor.type === "user" && actor.id === input.userId) {
      throw new DomainError("cannot_deactivate_self", "You cannot deactivate your own account.");
    }
    const [after] = await tx
      .update(users)
      .set({ active: input.active, deactivatedAt: input.active ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning();
    await writeAudit(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: input.userId,
      before: auditView(before),
      after: auditView(after!),
    });
    return toPublicUser(after!);
  });
}

export async function setUserPassword(db: DbOrTx, actor: Actor, input: { userId: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await lockUser(tx, input.userId);
    // A new password ends every session that began with the old one.
    const now = new Date();
    await tx.update(users).set({ passwordHash, sessionsValidAfter: now, updatedAt: now }).where(eq(users.id, input.userId));
    await writeAudit(tx, actor, { action: "user.set_password", entityType: "user", entityId: input.userId });
  });
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

export async function listUsers(db: DbOrTx, options: { page?: number; pageSize?: number; q?: string } = {}): Promise<Page<PublicUser>> {
  const page = Math.max(1, options.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 25));
  const q = options.q?.trim();
  const where = q ? or(ilike(users.email, `${escapeLike(q)}%`), ilike(users.name, `%${escapeLike(q)}%`)) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(desc(users.active), users.email).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(users).where(and(where)),
  ]);
  return { rows: rows.map(toPublicUser), total, page, pageSize };
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
