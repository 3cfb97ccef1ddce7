/** Post-paid billing: statements bill every unbilled partner transaction exactly once, numbered without gaps, however closes and earns interleave. */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, partnerStatements, partnerTransactions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { statementAmountDue } from "@/lib/engine/partners";
import { closeBillingCycle, listStatements, openBillingCycle } from "@/lib/partners/billing";
import { actorFor, makeUser } from "../support/fixtures";
import { earnContext, insertPartnerTransaction, partnerWithProgram, POSTPAID } from "../support/partners";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

let manager: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  manager = await makeUser(["partner_manager"]);
});

describe("closeBillingCycle", () => {
  it("bills the open cycle once, at the agreed price rounded once, and starts the next where it ended", async () => {
    const partner = await partnerWithProgram(POSTPAID);
    const ctx = await earnContext(partner.hostProgramId);
    await insertPartnerTransaction(partner.id, ctx, 100, 150);
    await insertPartnerTransaction(partner.id, ctx, 7, 11);
    const open = await openBillingCycle(getDb(), partner.id);
    expect(open).toMatchObject({ periodFrom: null, transactionCount: 2, points: 107, debitPoints: 161, currency: "INR", nextNumber: 1 });
    // 161 × 0.35 = ₹56.35 → 5635 paise.
    expect(open.amountDue).toBe(5635);

    const first = await closeBillingCycle(getDb(), actorFor(manager), partner.id);
    expect(first).toMatchObject({ number: 1, periodFrom: null, transactionCount: 2, points: 161, amountDue: 5635, currency: "INR", closedBy: manager.id });
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.entityId, first.id));
    expect(audit).toMatchObject({ action: "partner_statement.close", entityType: "partner_statement" });

    await expect(closeBillingCycle(getDb(), actorFor(manager), partner.id)).rejects.toMatchObject({ code: "nothing_to_bill" });
    await insertPartnerTransaction(partner.id, ctx, 1, 2);
    const second = await closeBillingCycle(getDb(), actorFor(manager), partner.id);
    expect(second).toMatchObject({ number: 2, transactionCount: 1, points: 2, amountDue: statementAmountDue(2, "0.35", "INR") });
    expect(second.periodFrom).toEqual(first.periodTo);
    const listed = await listStatements(getDb(), partner.id);
    expect(listed.total).toBe(2);
    expect(listed.rows.map((s) => [s.number, s.pointsGiven])).toEqual([
      [2, 1],
      [1, 107],
    ]);
  });

  it("refuses a prepaid partner and an unknown one", async () => {
    const prepaid = await partnerWithProgram();
    await expect(closeBillingCycle(getDb(), actorFor(manager), prepaid.id)).rejects.toMatchObject({ code: "not_postpaid" });
    await expect(openBillingCycle(getDb(), prepaid.id)).rejects.toMatchObject({ code: "not_postpaid" });
    await expect(closeBillingCycle(getDb(), actorFor(manager), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "partner_not_found" });
    await expect(closeBillingCycle(getDb(), actorFor(manager), "x")).rejects.toMatchObject({ code: "partner_not_found" });
  });

  it("with closes and earn transactions racing, bills every transaction exactly once, in consecutive statements", async () => {
    const partner = await partnerWithProgram(POSTPAID);
    const ctx = await earnContext(partner.hostProgramId);
    const inserted: string[] = [];
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 40; i++) inserted.push((await insertPartnerTransaction(partner.id, ctx, 10 + i, 15 + i, `W${w}-${i}`)).id);
    });
    const closers = Array.from({ length: 3 }, async () => {
      let closed = 0;
      for (let i = 0; i < 8; i++) {
        try {
          await closeBillingCycle(getDb(), actorFor(manager), partner.id);
          closed++;
        } catch (error) {
          expect(error).toMatchObject({ code: "nothing_to_bill" });
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return closed;
    });
    await Promise.all([...writers, ...closers]);
    // Whatever arrived after the last close goes into one more statement.
    await closeBillingCycle(getDb(), actorFor(manager), partner.id).catch((e) => expect(e).toMatchObject({ code: "nothing_to_bill" }));

    const rows = await getDb().select().from(partnerTransactions).where(eq(partnerTransactions.partnerId, partner.id));
    expect(rows).toHaveLength(160);
    expect(rows.every((r) => r.statementId !== null)).toBe(true);
    const statements = await getDb().select().from(partnerStatements).where(eq(partnerStatements.partnerId, partner.id)).orderBy(partnerStatements.number);
    expect(statements.map((s) => s.number)).toEqual(statements.map((_, i) => i + 1));
    // Each statement's totals are exactly the sum of the transactions that point at it, and they partition all of them.
    for (const s of statements) {
      const mine = rows.filter((r) => r.statementId === s.id);
      expect(s.transactionCount).toBe(mine.length);
      expect(s.points).toBe(mine.reduce((t, r) => t + r.debitPoints, 0));
      expect(s.amountDue).toBe(statementAmountDue(s.points, "0.35", "INR"));
    }
    expect(statements.reduce((t, s) => t + s.transactionCount, 0)).toBe(160);
    for (let i = 1; i < statements.length; i++) expect(statements[i]!.periodFrom).toEqual(statements[i - 1]!.periodTo);
    const [orphans] = await getDb().execute<{ n: string }>(
      sql`select count(*)::text as n from partner_transactions t where t.partner_id = ${partner.id} and not exists (select 1 from partner_statements s where s.id = t.statement_id)`,
    );
    expect(orphans!.n).toBe("0");
  });
});

describe("statement CSV", () => {
  it("lists each billed line: date, transaction and member external ids, points and debit points", async () => {
    const { GET } = await import("@/app/(console)/partners/[partnerId]/statements/[statementId]/csv/route");
    const partner = await partnerWithProgram(POSTPAID);
    const ctx = await earnContext(partner.hostProgramId);
    await insertPartnerTransaction(partner.id, ctx, 100, 150, "=SUM(A1)");
    await insertPartnerTransaction(partner.id, ctx, 7, 11, "TX-2");
    const statement = await closeBillingCycle(getDb(), actorFor(manager), partner.id);
    const call = (partnerId: string, statementId: string) => GET(new Request("http://localhost/csv"), { params: Promise.resolve({ partnerId, statementId }) });

    session.user = null;
    expect((await call(partner.id, statement.id)).status).toBe(401);
    const careAgent = await makeUser(["admin"]);
    session.user = { id: careAgent.id, email: careAgent.email, name: careAgent.name, roles: ["admin"] };
    expect((await call(partner.id, statement.id)).status).toBe(403);

    session.user = { id: manager.id, email: manager.email, name: manager.name, roles: ["partner_manager"] };
    expect((await call((await partnerWithProgram(POSTPAID)).id, statement.id)).status).toBe(404);
    expect((await call(partner.id, "nope")).status).toBe(404);
    const response = await call(partner.id, statement.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain(`${partner.code}-statement-1.csv`);
    const lines = (await response.text()).replace(/^\ufeff/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,transaction_external_id,member_external_id,points,debit_points");
    const body = lines.slice(1).map((l) => l.split(","));
    expect(body).toHaveLength(2);
    expect(body.map((c) => [c[1], c[2], c[3], c[4]])).toEqual([
      ["'=SUM(A1)", ctx.member.externalId, "100", "150"],
      ["TX-2", ctx.member.externalId, "7", "11"],
    ]);
    expect(body.every((c) => !Number.isNaN(Date.parse(c[0]!)))).toBe(true);
  });
});
