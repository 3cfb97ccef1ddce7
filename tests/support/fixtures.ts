import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import type { Actor } from "@/lib/actor";
import type { Role } from "@/lib/auth/permissions";
import { createUser, type PublicUser } from "@/lib/users";

export const TEST_PASSWORD = "correct-horse-battery";

/** A fresh user with the given roles and a unique email. */
export async function makeUser(roles: Role[], overrides: { email?: string; name?: string } = {}): Promise<PublicUser> {
  const email = overrides.email ?? `${roles.join("-") || "none"}-${randomUUID().slice(0, 8)}@test.coalition`;
  return createUser(getDb(), systemTestActor, { email, name: overrides.name ?? `Test ${roles.join(" ")}`, password: TEST_PASSWORD, roles });
}

export const systemTestActor: Actor = { type: "system", id: null, label: "test" };

export function actorFor(user: PublicUser): Actor {
  return { type: "user", id: user.id, label: user.email, roles: user.roles };
}
