/**
 * Issue 7's server actions (run a job now; promotional points: award one, upload a file) × every
 * role: refused without the permission with nothing written, let through with it.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, vi } from "vitest";
import { getDb } from "@/db";
import { createBoss, SCHEDULED_QUEUE_OPTIONS } from "@/lib/jobs";
import type { SessionUser } from "@/lib/auth/session";
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
const actions = discoverActions(modules).filter((a) => /^(settings\/jobs|programs\/promotions)\//.test(a.key));

const JOB = "housekeeping.prune-sign-in-attempts";
const boss = createBoss(process.env.DATABASE_URL!);
beforeAll(async () => {
  // The queue exists (a worker has started) but no worker serves it: each run stays queued.
  await boss.start();
  await boss.createQueue(JOB, { name: JOB, ...SCHEDULED_QUEUE_OPTIONS });
});
afterAll(() => boss.stop({ graceful: false, timeout: 1_000 }));

const enrolled = async () => {
  const program = await makeProgram();
  return { program, member: await makeMember([program.id]) };
};

const MATRIX: Record<string, MatrixRow> = {
  "settings/jobs/actions.ts#runJobNowAction": {
    permission: "jobs:run",
    input: async () => {
      await getDb().execute(sql`delete from pgboss.job where name = ${JOB}`);
      return form({ jobName: JOB });
    },
  },
  "programs/promotions/actions.ts#awardPromotionalPointsAction": {
    permission: "programs:write",
    input: async () => {
      const { program, member } = await enrolled();
      return form({ memberId: member.id, programId: program.id, points: "250", reason: "Matrix campaign", expiryStrategyId: "", awardedOn: "2026-01-15", externalReference: "" });
    },
  },
  "programs/promotions/actions.ts#uploadPromotionsAction": {
    permission: "programs:write",
    input: async () => {
      const { program, member } = await enrolled();
      return form({ fileName: "matrix.csv", content: `member,program,points,reason\next:${member.externalId},${program.code},10,Matrix ${randomUUID()}\n` });
    },
  },
};

describeRoleMatrix(actions, MATRIX, (user) => (session.user = user));
