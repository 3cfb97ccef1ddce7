/**
 * Every server action × every role: a role without the permission is refused and nothing changes; a
 * role with it gets through (and, for a mutation, leaves an audit record). Shared by the role-matrix
 * test files; each mocks the session itself (vi.mock is per file) and passes its setter here.
 */
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import type { ActionState } from "@/lib/auth/action";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { makeUser } from "./fixtures";

export type Action = (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;
/** The permission an action needs and a valid input for it; `audited: false` for actions that change nothing. */
/** `input` gets the user the action will run as (none when signed out), for actions only the author of something may take. */
export type MatrixRow = { permission: Permission | null; input: (as?: SessionUser) => Promise<FormData>; audited?: boolean };

export const form = (entries: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) f.append(Array.isArray(v) ? `${k}[]` : k, x);
  return f;
};

/** The exported functions of `/app/**\/actions.ts` modules, keyed "area/actions.ts#name". */
export function discoverActions(modules: Record<string, Record<string, unknown>>): { key: string; fn: Action }[] {
  return Object.entries(modules).flatMap(([path, mod]) =>
    Object.entries(mod)
      .filter(([, v]) => typeof v === "function")
      .map(([name, fn]) => ({ key: `${path.replace(/^\/app\/(\([^)]+\)\/)*/, "")}#${name}`, fn: fn as Action })),
  );
}

const auditRows = async () => (await getDb().select({ n: count() }).from(auditLog))[0]!.n;

export function describeRoleMatrix(actions: { key: string; fn: Action }[], matrix: Record<string, MatrixRow>, setSession: (user: SessionUser | null) => void) {
  const users: Partial<Record<Role, SessionUser>> = {};
  beforeAll(async () => {
    for (const role of ROLES) {
      const u = await makeUser([role]);
      users[role] = { id: u.id, email: u.email, name: u.name, roles: [role] };
    }
  });

  describe("server actions × roles", () => {
    it("every exported server action has a row in the matrix", () => {
      expect(actions.map((a) => a.key).sort()).toEqual(Object.keys(matrix).sort());
    });

    for (const { key, fn } of actions) {
      const spec = matrix[key];
      if (!spec) continue;
      describe(key, () => {
        it("refuses a signed-out caller and changes nothing", async () => {
          const input = await spec.input();
          const before = await auditRows();
          setSession(null);
          expect(await fn(undefined, input)).toMatchObject({ success: false, code: "unauthenticated" });
          expect(await auditRows()).toBe(before);
        });

        for (const role of ROLES) {
          const allowed = spec.permission === null || can([role], spec.permission);
          it(`${allowed ? "lets" : "refuses"} ${role}`, async () => {
            const input = await spec.input(users[role]!);
            const before = await auditRows();
            setSession(users[role]!);
            const result = await fn(undefined, input);
            if (allowed) {
              expect(result, JSON.stringify(result)).toMatchObject({ success: true });
              if (spec.audited !== false) expect(await auditRows()).toBeGreaterThan(before);
            } else {
              expect(result).toMatchObject({ success: false, code: "forbidden" });
              expect(await auditRows()).toBe(before);
            }
          });
        }
      });
    }
  });
}
