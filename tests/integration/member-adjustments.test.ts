/**
 * Goodwill adjustments: up to the threshold they post at once; above it they wait for a second member
 * care user (maker-checker), and only then reach the ledger. Every refusal is coded and writes nothing;
 * concurrent approvals post once; debits never take a member below zero.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, journalEntries, lots, memberAdjustments, memberPrograms, postings } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { redeemPoints } from "@/lib/ledger/redeem";
import { approveAdjustment, getAdjustmentApprovalThreshold, listAdjustments, rejectAdjustment, requestAdjustment } from "@/lib/members/adjustments";
import { addExpiryStrategy } from "@/lib/programs";
import { setSetting } from "@/lib/settings";
import { actorFor, makeUser, systemTestActor } from "../support/fixtures";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

const THRESHOLD = "member_care.adjustment_approval_threshold";
let agent: Actor;
let checker: Actor;
let third: Actor;

beforeAll(async () => {
  agent = actorFor(await makeUser(["member_care"]));
  checker = actorFor(await makeUser(["member_care"]));
  third = actorFor(await makeUser(["member_care"]));
});

async function enrolled(points = 0) {
  const program = await makeProgram();
  const member = await makeMember([program.id]);
  if (points > 0) await award(member.id, program.id, points);
  return { program, member };
}

const balance = async (memberId: string, programId: string) =>
  (await getDb().select().from(memberPrograms).where(and(eq(memberPrograms.memberId, memberId), eq(memberPrograms.programId, programId))))[0]!;
const entriesFor = async (adjustmentId: string) => getDb().select().from(journalEntries).where(eq(journalEntries.reference, adjustmentId));
const adjustmentsOf = async (memberId: string) => getDb().select().from(memberAdjustments).where(eq(memberAdjustments.memberId, memberId));
const auditsOf = async (memberId: string, action: string) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.entityId, memberId), eq(auditLog.action, action)));
const codeOf = async (work: Promise<unknown>) => work.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const request = (memberId: string, programId: string, over: Record<string, unknown> = {}) => ({
  memberId,
  programId,
  direction: "credit",
  points: 500,
  reasonCode: "goodwill",
  note: "Flight delayed four hours",
  ...over,
});

describe("the approval threshold", () => {
  it("is 1,000 points by default, then the environment variable, then the saved setting; a nonsense value falls back to 1,000", async () => {
    expect(await getAdjustmentApprovalThreshold(getDb())).toBe(1000);
    process.env.COALITION_ADJUSTMENT_APPROVAL_THRESHOLD = "2500";
    try {
      expect(await getAdjustmentApprovalThreshold(getDb())).toBe(2500);
      await setSetting(getDb(), systemTestActor, THRESHOLD, "100");
      expect(await getAdjustmentApprovalThreshold(getDb())).toBe(100);
      const { program, member } = await enrolled();
      expect((await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 100 }))).status).toBe("posted");
      expect((await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 101 }))).status).toBe("pending_approval");
      await setSetting(getDb(), systemTestActor, THRESHOLD, "0");
      expect((await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 1 }))).status).toBe("pending_approval");
      await setSetting(getDb(), systemTestActor, THRESHOLD, "lots");
      expect(await getAdjustmentApprovalThreshold(getDb())).toBe(1000);
    } finally {
      delete process.env.COALITION_ADJUSTMENT_APPROVAL_THRESHOLD;
      await setSetting(getDb(), systemTestActor, THRESHOLD, "1000");
    }
  });
});

describe("a credit up to the threshold", () => {
  it("posts at once: balance, a lot expiring like an award's, a balanced entry and the audit record; lifetime moves with current", async () => {
    const { program, member } = await enrolled();
    await addExpiryStrategy(getDb(), systemTestActor, program.id, { name: "12 months", kind: "months", amount: 12, isDefault: true });
    const now = new Date("2026-03-10T08:00:00Z");
    const adjustment = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 1000 }), now);

    expect(adjustment).toMatchObject({ status: "posted", direction: "credit", points: 1000, requestedByLabel: agent.label, decidedById: null });
    expect(adjustment.entryId).toEqual(expect.any(Number));
    expect(await balance(member.id, program.id)).toMatchObject({ current: 1000, lifetime: 1000 });

    const [entry] = await entriesFor(adjustment.id);
    expect(entry).toMatchObject({ id: adjustment.entryId, kind: "adjustment", memberId: member.id, memo: "Goodwill gesture: Flight delayed four hours", actorLabel: agent.label });
    const lines = await getDb().select().from(postings).where(eq(postings.entryId, entry!.id));
    expect(lines.map((l) => l.amount).sort((a, b) => a - b)).toEqual([-1000, 1000]);

    const [lot] = await getDb().select().from(lots).where(eq(lots.entryId, entry!.id));
    const awarded = await award(member.id, program.id, 1, now);
    expect(lot).toMatchObject({ source: "adjustment", points: 1000, pointsLeft: 1000, awardedAt: now, expiresAt: awarded.expiresAt });
    expect(lot!.expiresAt).not.toBeNull();

    expect(await auditsOf(member.id, "member_adjustment.post")).toHaveLength(1);
    await expectLedgerHealthy();
  });

  it("a debit takes points earliest-expiry-first, as a redemption would", async () => {
    const { program, member } = await enrolled();
    await addExpiryStrategy(getDb(), systemTestActor, program.id, { name: "12 months", kind: "months", amount: 12, isDefault: true });
    const late = await award(member.id, program.id, 300, new Date("2026-02-01T06:00:00Z"));
    const early = await award(member.id, program.id, 200, new Date("2026-01-01T06:00:00Z"));
    const adjustment = await requestAdjustment(getDb(), agent, request(member.id, program.id, { direction: "debit", points: 250, reasonCode: "duplicate_credit", note: "Statement credited twice" }));

    expect(adjustment.status).toBe("posted");
    expect(await balance(member.id, program.id)).toMatchObject({ current: 250, lifetime: 250 });
    const left = new Map((await getDb().select().from(lots).where(eq(lots.memberId, member.id))).map((l) => [l.id, l.pointsLeft]));
    expect(left.get(early.lotId)).toBe(0);
    expect(left.get(late.lotId)).toBe(250);
    expect((await entriesFor(adjustment.id))[0]!.memo).toBe("Duplicate credit: Statement credited twice");
    await expectLedgerHealthy();
  });
});

describe("above the threshold: maker-checker", () => {
  it("waits with nothing in the ledger; the requester can neither approve nor reject; another user approves and it posts", async () => {
    const { program, member } = await enrolled();
    const pending = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 5000, reasonCode: "service_recovery" }));
    expect(pending).toMatchObject({ status: "pending_approval", entryId: null });
    expect(await entriesFor(pending.id)).toHaveLength(0);
    expect((await balance(member.id, program.id)).current).toBe(0);
    expect(await auditsOf(member.id, "member_adjustment.request")).toHaveLength(1);

    expect(await codeOf(approveAdjustment(getDb(), agent, { adjustmentId: pending.id }))).toBe("maker_checker");
    expect(await codeOf(rejectAdjustment(getDb(), agent, { adjustmentId: pending.id, note: "Typo" }))).toBe("maker_checker");
    expect((await adjustmentsOf(member.id))[0]!.status).toBe("pending_approval");

    const approved = await approveAdjustment(getDb(), checker, { adjustmentId: pending.id, note: "Checked the PNR" });
    expect(approved).toMatchObject({ status: "posted", decidedByLabel: checker.label, decisionNote: "Checked the PNR" });
    expect(await entriesFor(pending.id)).toHaveLength(1);
    expect((await balance(member.id, program.id)).current).toBe(5000);
    expect(await auditsOf(member.id, "member_adjustment.approve")).toHaveLength(1);

    expect(await codeOf(approveAdjustment(getDb(), third, { adjustmentId: pending.id }))).toBe("adjustment_not_pending");
    expect(await codeOf(rejectAdjustment(getDb(), third, { adjustmentId: pending.id, note: "Too late" }))).toBe("adjustment_not_pending");
    await expectLedgerHealthy();
  });

  it("a rejection needs a note and leaves the ledger alone", async () => {
    const { program, member } = await enrolled(100);
    const pending = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 20_000 }));
    expect(await codeOf(rejectAdjustment(getDb(), checker, { adjustmentId: pending.id, note: "   " }))).toBe("validation_failed");
    const rejected = await rejectAdjustment(getDb(), checker, { adjustmentId: pending.id, note: "No evidence of the missing flight" });
    expect(rejected).toMatchObject({ status: "rejected", entryId: null, decidedByLabel: checker.label, decisionNote: "No evidence of the missing flight" });
    expect(await entriesFor(pending.id)).toHaveLength(0);
    expect((await balance(member.id, program.id)).current).toBe(100);
    expect(await codeOf(approveAdjustment(getDb(), third, { adjustmentId: pending.id }))).toBe("adjustment_not_pending");
    expect(await codeOf(approveAdjustment(getDb(), third, { adjustmentId: "2b1f6e0e-0000-4000-8000-000000000000" }))).toBe("adjustment_not_found");
    expect(await codeOf(approveAdjustment(getDb(), third, { adjustmentId: "nope" }))).toBe("adjustment_not_found");
  });

  it("a pending debit the member can no longer pay is refused at approval and stays pending", async () => {
    const { program, member } = await enrolled(3000);
    const pending = await requestAdjustment(getDb(), agent, request(member.id, program.id, { direction: "debit", points: 2500, reasonCode: "correction" }));
    expect(pending.status).toBe("pending_approval");
    await redeemPoints(getDb(), systemTestActor, { memberId: member.id, programId: program.id, points: 1000, group: false });
    expect(await codeOf(approveAdjustment(getDb(), checker, { adjustmentId: pending.id }))).toBe("insufficient_points");
    expect((await adjustmentsOf(member.id))[0]).toMatchObject({ status: "pending_approval", entryId: null });
    expect((await balance(member.id, program.id)).current).toBe(2000);
    await expectLedgerHealthy();
  });
});

describe("refusals write nothing", () => {
  it("a debit of more than the member has: insufficient_points, at once or pending", async () => {
    const { program, member } = await enrolled(400);
    expect(await codeOf(requestAdjustment(getDb(), agent, request(member.id, program.id, { direction: "debit", points: 401 })))).toBe("insufficient_points");
    expect(await codeOf(requestAdjustment(getDb(), agent, request(member.id, program.id, { direction: "debit", points: 5000 })))).toBe("insufficient_points");
    expect(await adjustmentsOf(member.id)).toHaveLength(0);
    expect((await balance(member.id, program.id)).current).toBe(400);
    const [row] = await getDb().select({ n: count() }).from(journalEntries).where(and(eq(journalEntries.memberId, member.id), eq(journalEntries.kind, "adjustment")));
    expect(row!.n).toBe(0);
  });

  it("bad input gets a coded error naming the problem", async () => {
    const { program, member } = await enrolled(10);
    const other = await makeProgram();
    const unknown = "0b8f2c7e-1111-4222-8333-444455556666";
    const cases: [Record<string, unknown>, string][] = [
      [{ points: -5 }, "invalid_points"],
      [{ points: 0 }, "invalid_points"],
      [{ points: 2.5 }, "invalid_points"],
      [{ points: "12abc" }, "invalid_points"],
      [{ points: 10_000_001 }, "invalid_points"],
      [{ points: Number.MAX_SAFE_INTEGER * 2 }, "invalid_points"],
      [{ reasonCode: "because" }, "validation_failed"],
      [{ direction: "sideways" }, "validation_failed"],
      [{ note: "  " }, "validation_failed"],
      [{ note: "x".repeat(501) }, "validation_failed"],
      [{ memberId: unknown }, "member_not_found"],
      [{ memberId: "not-a-uuid" }, "member_not_found"],
      [{ programId: unknown }, "program_not_found"],
      [{ programId: other.id }, "member_not_enrolled"],
    ];
    for (const [over, code] of cases) expect(await codeOf(requestAdjustment(getDb(), agent, request(member.id, program.id, over))), JSON.stringify(over)).toBe(code);
    expect(await adjustmentsOf(member.id)).toHaveLength(0);
    expect(await auditsOf(member.id, "member_adjustment.post")).toHaveLength(0);
    expect((await balance(member.id, program.id)).current).toBe(10);
    // The largest allowed goes through (pending: it is above the threshold).
    expect((await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 10_000_000, note: `  ${"x".repeat(500)}  ` }))).status).toBe("pending_approval");
  });
});

describe("concurrency", () => {
  it("four approvals of one adjustment at once: exactly one posts, the balance moves once", async () => {
    const { program, member } = await enrolled();
    const pending = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 7000 }));
    const approvers = [checker, third, actorFor(await makeUser(["member_care"])), actorFor(await makeUser(["member_care"]))];
    const results = await Promise.all(approvers.map((a) => codeOf(approveAdjustment(getDb(), a, { adjustmentId: pending.id }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "adjustment_not_pending")).toHaveLength(3);
    expect((await balance(member.id, program.id)).current).toBe(7000);
    expect(await entriesFor(pending.id)).toHaveLength(1);
    expect(await auditsOf(member.id, "member_adjustment.approve")).toHaveLength(1);
    await expectLedgerHealthy();
  });

  it("an approval racing a rejection: one of them decides, the other is told", async () => {
    const { program, member } = await enrolled();
    const pending = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 3000 }));
    const results = await Promise.all([codeOf(approveAdjustment(getDb(), checker, { adjustmentId: pending.id })), codeOf(rejectAdjustment(getDb(), third, { adjustmentId: pending.id, note: "Duplicate request" }))]);
    expect(results.sort()).toEqual(["adjustment_not_pending", "ok"]);
    const [after] = await adjustmentsOf(member.id);
    expect((await balance(member.id, program.id)).current).toBe(after!.status === "posted" ? 3000 : 0);
    await expectLedgerHealthy();
  });

  it("debits and redemptions racing on one member never take it below zero", async () => {
    const { program, member } = await enrolled(1000);
    const work = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? codeOf(redeemPoints(getDb(), systemTestActor, { memberId: member.id, programId: program.id, points: 150, group: false }))
        : codeOf(requestAdjustment(getDb(), agent, request(member.id, program.id, { direction: "debit", points: 150, reasonCode: "correction" }))),
    );
    const results = await Promise.all(work);
    expect(results.every((r) => r === "ok" || r === "insufficient_points")).toBe(true);
    const succeeded = results.filter((r) => r === "ok").length;
    expect(succeeded).toBe(6);
    expect((await balance(member.id, program.id)).current).toBe(1000 - 6 * 150);
    const [neg] = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from lots where points_left < 0`);
    expect(neg!.n).toBe("0");
    await expectLedgerHealthy();
  });
});

describe("listing", () => {
  it("a member's adjustments newest first, the pending queue oldest first, paginated", async () => {
    const { program, member } = await enrolled(5000);
    const first = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 50 }), new Date("2026-01-01T00:00:00Z"));
    const second = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 4000 }), new Date("2026-01-02T00:00:00Z"));
    const third_ = await requestAdjustment(getDb(), agent, request(member.id, program.id, { points: 3000, direction: "debit" }), new Date("2026-01-03T00:00:00Z"));

    const page1 = await listAdjustments(getDb(), { memberId: member.id, page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.rows.map((r) => r.id)).toEqual([third_.id, second.id]);
    expect(page1.rows[0]).toMatchObject({ programCode: program.code, memberExternalId: member.externalId });
    expect((await listAdjustments(getDb(), { memberId: member.id, page: 2, pageSize: 2 })).rows.map((r) => r.id)).toEqual([first.id]);

    const queue = await listAdjustments(getDb(), { status: "pending_approval", order: "oldest", pageSize: 100 });
    const mine = queue.rows.filter((r) => r.memberId === member.id).map((r) => r.id);
    expect(mine).toEqual([second.id, third_.id]);
    expect(queue.rows.every((r) => r.status === "pending_approval")).toBe(true);
  });
});
