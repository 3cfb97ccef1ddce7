/**
 * The tier actions × every role: only a programme manager's permission (programs:write) sets a tier's
 * rules or puts a member in a tier by hand; everyone else is refused with nothing written.
 */
import { vi } from "vitest";
import { getDb } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import { addTier } from "@/lib/programs";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { describeRoleMatrix, discoverActions, form, type MatrixRow } from "../support/role-matrix";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const actions = discoverActions(modules).filter((a) => /^(programs\/\[programId\]\/tiers|members\/\[memberId\]\/tier)\//.test(a.key));

const MATRIX: Record<string, MatrixRow> = {
  "programs/[programId]/tiers/actions.ts#setTierRulesAction": {
    permission: "programs:write",
    input: async () => {
      const gold = await addTier(getDb(), systemTestActor, (await makeProgram()).id, { name: "Gold" });
      return form({ tierId: gold.id, upgradeKind: "lifetime_points", upgradeThreshold: "10,000", downgradeKind: "inactivity", inactivityMonths: "6", earnMultiplier: "1.25", upgradeBonusPoints: "500" });
    },
  },
  "members/[memberId]/tier/actions.ts#assignTierAction": {
    permission: "programs:write",
    input: async () => {
      const program = await makeProgram();
      const gold = await addTier(getDb(), systemTestActor, program.id, { name: "Gold" });
      const member = await makeMember([program.id]);
      return form({ memberId: member.id, programId: program.id, tierId: gold.id, reason: "Status match with another bank" });
    },
  },
};

describeRoleMatrix(actions, MATRIX, (user) => (session.user = user));
