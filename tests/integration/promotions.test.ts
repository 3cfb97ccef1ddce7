/**
 * Promotional points: awarded to one member from the console, or to many from a CSV file through the
 * import job. A back-dated award expires from its awarded date; a future one is refused; a file (or a
 * row) imported twice is awarded once.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { importRows, imports, lots, promotionalAwards } from "@/db/schema";
import { countRepeatedRows, createImport, getImport, runImport } from "@/lib/imports";
import { getMemberPoints } from "@/lib/ledger/balances";
import { addExpiryStrategy } from "@/lib/programs";
import { awardPromotionalPoints } from "@/lib/promotions/award";
import { actorFor, makeUser, systemTestActor } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

type Member = Awaited<ReturnType<typeof makeMember>>;
const db = () => getDb();
let manager: Awaited<ReturnType<typeof makeUser>>;
let program: Awaited<ReturnType<typeof makeProgram>>;
let thirtyDays: string;

beforeAll(async () => {
  manager = await makeUser(["program_manager"]);
  program = await makeProgram({ timeZone: "Asia/Kolkata" });
  thirtyDays = (await addExpiryStrategy(db(), systemTestActor, program.id, { name: "30 days", kind: "days", amount: 30, isDefault: false })).id;
});

const current = async (memberId: string) => (await getMemberPoints(db(), memberId)).programs.find((p) => p.programId === program.id)?.current ?? 0;
const lotsOf = (memberId: string) => db().select({ points: lots.points, awardedAt: lots.awardedAt, expiresAt: lots.expiresAt }).from(lots).where(eq(lots.memberId, memberId)).orderBy(asc(lots.id));
const HEADER = "member,program,points,reason,expiry_strategy,awarded_at,external_reference";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n";
const upload = (content: string, fileName = "promo.csv") => createImport(db(), actorFor(manager), { kind: "promotional_points", fileName, content, createdBy: manager.id });
const rowsOf = (importId: string) =>
  db().select({ line: importRows.line, status: importRows.status, code: importRows.errorCode, message: importRows.errorMessage, result: importRows.result }).from(importRows).where(eq(importRows.importId, importId)).orderBy(asc(importRows.line));

describe("awarding promotional points to one member", () => {
  let member: Member;
  beforeAll(async () => {
    member = await makeMember([program.id]);
  });

  it("credits the points; a back-dated award expires from its awarded date under the chosen strategy", async () => {
    const awardedAt = new Date("2026-01-09T18:30:00Z"); // 10 January 2026, 00:00 in Kolkata
    const award = await awardPromotionalPoints(db(), actorFor(manager), { memberId: member.id, programId: program.id, points: 750, reason: "Welcome back", awardedAt, expiryStrategyId: thirtyDays });
    // 10 January + 30 days: spendable through 9 February, expired from 10 February 00:00 Kolkata.
    expect(award.expiresAt?.toISOString()).toBe("2026-02-09T18:30:00.000Z");
    expect(await lotsOf(member.id)).toEqual([{ points: 750, awardedAt, expiresAt: new Date("2026-02-09T18:30:00Z") }]);
    expect(await current(member.id)).toBe(750);
    await expectLedgerHealthy();
  });

  it("refuses an awarded date in the future, and writes nothing", async () => {
    const before = await current(member.id);
    await expect(
      awardPromotionalPoints(db(), actorFor(manager), { memberId: member.id, programId: program.id, points: 10, reason: "Too early", awardedAt: new Date(Date.now() + 86_400_000) }),
    ).rejects.toMatchObject({ code: "awarded_at_in_future" });
    expect(await current(member.id)).toBe(before);
  });

  it("awards an external reference once, even when sent twice at once", async () => {
    const before = await current(member.id);
    const input = { memberId: member.id, programId: program.id, points: 100, reason: "Survey", externalReference: `SURVEY-${member.id}` };
    const results = await Promise.allSettled([awardPromotionalPoints(db(), actorFor(manager), input), awardPromotionalPoints(db(), actorFor(manager), input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "already_awarded" } });
    expect(await current(member.id)).toBe(before + 100);
    await expectLedgerHealthy();
  });
});

describe("importing promotional points from CSV", () => {
  let a: Member;
  let b: Member;
  beforeAll(async () => {
    [a, b] = await Promise.all([makeMember([program.id]), makeMember([program.id])]);
  });

  it("awards the good rows in batches and reports each bad row by its line with a code", async () => {
    const outsider = await makeMember([]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const content = csv(
      `ext:${a.externalId},${program.code},500,Diwali campaign,,,`, // line 2
      `ext:${b.externalId},${program.code.toLowerCase()},1200,Balance brought over,30 DAYS,2026-01-10,BAL-${b.id}`, // line 3
      `ext:nobody-${a.id},${program.code},5,Who,,,`, // line 4: no such member
      `ext:${a.externalId},NOPE,5,Wrong programme,,,`, // line 5
      `ext:${a.externalId},${program.code},5,Wrong strategy,Forever and ever,,`, // line 6
      `ext:${a.externalId},${program.code},12.5,Half points,,,`, // line 7
      `ext:${a.externalId},${program.code},5,From the future,,${future},`, // line 8
      `ext:${outsider.externalId},${program.code},5,Not enrolled,,,`, // line 9
      `ext:${a.externalId},${program.code},0,Nothing,,,`, // line 10
    );
    const created = await upload(content);
    expect(created).toMatchObject({ totalRows: 9, invalidRows: 3 });
    expect(await runImport(db(), created.id, { chunkRows: 4 })).toMatchObject({ outcome: "done" });
    expect(await getImport(db(), created.id)).toMatchObject({ status: "done", processedRows: 9, okRows: 2, errorRows: 7 });
    const rows = await rowsOf(created.id);
    expect(rows.map((r) => [r.line, r.status, r.code])).toEqual([
      [2, "ok", null],
      [3, "ok", null],
      [4, "error", "member_not_found"],
      [5, "error", "program_not_found"],
      [6, "error", "expiry_strategy_not_found"],
      [7, "error", "validation_failed"],
      [8, "error", "awarded_at_in_future"],
      [9, "error", "member_not_enrolled"],
      [10, "error", "validation_failed"],
    ]);
    expect(rows[4]!.message).toContain("Forever and ever");
    expect(await current(a.id)).toBe(500);
    expect(await current(b.id)).toBe(1200);
    // A date without a time is the start of that day in the programme's time zone; 30 days on from it.
    expect(await lotsOf(b.id)).toEqual([{ points: 1200, awardedAt: new Date("2026-01-09T18:30:00Z"), expiresAt: new Date("2026-02-09T18:30:00Z") }]);
    await expectLedgerHealthy();
  });

  it("refuses the same file uploaded again: it is awarded once", async () => {
    const m = await makeMember([program.id]);
    const content = csv(`ext:${m.externalId},${program.code},40,No reference,,,`, `ext:${m.externalId},${program.code},60,No reference either,,,`);
    const first = await upload(content, "first.csv");
    await runImport(db(), first.id);
    await expect(upload(content, "renamed.csv")).rejects.toMatchObject({ code: "conflict", details: { import_id: first.id } });
    expect(await current(m.id)).toBe(100);
  });

  it("awards rows without an external reference once when a failed import's file is uploaded again", async () => {
    const m = await makeMember([program.id]);
    const content = csv(`ext:${m.externalId},${program.code},40,Same reason,,,`, `ext:${m.externalId},${program.code},40,Same reason,,,`);
    const first = await upload(content, "crash.csv");
    await runImport(db(), first.id);
    // As if the worker died after the awards were committed, before the import was recorded as done.
    await db().update(imports).set({ status: "failed" }).where(eq(imports.id, first.id));
    const again = await upload(content, "crash.csv");
    await runImport(db(), again.id);
    expect(await getImport(db(), again.id)).toMatchObject({ status: "done", okRows: 2, errorRows: 0 });
    expect(await countRepeatedRows(db(), again.id)).toBe(2);
    // Two identical rows are two awards (their lines differ), each awarded once.
    expect(await current(m.id)).toBe(80);
    await expectLedgerHealthy();
  });

  it("awards an external reference once across files, even when two imports run at once; twice in one file is an error", async () => {
    const m = await makeMember([program.id]);
    const ref = `CAMPAIGN-${m.id}`;
    const [x, y] = await Promise.all([
      upload(csv(`ext:${m.externalId},${program.code},300,Campaign,,,${ref}`, `ext:${m.externalId},${program.code},1,Other,,,X-${ref}`), "x.csv"),
      upload(csv(`ext:${m.externalId},${program.code},300,Campaign (copy),,,${ref}`, `ext:${m.externalId},${program.code},300,Campaign,,,${ref}`), "y.csv"),
    ]);
    await Promise.all([runImport(db(), x.id), runImport(db(), y.id)]);
    expect(await current(m.id)).toBe(301);
    const [awarded] = await db().select({ n: count() }).from(promotionalAwards).where(and(eq(promotionalAwards.programId, program.id), eq(promotionalAwards.externalReference, ref)));
    expect(awarded!.n).toBe(1);
    await expectLedgerHealthy();
    const twice = await upload(csv(`ext:${m.externalId},${program.code},5,Once,,,TWICE-${ref}`, `ext:${m.externalId},${program.code},5,Twice,,,TWICE-${ref}`), "twice.csv");
    await runImport(db(), twice.id);
    expect((await rowsOf(twice.id)).map((r) => [r.line, r.status, r.code])).toEqual([
      [2, "ok", null],
      [3, "error", "already_awarded"],
    ]);
    expect(await current(m.id)).toBe(306);
  });

  it("never lets a transaction import set the awarded date", async () => {
    const content = "external_id,member_id,type,amount,currency,occurred_at,awarded_at\nT-1,ext:x,purchase,100,INR,2026-01-01T00:00:00Z,2025-01-01\n";
    await expect(createImport(db(), actorFor(manager), { kind: "transactions", fileName: "t.csv", content, createdBy: manager.id })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("awarded date can be set only for promotional points"),
    });
  });
});
