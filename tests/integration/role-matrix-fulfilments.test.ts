/**
 * Member care's fulfilment actions on the member page (claim for the member, retry, reverse), each
 * with its required reason, × every role: refused without fulfilments:manage with nothing written,
 * let through with it (and audited). Each call gets a fulfilment of its own, written directly.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { fulfilments } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { makeUser } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { describeRoleMatrix, discoverActions, form, type MatrixRow } from "../support/role-matrix";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const PATH = "/app/(console)/members/[memberId]/fulfilments/credit-actions.ts";
const creditActions = await import("@/app/(console)/members/[memberId]/fulfilments/credit-actions");
const actions = discoverActions({ [PATH]: creditActions });

/** A fulfilment of a fresh member, in the state the action starts from. */
async function fulfilment(kind: "claim" | "retry" | "reverse", overrides: Partial<typeof fulfilments.$inferInsert> = {}) {
  const program = await makeProgram();
  const member = await makeMember([program.id]);
  const base = { memberId: member.id, programId: program.id, value: 250, narration: "250 points for the matrix" };
  const values =
    kind === "claim"
      ? { ...base, outcomeType: "reward_points", state: "pending", postingMethod: "claim", claimExpiresAt: new Date(Date.now() + 7 * 86_400_000) }
      : { ...base, outcomeType: "partner_points", state: kind === "retry" ? "failed" : "posted", postingMethod: "automatic" };
  const [row] = await getDb()
    .insert(fulfilments)
    .values({ ...values, ...overrides })
    .returning();
  return row!;
}
const input = (kind: "claim" | "retry" | "reverse") => async () => {
  const f = await fulfilment(kind);
  return form({ memberId: f.memberId, fulfilmentId: f.id, reason: `Member called: ${kind} it please` });
};

const key = (name: string) => `members/[memberId]/fulfilments/credit-actions.ts#${name}`;
const MATRIX: Record<string, MatrixRow> = {
  [key("claimForMemberAction")]: { permission: "fulfilments:manage", input: input("claim") },
  [key("retryCreditAction")]: { permission: "fulfilments:manage", input: input("retry") },
  [key("reverseCreditAction")]: { permission: "fulfilments:manage", input: input("reverse") },
};

describeRoleMatrix(actions, MATRIX, (user) => (session.user = user));

const history = async (id: string) => (await getDb().execute<{ reason: string }>(sql`select reason from fulfilment_events where fulfilment_id = ${id} order by id`)).map((r) => r.reason);
const audit = async (id: string) => (await getDb().execute<{ action: string; after: { reason?: string; state?: string } }>(sql`select action, after from audit_log where entity_id = ${id}`))[0];

describe("claim for the member, from the member page", () => {
  const signIn = async () => {
    const user = await makeUser(["member_care"]);
    session.user = { id: user.id, email: user.email, name: user.name, roles: ["member_care"] };
    return user;
  };

  it("posts the points, and writes the agent's reason into the history and the audit record", async () => {
    const agent = await signIn();
    const f = await fulfilment("claim");
    const result = await creditActions.claimForMemberAction(undefined, form({ memberId: f.memberId, fulfilmentId: f.id, reason: "  Member could not open the app  " }));
    expect(result).toMatchObject({ success: true, message: expect.stringMatching(/in the member's balance/) });
    const [after] = await getDb().execute<{ state: string; current: string }>(
      sql`select f.state, mp.current from fulfilments f join member_programs mp on mp.member_id = f.member_id where f.id = ${f.id}`,
    );
    expect(after).toMatchObject({ state: "posted", current: "250" });
    expect(await history(f.id)).toEqual([`Claimed on the member's behalf by ${agent.email}; posted to the points ledger — Member could not open the app`]);
    expect(await audit(f.id)).toMatchObject({ action: "fulfilment.claim", after: { state: "posted", reason: "Member could not open the app" } });
  });

  it("refuses without a reason, with a too short or too long one, after the window, or twice, changing nothing", async () => {
    await signIn();
    const f = await fulfilment("claim");
    const claim = (reason?: string, id = f.id) => creditActions.claimForMemberAction(undefined, form({ memberId: f.memberId, fulfilmentId: id, ...(reason === undefined ? {} : { reason }) }));
    expect(await claim()).toMatchObject({ success: false, code: "validation_failed", errors: { reason: ["Say why, in 3 to 300 characters."] } });
    expect(await claim(" ok ")).toMatchObject({ success: false, code: "validation_failed", errors: { reason: ["Say why, in at least 3 characters."] } });
    expect(await claim("x".repeat(301))).toMatchObject({ success: false, code: "validation_failed", errors: { reason: ["Use at most 300 characters."] } });
    expect(await history(f.id)).toEqual([]);

    const closed = await fulfilment("claim", { claimExpiresAt: new Date(Date.now() - 1000) });
    expect(await creditActions.claimForMemberAction(undefined, form({ memberId: closed.memberId, fulfilmentId: closed.id, reason: "Too late?" }))).toMatchObject({
      success: false,
      code: "claim_window_closed",
    });
    const other = await fulfilment("claim");
    expect(await claim("Someone else's", other.id)).toMatchObject({ success: false, code: "fulfilment_not_found" });

    expect(await claim("First claim")).toMatchObject({ success: true });
    expect(await claim("Second claim")).toMatchObject({ success: false, code: "not_claimable" });
    expect(await history(f.id)).toHaveLength(1);
  });
});
