/**
 * A member's statement: the opening balance, every movement in the period (in the programme's time
 * zone) and the closing balance, which is the balance of the account at the end of the period; and
 * its CSV and PDF downloads, which check the session themselves.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { fulfilments, memberPrograms } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { parseCsv } from "@/lib/imports/csv";
import { awardPoints } from "@/lib/ledger/award";
import { addToBalances, moveLots, postEntry, systemAccountId } from "@/lib/ledger/posting";
import { redeemPoints, reverseRedemption } from "@/lib/ledger/redeem";
import { takeBackPoints } from "@/lib/ledger/take-back";
import { transferPoints } from "@/lib/ledger/transfer";
import { balanceBefore, memberStatement, statementFromParams } from "@/lib/members/statement";
import { statementCsv } from "@/lib/members/statement-csv";
import { parseStatementPeriod } from "@/lib/members/statement-period";
import { makeUser, systemTestActor } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

const db = () => getDb();
const at = (iso: string) => new Date(iso);
const award = (memberId: string, programId: string, points: number, when: string, reason = "Promotional points") =>
  awardPoints(db(), systemTestActor, { memberId, programId, points, reason, awardedAt: at(when) }, at(when));

/** Points reaching their expiry date, as the expiry job would post them: member → expired, from the lot. */
async function expire(memberId: string, programId: string, lotId: number, points: number, when: string) {
  await db().transaction(async (tx) => {
    const accountId = await accountOf(memberId);
    const entryId = await postEntry(tx, {
      kind: "expiry",
      memberId,
      actorLabel: "test",
      at: at(when),
      postings: [
        { accountId, amount: -points },
        { accountId: await systemAccountId(tx, programId, "expired"), amount: points },
      ],
    });
    await moveLots(tx, entryId, [{ lotId, points }]);
    await addToBalances(tx, memberId, programId, { current: -points, expired: points });
  });
}

// February 2025 in Asia/Kolkata (UTC+5:30): 2025-01-31T18:30Z up to 2025-02-28T18:30Z.
const FEB = { from: { year: 2025, month: 2, day: 1 }, to: { year: 2025, month: 2, day: 28 } };

let program: Awaited<ReturnType<typeof makeProgram>>;
let alice: Awaited<ReturnType<typeof makeMember>>;
let bob: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  program = await makeProgram({ timeZone: "Asia/Kolkata" });
  alice = await makeMember([program.id]);
  bob = await makeMember([program.id]);
  const first = await award(alice.id, program.id, 1000, "2025-01-10T06:00:00Z");
  await award(alice.id, program.id, 50, "2025-01-31T18:00:00Z"); // 23:30 on 31 January in Kolkata: before the period
  const earned = await award(alice.id, program.id, 200, "2025-01-31T19:00:00Z", "200 points"); // 00:30 on 1 February: inside
  await db().insert(fulfilments).values({ memberId: alice.id, programId: program.id, outcomeType: "reward_points", value: 200, state: "posted", postingMethod: "automatic", narration: "200 points at Cafe Coffee Day", entryId: earned.entryId });
  const redemption = await redeemPoints(db(), systemTestActor, { memberId: alice.id, programId: program.id, points: 300, group: false, externalReference: "POS-77" }, at("2025-02-05T10:00:00Z"));
  await reverseRedemption(db(), systemTestActor, redemption.id, at("2025-02-06T10:00:00Z"));
  await transferPoints(db(), systemTestActor, { fromMemberId: alice.id, toMemberId: bob.id, programId: program.id, points: 100, group: false }, at("2025-02-10T10:00:00Z"));
  await expire(alice.id, program.id, first.lotId, 40, "2025-02-12T10:00:00Z");
  await db().transaction((tx) =>
    takeBackPoints(tx, systemTestActor, { memberId: alice.id, programId: program.id, points: 30, lotId: earned.lotId, reason: "Refund of T-1", reference: "T-1", now: at("2025-02-20T10:00:00Z") }),
  );
  await award(alice.id, program.id, 999, "2025-03-01T00:00:00Z"); // 05:30 on 1 March: after
});

