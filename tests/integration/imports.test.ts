/**
 * CSV imports of transactions: the upload checks the file and stores its rows; runImport (what the
 * job runs) processes them through the batch API's per-row path, by line, and is safe to repeat.
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as errorsCsv } from "@/app/(console)/transactions/imports/[importId]/errors.csv/route";
import { GET as progressJson } from "@/app/(console)/transactions/imports/[importId]/status/route";
import { getDb } from "@/db";
import { fulfilments, importRows, imports, transactions } from "@/db/schema";
import { createImport, getImport, listImportErrors, markImportFailed, registerImportJob, runImport } from "@/lib/imports";
import { createBoss } from "@/lib/jobs";
import { getMemberPoints } from "@/lib/ledger/balances";
import type { SessionUser } from "@/lib/auth/session";
import { actorFor, makeUser } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";
import { liveOffer } from "../support/transactions";

// The route handlers read the session; it is the only thing faked.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

type Member = Awaited<ReturnType<typeof makeMember>>;
let uploader: Awaited<ReturnType<typeof makeUser>>;
let programId: string;

beforeAll(async () => {
  uploader = await makeUser(["program_manager"]);
  programId = (await makeProgram()).id;
  await liveOffer(programId, { rule: { kind: "flat", value: 100 } });
});

const db = () => getDb();
const upload = (content: string, fileName = "transactions.csv") => createImport(db(), actorFor(uploader), { kind: "transactions", fileName, content, createdBy: uploader.id });
const HEADER = "external_id,member_id,type,amount,currency,occurred_at,merchant_name,country";
const at = new Date(Date.now() - 3_600_000).toISOString();
let seq = 0;
const tx = (member: string, amount: string, extra: { id?: string; merchant?: string } = {}) =>
  [extra.id ?? `IMP-${Date.now()}-${++seq}`, member, "purchase", amount, "INR", at, extra.merchant ?? "Croma", "IN"].join(",");
const csv = (...lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";

const fulfilmentsOf = async (memberId: string) => (await db().select({ n: count() }).from(fulfilments).where(eq(fulfilments.memberId, memberId)))[0]!.n;
const transactionCount = async () => (await db().select({ n: count() }).from(transactions))[0]!.n;
const rowsOf = (importId: string) =>
  db().select({ line: importRows.line, status: importRows.status, code: importRows.errorCode, result: importRows.result }).from(importRows).where(eq(importRows.importId, importId)).orderBy(asc(importRows.line));

describe("transaction imports", () => {
  let a: Member;
  let b: Member;
  beforeAll(async () => {
    [a, b] = await Promise.all([makeMember([programId]), makeMember([programId])]);
  });

  it("process good rows and report each bad row by its line with a code; the good rows earn", async () => {
    const content =
      "\ufeff" +
      csv(
        tx(`ext:${a.externalId}`, "1000", { merchant: '"Cafe, ""Coffee"" Day"' }), // line 2: quoted comma and quotes
        tx(b.id, "500"), // line 3: member by id
        tx(`ext:${a.externalId}`, "-5"), // line 4: negative amount
        tx("ext:NOBODY-AT-ALL", "1000"), // line 5: unknown member
        tx(`ext:${a.externalId}`, "12.5"), // line 6: not a whole number
        "", // line 7: blank, skipped
        tx(`ext:${b.externalId}`, "700"), // line 8
      );
    const before = await transactionCount();
    const created = await upload(content);
    // Rows that cannot be valid are errors from the start; the rest wait for the job.
    expect(created).toMatchObject({ totalRows: 6, invalidRows: 2, queued: false });
    expect(await getImport(db(), created.id)).toMatchObject({ status: "queued", totalRows: 6, processedRows: 2, errorRows: 2, okRows: 0, fileName: "transactions.csv" });

    expect(await runImport(db(), created.id)).toEqual({ outcome: "done", processed: 4 });
    const view = await getImport(db(), created.id);
    expect(view).toMatchObject({ status: "done", totalRows: 6, processedRows: 6, okRows: 3, errorRows: 3 });
    expect(view.startedAt).not.toBeNull();
    expect(view.finishedAt).not.toBeNull();

    const errors = await listImportErrors(db(), view, { page: 1, pageSize: 25 });
    expect(errors.total).toBe(3);
    expect(errors.rows.map((e) => [e.line, e.code])).toEqual([
      [4, "validation_failed"],
      [5, "member_not_found"],
      [6, "validation_failed"],
    ]);
    expect(errors.rows[0]!.message).toMatch(/^amount: /);
    expect(errors.rows[2]!.message).toMatch(/12\.5.*whole number/);
    expect(errors.rows.every((e) => e.reference?.startsWith("IMP-"))).toBe(true);

    expect(await transactionCount()).toBe(before + 3);
    expect(await fulfilmentsOf(a.id)).toBe(1);
    expect(await fulfilmentsOf(b.id)).toBe(2);
    expect((await getMemberPoints(db(), a.id)).group.current).toBe(100);
    expect((await getMemberPoints(db(), b.id)).group.current).toBe(200);
    const [first] = await db().select().from(transactions).where(eq(transactions.memberId, a.id));
    expect(first!.merchantName).toBe('Cafe, "Coffee" Day');
    const ok = (await rowsOf(created.id)).filter((r) => r.status === "ok");
    expect(ok.map((r) => r.line)).toEqual([2, 3, 8]);
    expect(ok[0]!.result).toMatchObject({ transaction_id: first!.id, repeated: false, awards: [{ outcome_type: "reward_points", points: 100, state: "posted" }] });
    await expectLedgerHealthy();
  });

  it("refuse the same file uploaded again, naming the first import, unless that one failed", async () => {
    const content = csv(tx(`ext:${a.externalId}`, "300"));
    const first = await upload(content, "march.csv");
    const imported = await db().select({ n: count() }).from(imports);
    await expect(upload(content, "march-copy.csv")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already uploaded on .* as “march\.csv”/) });
    // With and without a byte-order mark, it is the same file.
    await expect(upload("\ufeff" + content)).rejects.toMatchObject({ code: "conflict" });
    // Two uploads at once: one gets in.
    const other = csv(tx(`ext:${a.externalId}`, "301"));
    const results = await Promise.allSettled([upload(other), upload(other)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await db().select({ n: count() }).from(imports))[0]!.n).toBe(imported[0]!.n + 1);

    await markImportFailed(db(), first.id);
    const again = await upload(content, "march.csv");
    expect(again.id).not.toBe(first.id);
  });

  it("running an import again, or twice at once, changes nothing more; a run cut short resumes without doubling", async () => {
    const member = await makeMember([programId]);
    const created = await upload(csv(...Array.from({ length: 7 }, (_, i) => tx(`ext:${member.externalId}`, String(100 + i)))));
    const before = await transactionCount();
    const runs = await Promise.all([runImport(db(), created.id, { chunkRows: 3 }), runImport(db(), created.id, { chunkRows: 3 })]);
    expect(runs.map((r) => r.processed).sort()).toEqual([0, 7]);
    expect(runs.map((r) => r.outcome)).toContain("done");
    const done = await getImport(db(), created.id);
    expect(done).toMatchObject({ status: "done", processedRows: 7, okRows: 7, errorRows: 0 });
    expect(await transactionCount()).toBe(before + 7);
    expect(await fulfilmentsOf(member.id)).toBe(7);

    expect(await runImport(db(), created.id)).toEqual({ outcome: "finished", processed: 0 });
    expect(await getImport(db(), created.id)).toEqual(done);

    // A crash after rows were committed but before their outcomes were saved: they are pending again.
    await db()
      .update(importRows)
      .set({ status: "pending", result: null })
      .where(and(eq(importRows.importId, created.id), inArray(importRows.line, [5, 6, 7, 8])));
    await db().update(imports).set({ status: "running", processedRows: 3, okRows: 3, finishedAt: null }).where(eq(imports.id, created.id));
    expect(await runImport(db(), created.id)).toEqual({ outcome: "done", processed: 4 });
    expect(await getImport(db(), created.id)).toMatchObject({ status: "done", processedRows: 7, okRows: 7, errorRows: 0 });
    expect(await transactionCount()).toBe(before + 7);
    expect(await fulfilmentsOf(member.id)).toBe(7);
    const rows = await rowsOf(created.id);
    expect(rows.filter((r) => (r.result as { repeated?: boolean }).repeated).map((r) => r.line)).toEqual([5, 6, 7, 8]);
    expect((await getMemberPoints(db(), member.id)).group.current).toBe(700);
    await expectLedgerHealthy();
  });

  it("processes one member's rows in file order across chunks (a daily cap is reached by the earliest rows)", async () => {
    const program = await makeProgram();
    await liveOffer(program.id, { rule: { kind: "flat", value: 10 }, caps: { perMember: { limit: 20, period: "day" } } });
    const member = await makeMember([program.id]);
    const ids = Array.from({ length: 5 }, (_, i) => `ORDER-${member.id}-${i}`);
    const created = await upload(csv(...ids.map((id) => tx(member.id, "1000", { id }))));
    await runImport(db(), created.id, { chunkRows: 2 });
    const rows = await rowsOf(created.id);
    const earned = rows.map((r) => ((r.result as { awards: { points?: number }[] }).awards ?? []).reduce((s, x) => s + (x.points ?? 0), 0));
    expect(earned).toEqual([10, 10, 0, 0, 0]);
  });

  it("refuse a file whose header does not match, naming the missing and unknown columns; nothing is stored", async () => {
    const before = (await db().select({ n: count() }).from(imports))[0]!.n;
    const bad = "external_id,member_id,type,amt,occurred_at\nX1,ext:A,purchase,100,2026-03-01T10:00:00Z\n";
    await expect(upload(bad)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/missing columns: amount, currency; unknown column: amt/),
      details: { field: "file", missing: ["amount", "currency"], unknown: ["amt"] },
    });
    await expect(upload(csv().replace("country", "country,line_items"))).rejects.toMatchObject({ message: expect.stringMatching(/Line items cannot be imported from CSV/) });
    await expect(upload(csv())).rejects.toMatchObject({ code: "validation_failed", message: expect.stringMatching(/no rows/) });
    await expect(upload(`${HEADER}\nX,"never closed,purchase\n`)).rejects.toMatchObject({ code: "validation_failed", message: expect.stringMatching(/line 2/) });
    const many = csv(...Array.from({ length: 100_001 }, () => "a,b,c,d,e,f,g,h"));
    await expect(upload(many)).rejects.toMatchObject({ message: expect.stringMatching(/100,001 rows; the limit is 100,000/) });
    expect((await db().select({ n: count() }).from(imports))[0]!.n).toBe(before);
  });

  it("reports a line with too few cells, and takes empty optional cells as absent", async () => {
    const member = await makeMember([programId]);
    const created = await upload(csv(`${tx(member.id, "100")}`.replace(/,IN$/, ","), "short,line"));
    const rows = await rowsOf(created.id);
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, "pending"],
      [3, "error"],
    ]);
    await runImport(db(), created.id);
    expect(await getImport(db(), created.id)).toMatchObject({ status: "done", okRows: 1, errorRows: 1 });
    const [stored] = await db().select().from(transactions).where(eq(transactions.memberId, member.id));
    expect(stored!.country).toBeNull();
  });
});

describe("reading files", () => {
  it("number lines as the file does (a quoted cell over two lines, blank lines) and read semicolon-separated files", async () => {
    const member = await makeMember([programId]);
    const content = [
      HEADER.replaceAll(",", ";"),
      tx(member.id, "100", { merchant: '"Cafe;\nCoffee Day"' }).replaceAll(",", ";"), // lines 2-3
      "",
      tx(member.id, "1.0").replaceAll(",", ";"), // line 5
    ].join("\n");
    const created = await upload(content);
    expect((await rowsOf(created.id)).map((r) => [r.line, r.status])).toEqual([
      [2, "pending"],
      [5, "error"],
    ]);
    await runImport(db(), created.id);
    const [stored] = await db().select().from(transactions).where(eq(transactions.memberId, member.id));
    expect(stored!.merchantName).toBe("Cafe;\nCoffee Day");
  });
});

describe("the progress and error-report routes", () => {
  it("check the session and the permission themselves, and answer the import's errors as CSV", async () => {
    const member = await makeMember([programId]);
    const created = await upload(csv(tx(member.id, "100"), tx(member.id, "-1", { id: "=HYPERLINK(1)" }), tx("ext:NOBODY", "5")));
    await runImport(db(), created.id);
    const params = { params: Promise.resolve({ importId: created.id }) };
    const request = new Request(`http://localhost/transactions/imports/${created.id}/errors.csv`);
    const role = async (r: "admin" | "auditor") => {
      const u = await makeUser([r]);
      session.user = { id: u.id, email: u.email, name: u.name, roles: [r] };
    };

    session.user = null;
    expect((await errorsCsv(request, params)).status).toBe(401);
    expect((await progressJson(request, params)).status).toBe(401);
    await role("admin"); // no offers:read
    expect((await errorsCsv(request, params)).status).toBe(403);
    expect((await progressJson(request, params)).status).toBe(403);

    await role("auditor");
    const res = await errorsCsv(request, params);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = (await res.text()).replace(/^\ufeff/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("line,external_id,code,message");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3))).toEqual([
      ["3", "'=HYPERLINK(1)", "validation_failed"],
      ["4", expect.stringMatching(/^IMP-/), "member_not_found"],
    ]);
    const progress = await progressJson(request, params);
    expect(await progress.json()).toMatchObject({ status: "done", totalRows: 3, processedRows: 3, okRows: 1, errorRows: 2, repeatedRows: 0 });
    const missing = { params: Promise.resolve({ importId: "00000000-0000-4000-8000-000000000000" }) };
    expect((await progressJson(request, missing)).status).toBe(404);
    expect((await errorsCsv(request, missing)).status).toBe(404);
  });
});

describe("the imports.run job", () => {
  it("is queued with the upload and run by the worker to the end", async () => {
    const boss = createBoss(process.env.DATABASE_URL!);
    await boss.start();
    try {
      await registerImportJob(boss, getDb());
      const member = await makeMember([programId]);
      const created = await upload(csv(tx(`ext:${member.externalId}`, "900"), tx(`ext:${member.externalId}`, "901")));
      expect(created.queued).toBe(true);
      const [job] = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from pgboss.job where name = 'imports.run' and singleton_key = ${created.id}`);
      expect(job!.n).toBe("1");
      await expect.poll(async () => (await getImport(db(), created.id)).status, { timeout: 20_000, interval: 250 }).toBe("done");
      expect(await getImport(db(), created.id)).toMatchObject({ okRows: 2, errorRows: 0 });
      expect(await fulfilmentsOf(member.id)).toBe(2);
    } finally {
      await boss.stop({ graceful: true, timeout: 5_000 });
    }
  });
});
