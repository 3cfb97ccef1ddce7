/**
 * Member care's server actions (goodwill adjustments and their approval, notes, the approval threshold)
 * × every role: refused without the permission with nothing written, let through with it. Adjustments
 * to decide are requested by the system, so that maker-checker never stands in the way of a role that may decide.
 */
import { vi } from "vitest";
import { getDb } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import { requestAdjustment } from "@/lib/members/adjustments";
import { systemTestActor } from "../support/fixtures";
import { award, makeMember, makeProgram } from "../support/ledger";
import { describeRoleMatrix, discoverActions, form, type MatrixRow } from "../support/role-matrix";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const MEMBER_CARE_ACTIONS = /^(members\/\[memberId\]\/(adjustments|notes)|adjustments|settings\/member-care)\//;
const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const actions = discoverActions(modules).filter((a) => MEMBER_CARE_ACTIONS.test(a.key));

const enrolled = async (points = 0) => {
  const program = await makeProgram();
  const member = await makeMember([program.id]);
  if (points > 0) await award(member.id, program.id, points);
  return { memberId: member.id, programId: program.id };
};
const pending = async () =>
  (await requestAdjustment(getDb(), systemTestActor, { ...(await enrolled(100)), direction: "credit", points: 50_000, reasonCode: "missing_points", note: "Partner file was late" })).id;

const MATRIX: Record<string, MatrixRow> = {
  "members/[memberId]/adjustments/actions.ts#requestAdjustmentAction": {
    permission: "members:adjust",
    input: async () => form({ ...(await enrolled()), direction: "credit", points: "250", reasonCode: "goodwill", note: "Lounge closed" }),
  },
  "adjustments/actions.ts#approveAdjustmentAction": { permission: "members:adjust", input: async () => form({ adjustmentId: await pending() }) },
  "adjustments/actions.ts#rejectAdjustmentAction": { permission: "members:adjust", input: async () => form({ adjustmentId: await pending(), note: "No evidence" }) },
  "members/[memberId]/notes/actions.ts#addNoteAction": { permission: "members:write", input: async () => form({ memberId: (await enrolled()).memberId, body: "Asked about tier benefits" }) },
  "settings/member-care/actions.ts#saveAdjustmentThresholdAction": { permission: "settings:write", input: async () => form({ threshold: "1,000" }) },
};

describeRoleMatrix(actions, MATRIX, (user) => (session.user = user));