describe("memberStatement", () => {
  it("opens with the balance before the period, lists each movement in words with the balance after it, and closes with the balance then", async () => {
    const statement = await memberStatement(db(), alice.id, FEB);
    expect(statement.programs).toHaveLength(1);
    const p = statement.programs[0]!;
    expect(p.startsAt.toISOString()).toBe("2025-01-31T18:30:00.000Z");
    expect(p.endsAt.toISOString()).toBe("2025-02-28T18:30:00.000Z");
    expect(p.opening).toBe(1050n);
    expect(p.lines.map((l) => [l.movement, l.pointsIn, l.pointsOut, l.balance])).toEqual([
      ["earned", 200n, 0n, 1250n],
      ["redeemed", 0n, 300n, 950n],
      ["redemption_reversed", 300n, 0n, 1250n],
      ["transferred_out", 0n, 100n, 1150n],
      ["expired", 0n, 40n, 1110n],
      ["taken_back", 0n, 30n, 1080n],
    ]);
    expect(p.lines.map((l) => l.description)).toEqual([
      "200 points at Cafe Coffee Day",
      "Redeemed for ₹75.00 (reference POS-77)",
      "Reversal of a redemption for ₹75.00 (reference POS-77)",
      `To member ${bob.externalId}`,
      "Points reached their expiry date",
      "Refund of T-1",
    ]);
    expect({ totalIn: p.totalIn, totalOut: p.totalOut, closing: p.closing }).toEqual({ totalIn: 500n, totalOut: 470n, closing: 1080n });
    expect(p.closing).toBe(p.opening + p.totalIn - p.totalOut);
    expect(await balanceBefore(db(), await accountOf(alice.id), p.endsAt)).toBe(p.closing);

    // The next period opens where this one closed; today's balance is every posting.
    const march = await memberStatement(db(), alice.id, { from: { year: 2025, month: 3, day: 1 }, to: { year: 2025, month: 3, day: 31 } });
    expect(march.programs[0]!.opening).toBe(1080n);
    expect(march.programs[0]!.closing).toBe(2079n);
    const [balance] = await db().select({ current: memberPrograms.current }).from(memberPrograms).where(eq(memberPrograms.memberId, alice.id));
    expect(BigInt(balance!.current)).toBe(2079n);
    await expectLedgerHealthy();
  });

  it("shows the other side of a transfer as points in, naming the sender", async () => {
    const p = (await memberStatement(db(), bob.id, FEB)).programs[0]!;
    expect(p.lines).toMatchObject([{ movement: "transferred_in", pointsIn: 100n, description: `From member ${alice.externalId}` }]);
    expect([p.opening, p.closing]).toEqual([0n, 100n]);
  });

  it("a period without movements opens and closes on the same balance", async () => {
    const before = (await memberStatement(db(), alice.id, { from: { year: 2024, month: 6, day: 1 }, to: { year: 2024, month: 6, day: 30 } })).programs[0]!;
    expect([before.opening, before.lines.length, before.totalIn, before.totalOut, before.closing]).toEqual([0n, 0, 0n, 0n, 0n]);
    const quiet = (await memberStatement(db(), alice.id, { from: { year: 2025, month: 2, day: 21 }, to: { year: 2025, month: 2, day: 28 } })).programs[0]!;
    expect([quiet.opening, quiet.lines.length, quiet.closing]).toEqual([1080n, 0, 1080n]);
  });

  it("covers one programme when asked, and refuses a programme the member is not in", async () => {
    const other = await makeProgram();
    const member = await makeMember([program.id, other.id]);
    await award(member.id, program.id, 10, "2025-02-02T10:00:00Z");
    await award(member.id, other.id, 70, "2025-02-03T10:00:00Z");
    const both = await memberStatement(db(), member.id, FEB);
    expect(both.programs.map((p) => [p.programCode, p.closing]).sort()).toEqual([[program.code, 10n], [other.code, 70n]].sort());
    const one = await memberStatement(db(), member.id, { ...FEB, programId: other.id });
    expect(one.programs.map((p) => [p.programCode, p.lines.length, p.closing])).toEqual([[other.code, 1, 70n]]);
    const stranger = await makeProgram();
    await expect(memberStatement(db(), member.id, { ...FEB, programId: stranger.id })).rejects.toMatchObject({ code: "validation_failed", details: { field: "program" } });
    await expect(statementFromParams(db(), member.id, { program: "not-an-id" }, new Date())).rejects.toMatchObject({ code: "validation_failed", details: { field: "program" } });
  });

  it("writes a CSV with a header, opening and closing rows and plain integers", async () => {
    const csv = statementCsv(await memberStatement(db(), alice.id, FEB));
    const { header, records } = parseCsv(csv);
    expect(header).toEqual(["program_code", "date", "movement", "description", "points_in", "points_out", "balance", "entry_id"]);
    expect(records.map((r) => r.cells.slice(2, 7))).toEqual([
      ["Opening balance", "Balance on 2025-02-01", "", "", "1050"],
      ["Earned", "200 points at Cafe Coffee Day", "200", "0", "1250"],
      ["Redeemed", "Redeemed for ₹75.00 (reference POS-77)", "0", "300", "950"],
      ["Redemption reversed", "Reversal of a redemption for ₹75.00 (reference POS-77)", "300", "0", "1250"],
      ["Transferred out", `To member ${bob.externalId}`, "0", "100", "1150"],
      ["Expired", "Points reached their expiry date", "0", "40", "1110"],
      ["Taken back after refund", "Refund of T-1", "0", "30", "1080"],
      ["Closing balance", "Balance at the end of 2025-02-28", "500", "470", "1080"],
    ]);
    expect(records[1]!.cells[1]).toBe("2025-01-31T19:00:00.000Z");
  });
});

