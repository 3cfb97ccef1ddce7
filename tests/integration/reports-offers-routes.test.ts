/** The offer and partner report downloads: who may read them, what bad parameters get, and what they hold. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import { parseCsv } from "@/lib/imports/csv";
import { refreshRollups } from "@/lib/reports/refresh";
import { makeUser, systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { closeBillingCycle } from "@/lib/partners/billing";
import { earnContext, insertPartnerTransaction, makePartner, partnerWithProgram, POSTPAID } from "../support/partners";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

const { GET: listCsv } = await import("@/app/(console)/reports/offers/csv/route");
const { GET: offerCsv } = await import("@/app/(console)/reports/offers/[offerId]/csv/route");
const { GET: compareCsv } = await import("@/app/(console)/reports/offers/compare/csv/route");
const { GET: partnersCsv } = await import("@/app/(console)/reports/partners/csv/route");
const { GET: partnerCsv } = await import("@/app/(console)/reports/partners/[partnerId]/csv/route");

type Role = "program_manager" | "partner_manager" | "auditor" | "admin" | "member_care";
const signIn = async (role: Role) => {
  const user = await makeUser([role]);
  session.user = { id: user.id, email: user.email, name: user.name, roles: [role] };
};
const get = (path: string) => new Request(`http://localhost${path}`);
const withId = (id: string, key: "offerId" | "partnerId") => ({ params: Promise.resolve({ [key]: id } as { offerId: string } & { partnerId: string }) });

let offerA: { id: string };
let offerB: { id: string };
let partner: { id: string; code: string };
// Wide enough for awards made today in any time zone.
const range = "from=2020-01-01&to=2029-12-31&grain=month";

beforeAll(async () => {
  await useApiKey();
  const program = await makeProgram();
  partner = await makePartner(program.id);
  offerA = await liveOffer(program.id, { name: "Report offer A", rule: { kind: "flat", value: 40 } });
  offerB = await liveOffer(program.id, { name: "Report offer B", rule: { kind: "flat", value: 60 } });
  const member = await makeMember([program.id]);
  expect((await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, 10_000) })).status).toBe(201);
  await refreshRollups(getDb());
});

describe("offer and partner report downloads", () => {
  const every = () => [
    () => listCsv(get(`/reports/offers/csv?${range}`)),
    () => offerCsv(get(`/reports/offers/${offerA.id}/csv?${range}`), withId(offerA.id, "offerId")),
    () => compareCsv(get(`/reports/offers/compare/csv?a=${offerA.id}&b=${offerB.id}&${range}`)),
    () => partnersCsv(get(`/reports/partners/csv?${range}`)),
    () => partnerCsv(get(`/reports/partners/${partner.id}/csv?${range}`), withId(partner.id, "partnerId")),
  ];

  it("answers 401 signed out and 403 without reports:read; every role with it gets the CSV", async () => {
    session.user = null;
    for (const run of every()) expect((await run()).status).toBe(401);
    await signIn("member_care");
    for (const run of every()) expect((await run()).status).toBe(403);
    for (const role of ["program_manager", "partner_manager", "auditor", "admin"] as const) {
      await signIn(role);
      for (const run of every()) {
        const res = await run();
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/csv");
      }
    }
  });

  it("answers bad parameters with a 400 and a code", async () => {
    await signIn("auditor");
    const unknown = "7a1c3c1e-0000-4000-8000-000000000000";
    const cases: [() => Promise<Response>, string, string][] = [
      [() => offerCsv(get(`/reports/offers/not-a-uuid/csv`), withId("not-a-uuid", "offerId")), "invalid_id", "offer"],
      [() => offerCsv(get(`/reports/offers/${unknown}/csv`), withId(unknown, "offerId")), "unknown_offer", "offer"],
      [() => offerCsv(get(`/reports/offers/${offerA.id}/csv?from=2026-02-30`), withId(offerA.id, "offerId")), "invalid_range", "from"],
      [() => offerCsv(get(`/reports/offers/${offerA.id}/csv?table=everything`), withId(offerA.id, "offerId")), "invalid_table", "table"],
      [() => listCsv(get(`/reports/offers/csv?sort=price`)), "invalid_sort", "sort"],
      [() => listCsv(get(`/reports/offers/csv?status=lost`)), "invalid_status", "status"],
      [() => listCsv(get(`/reports/offers/csv?program=42`)), "invalid_id", "program"],
      [() => compareCsv(get(`/reports/offers/compare/csv?a=${offerA.id}&b=${offerA.id}`)), "same_offer", "b"],
      [() => compareCsv(get(`/reports/offers/compare/csv?a=${offerA.id}&b=${unknown}`)), "unknown_offer", "b"],
      [() => compareCsv(get(`/reports/offers/compare/csv?a=${offerA.id}`)), "invalid_id", "b"],
      [() => partnerCsv(get(`/reports/partners/${unknown}/csv`), withId(unknown, "partnerId")), "unknown_partner", "partner"],
      [() => partnersCsv(get(`/reports/partners/csv?from=2026-05-01&to=2026-04-01`)), "invalid_range", "from"],
    ];
    for (const [run, code, field] of cases) {
      const res = await run();
      expect(res.status, code).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code, details: { field } } });
    }
  });

  it("puts the offers' figures in the CSV files", async () => {
    await signIn("program_manager");
    const list = parseCsv(await (await listCsv(get(`/reports/offers/csv?${range}&sort=name`))).text());
    const line = (name: string) => list.records.map((r) => r.cells).find((c) => c[1] === name)!;
    const col = (name: string) => list.header.indexOf(name);
    expect(line("Report offer A")[col("awards")]).toBe("1");
    expect(line("Report offer A")[col("net_value")]).toBe("40");
    // 40 points × 0.25 INR.
    expect([line("Report offer A")[col("cost")], line("Report offer A")[col("cost_unit")]]).toEqual(["10.00", "INR"]);
    const compare = parseCsv(await (await compareCsv(get(`/reports/offers/compare/csv?a=${offerA.id}&b=${offerB.id}&${range}`))).text());
    expect(compare.header).toEqual(["figure", "Report offer A", "Report offer B"]);
    expect(compare.records.map((r) => r.cells).find((c) => c[0] === "net_value")).toEqual(["net_value", "40", "60"]);
  });

  it("lists a post-paid partner's statements in a CSV", async () => {
    await signIn("partner_manager");
    const postpaid = await partnerWithProgram(POSTPAID);
    const ctx = await earnContext(postpaid.hostProgramId);
    await insertPartnerTransaction(postpaid.id, ctx, 100, 150);
    await insertPartnerTransaction(postpaid.id, ctx, 20, 30);
    await closeBillingCycle(getDb(), systemTestActor, postpaid.id);
    const res = await partnerCsv(get(`/reports/partners/${postpaid.id}/csv?table=statements`), withId(postpaid.id, "partnerId"));
    const csv = parseCsv(await res.text());
    expect(csv.header).toEqual(["number", "period_from", "period_to", "transactions", "points_billed", "amount_due", "currency", "closed_at"]);
    // 180 debit points × 0.35 INR = 63.00 INR.
    expect(csv.records.map((r) => r.cells.slice(3, 7))).toEqual([["2", "180", "63.00", "INR"]]);
  });
});
