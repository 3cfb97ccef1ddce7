/**
 * Retry and reverse of a partner credit, through their server actions, for every role: member care
 * and partner managers may (fulfilments:manage); the others are refused and nothing changes.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import type { ActionState } from "@/lib/auth/action";
import { can, ROLES } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { dispatchOutbox } from "@/lib/outbox/dispatch";
import { makeUser } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { makeApiPartner, PARTNER_SECRET, pendingPartnerCredits } from "../support/partners";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { retryCreditAction, reverseCreditAction } = await import("@/app/(console)/members/[memberId]/fulfilments/credit-actions");

let ledger: DemoPartnerLedger;
beforeAll(async () => {
  ledger = await startDemoPartnerLedger({ secret: PARTNER_SECRET });
});
afterAll(() => ledger.close());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const lastReason = async (id: string) => (await getDb().execute<{ reason: string }>(sql`select reason from fulfilment_events where fulfilment_id = ${id} order by id desc limit 1`))[0]!.reason;
const state = async (id: string) => (await getDb().execute<{ state: string }>(sql`select state from fulfilments where id = ${id}`))[0]!.state;

/** One failed and one posted credit of a fresh member. */
async function credits() {
  const program = await makeProgram();
  const partner = await makeApiPartner(program.id, { url: ledger.url });
  const member = await makeMember([program.id]);
  ledger.behaviour.rejectShare = 1;
  await pendingPartnerCredits(member.id, partner.id, 1);
  await dispatchOutbox(getDb());
  ledger.behaviour.rejectShare = 0;
  await pendingPartnerCredits(member.id, partner.id, 1);
  await dispatchOutbox(getDb());
  const rows = await getDb().execute<{ id: string; state: string }>(sql`select id::text, state from fulfilments where member_id = ${member.id}`);
  return { memberId: member.id, failed: rows.find((r) => r.state === "failed")!.id, posted: rows.find((r) => r.state === "posted")!.id };
}

describe.each(ROLES)("%s", (role) => {
  const allowed = can([role], "fulfilments:manage");
  it(`${allowed ? "may" : "may not"} retry a failed credit and reverse a posted one`, async () => {
    expect(allowed).toBe(role === "member_care" || role === "partner_manager");
    const user = await makeUser([role]);
    session.user = { id: user.id, email: user.email, name: user.name, roles: user.roles } as SessionUser;
    const c = await credits();
    const retried: ActionState = await retryCreditAction(undefined, form({ memberId: c.memberId, fulfilmentId: c.failed, reason: "Partner fixed the account" }));
    const reversed: ActionState = await reverseCreditAction(undefined, form({ memberId: c.memberId, fulfilmentId: c.posted, reason: "Member asked to undo it" }));
    if (allowed) {
      expect(retried).toMatchObject({ success: true });
      expect(await lastReason(c.failed)).toMatch(/^Sent again at the request of .* — Partner fixed the account$/);
      expect(await lastReason(c.posted)).toMatch(/^Reversal of 500 requested by .* — Member asked to undo it$/);
      expect(reversed).toMatchObject({ success: true });
      expect(await state(c.failed)).toBe("pending");
      await dispatchOutbox(getDb());
      expect(await state(c.failed)).toBe("posted");
      expect(await state(c.posted)).toBe("reversed");
      // Refusals come back as a message, not a 5xx: retrying a posted credit, reversing a reversed one.
      expect(await retryCreditAction(undefined, form({ memberId: c.memberId, fulfilmentId: c.failed, reason: "Partner fixed the account" }))).toMatchObject({ success: false, code: "not_retryable" });
      expect(await reverseCreditAction(undefined, form({ memberId: c.memberId, fulfilmentId: c.posted, reason: "Member asked to undo it" }))).toMatchObject({ success: false, code: "not_reversible" });
    } else {
      expect(retried).toMatchObject({ success: false, code: "forbidden" });
      expect(reversed).toMatchObject({ success: false, code: "forbidden" });
      expect(await state(c.failed)).toBe("failed");
      expect(await state(c.posted)).toBe("posted");
    }
    // The console asks why: without a reason nothing is sent.
    expect(await retryCreditAction(undefined, form({ memberId: c.memberId, fulfilmentId: c.failed }))).toMatchObject({ success: false, code: allowed ? "validation_failed" : "forbidden" });
    expect(await retryCreditAction(undefined, form({ memberId: c.memberId, fulfilmentId: "not-a-uuid", reason: "Typo check" }))).toMatchObject({ success: false, code: allowed ? "validation_failed" : "forbidden" });
  });
});