describe("statement period", () => {
  const today = { year: 2026, month: 5, day: 20 };
  it("defaults to the last three months and refuses bad dates with a message naming the field", () => {
    expect(parseStatementPeriod({}, today)).toEqual({ from: { year: 2026, month: 2, day: 21 }, to: today });
    expect(parseStatementPeriod({ from: "2021-05-21", to: "2026-05-20" }, today)).toEqual({ from: { year: 2021, month: 5, day: 21 }, to: today });
    const refused = (input: { from?: string; to?: string }) => {
      try {
        parseStatementPeriod(input, today);
      } catch (error) {
        return error as { code: string; message: string; details: { field: string } };
      }
      throw new Error("accepted");
    };
    expect(refused({ from: "2026-02-30" })).toMatchObject({ code: "validation_failed", details: { field: "from" } });
    expect(refused({ from: "2026-03-01", to: "yesterday" })).toMatchObject({ details: { field: "to" }, message: expect.stringMatching(/YYYY-MM-DD/) });
    expect(refused({ from: "2026-03-10", to: "2026-03-09" })).toMatchObject({ details: { field: "to" }, message: expect.stringMatching(/before the start date/) });
    expect(refused({ from: "2021-05-20", to: "2026-05-20" })).toMatchObject({ details: { field: "to" }, message: expect.stringMatching(/at most 5 years.*2026-05-19/) });
    expect(refused({ from: "2026-05-21", to: "2026-05-22" })).toMatchObject({ details: { field: "from" }, message: expect.stringMatching(/future/) });
  });
});

const { GET: csvGET } = await import("@/app/(console)/members/[memberId]/statement/csv/route");
const { GET: pdfGET } = await import("@/app/(console)/members/[memberId]/statement/pdf/route");

describe("statement downloads", () => {
  const call = (handler: typeof csvGET, memberId: string, query: string) =>
    handler(new Request(`http://localhost/members/${memberId}/statement/x?${query}`), { params: Promise.resolve({ memberId }) });
  const signIn = async (role: "member_care" | "admin" | "auditor") => {
    const user = await makeUser([role]);
    session.user = { id: user.id, email: user.email, name: user.name, roles: [role] };
  };

  it("a member-care agent downloads the CSV and a PDF of several pages, numbered", async () => {
    await signIn("member_care");
    const csv = await call(csvGET, alice.id, "from=2025-02-01&to=2025-02-28");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain(`statement-${alice.externalId}-2025-02-01-to-2025-02-28.csv`);
    expect(await csv.text()).toContain("Taken back after refund,Refund of T-1,0,30,1080");

    // Enough movements for several pages, with narrations no standard font can draw.
    const busy = await makeMember([program.id]);
    for (let i = 0; i < 90; i++) await award(busy.id, program.id, 5 + i, new Date(Date.UTC(2025, 1, 2, 0, i)).toISOString(), `₹${i},000 spent — स्वागत ${i}`);
    const pdf = await call(pdfGET, busy.id, `from=2025-02-01&to=2025-02-28&program=${program.id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
  });

  it("refuses a signed-out caller, a role without members:read, bad dates and an unknown member, never with a 500", async () => {
    session.user = null;
    expect((await call(csvGET, alice.id, "")).status).toBe(401);
    await signIn("admin");
    expect((await call(csvGET, alice.id, "")).status).toBe(403);
    expect((await call(pdfGET, alice.id, "")).status).toBe(403);

    await signIn("auditor");
    for (const [handler, query, field] of [
      [csvGET, "from=2025-13-01&to=2025-02-28", "from"],
      [pdfGET, "from=2025-03-01&to=2025-02-01", "to"],
      [pdfGET, "from=2015-01-01&to=2025-01-01", "to"],
      [csvGET, "from=2025-01-01&to=2025-01-31&program=nope", "program"],
    ] as const) {
      const response = await call(handler, alice.id, query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "validation_failed", message: expect.any(String), details: { field } } });
    }
    const unknown = await call(csvGET, "00000000-0000-4000-8000-000000000000", "");
    expect(unknown.status).toBe(404);
    expect((await call(pdfGET, "not-a-member", "")).status).toBe(404);
  });
});

async function accountOf(memberId: string): Promise<number> {
  const [row] = await db().select({ accountId: memberPrograms.accountId }).from(memberPrograms).where(eq(memberPrograms.memberId, memberId));
  return row!.accountId;
}
