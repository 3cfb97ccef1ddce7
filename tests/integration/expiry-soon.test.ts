/**
 * Points expiring soon: the reminder job emits one notification per member and programme (and no
 * more when run again), and the report lists the members, soonest first, with its CSV download,
 * which checks the session itself.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { memberNotifications } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { emitExpiringSoon } from "@/lib/expiry/expiring-soon";
import { listExpiringPoints } from "@/lib/expiry/report";
import { parseCsv } from "@/lib/imports/csv";
import { jobHandlers } from "@/lib/jobs";
import { redeemPoints } from "@/lib/ledger/redeem";
import { addExpiryStrategy, setDefaultProgram } from "@/lib/programs";
import { makeUser, systemTestActor as actor } from "../support/fixtures";
import { award, makeMember, makeProgram } from "../support/ledger";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

const { GET: csvGET } = await import("@/app/(console)/reports/expiring/csv/route");

const db = () => getDb();
const at = (iso: string) => new Date(iso);
// Points awarded on these days (11:30 IST) under "30 days" are spendable until the 30th day after, in Kolkata.
const NOW = at("2025-03-01T06:00:00Z");

let program: Awaited<ReturnType<typeof makeProgram>>;
let soon: Awaited<ReturnType<typeof makeMember>>;
let later: Awaited<ReturnType<typeof makeMember>>;
let far: Awaited<ReturnType<typeof makeMember>>;
let fresh: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  program = await makeProgram({ timeZone: "Asia/Kolkata", name: "Rewards" });
  await setDefaultProgram(db(), actor, program.id);
  await addExpiryStrategy(db(), actor, program.id, { name: "30 days", kind: "days", amount: 30, isDefault: true });
  soon = await makeMember([program.id]);
  later = await makeMember([program.id]);
  far = await makeMember([program.id]);
  await award(soon.id, program.id, 1200, at("2025-02-05T06:00:00Z")); // spendable until 2025-03-07
  await award(soon.id, program.id, 300, at("2025-02-10T06:00:00Z")); // until 2025-03-12
  await award(later.id, program.id, 50, at("2025-02-25T06:00:00Z")); // until 2025-03-27
  await award(far.id, program.id, 80, at("2025-02-28T06:00:00Z")); // until 2025-03-30, 29 days on: within 30 days
  await award(far.id, program.id, 10, at("2025-01-20T06:00:00Z")); // until 2025-02-19: past at NOW, not "expiring soon"
  fresh = await makeMember([program.id]);
  await award(fresh.id, program.id, 42, new Date(Date.now() - 2 * 86_400_000)); // two days ago: expires within 30 days from now
});

describe("expiring-soon reminders", () => {
  it("emit one notification per member with points expiring in the next 30 days, once", async () => {
    expect(await emitExpiringSoon(db(), { now: NOW })).toBe(3);
    const rows = await db().select().from(memberNotifications).where(eq(memberNotifications.memberId, soon.id));
    expect(rows).toEqual([
      expect.objectContaining({ kind: "points_expiring", programId: program.id, points: 1500, expiresOn: "2025-03-07", periodKey: "2025-03-07", expiresAt: at("2025-03-07T18:30:00Z") }),
    ]);
    expect(await emitExpiringSoon(db(), { now: NOW })).toBe(0);
    expect(await emitExpiringSoon(db(), { now: at("2025-03-02T06:00:00Z") })).toBe(0);
    const [farRow] = await db().select().from(memberNotifications).where(eq(memberNotifications.memberId, far.id));
    expect(farRow).toMatchObject({ points: 80, expiresOn: "2025-03-30" });
  });

  it("remind again once the earliest points are gone and others come into view", async () => {
    // After 2025-03-07 the 1,200 points have expired: the 300 left expiring 2025-03-12 are a new reminder.
    const next = at("2025-03-08T06:00:00Z");
    await emitExpiringSoon(db(), { now: next });
    const rows = await db().select().from(memberNotifications).where(eq(memberNotifications.memberId, soon.id)).orderBy(memberNotifications.id);
    expect(rows.map((r) => [r.periodKey, r.points])).toEqual([
      ["2025-03-07", 1500],
      ["2025-03-12", 300],
    ]);
  });

  it("run as the scheduled job points.expiring-soon, with today's date", async () => {
    expect(await jobHandlers["points.expiring-soon"](db())).toBe(1);
    expect(await jobHandlers["points.expiring-soon"](db())).toBe(0);
    const [row] = await db().select().from(memberNotifications).where(eq(memberNotifications.memberId, fresh.id));
    expect(row).toMatchObject({ points: 42, kind: "points_expiring" });
  });
});

describe("expiring-points report", () => {
  it("lists members soonest first with the points in the window, their last spendable day and balance", async () => {
    const page = await listExpiringPoints(db(), { programId: program.id, days: 30, now: NOW, page: 1, pageSize: 25 });
    expect(page).toMatchObject({ members: 3, points: 1500 + 50 + 80 });
    expect(page.rows.map((r) => [r.externalId, r.points, r.lots, r.spendableUntil, r.current])).toEqual([
      [soon.externalId, 1500, 2, "2025-03-07", 1500],
      [later.externalId, 50, 1, "2025-03-27", 50],
      [far.externalId, 80, 1, "2025-03-30", 90],
    ]);
    const second = await listExpiringPoints(db(), { programId: program.id, days: 30, now: NOW, page: 2, pageSize: 2 });
    expect(second.rows.map((r) => r.externalId)).toEqual([far.externalId]);
    // Seen from 2025-02-09, the next 30 days end 2025-03-11: far's 10 points (until 2025-02-19) first, then 1,200 of soon's.
    const earlier = await listExpiringPoints(db(), { programId: program.id, days: 30, now: at("2025-02-09T06:00:00Z"), page: 1, pageSize: 25 });
    expect(earlier.rows.map((r) => [r.externalId, r.points])).toEqual([
      [far.externalId, 10],
      [soon.externalId, 1200],
    ]);
  });

  it("counts only what a redemption left", async () => {
    await redeemPoints(db(), actor, { memberId: later.id, programId: program.id, points: 20, group: false }, NOW);
    const page = await listExpiringPoints(db(), { programId: program.id, days: 30, now: NOW, page: 1, pageSize: 25 });
    expect(page.rows.find((r) => r.memberId === later.id)).toMatchObject({ points: 30, current: 30 });
  });
});

describe("expiring-points CSV download", () => {
  const call = (query: string) => csvGET(new Request(`http://localhost/reports/expiring/csv?${query}`));
  const signIn = async (role: "program_manager" | "partner_manager" | "auditor" | "admin" | "member_care") => {
    const user = await makeUser([role]);
    session.user = { id: user.id, email: user.email, name: user.name, roles: [role] };
  };

  it("refuses a signed-out caller and roles without reports:read, and bad parameters with a code", async () => {
    session.user = null;
    expect((await call("")).status).toBe(401);
    await signIn("member_care");
    expect((await call("")).status).toBe(403);
    await signIn("auditor");
    for (const [query, field] of [
      ["days=45", "days"],
      ["program=00000000-0000-0000-0000-000000000000", "program"],
    ] as const) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "validation_failed", message: expect.any(String), details: { field } } });
    }
  });

  it("gives program managers, partner managers, auditors and admins every member in the window", async () => {
    for (const role of ["program_manager", "partner_manager", "auditor", "admin"] as const) {
      await signIn(role);
      const response = await call(`program=${program.id}&days=90`);
      expect(response.status, role).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(`expiring-points-${program.code}-90-days.csv`);
      const csv = parseCsv(await response.text());
      expect(csv.header).toEqual(["member_id", "member_external_id", "member_name", "program_code", "points_expiring", "lots", "first_expires_at", "spendable_until", "current_points"]);
      // The window is counted from today: only the member awarded today has points expiring in it.
      expect(csv.records.map((r) => r.cells)).toEqual([[fresh.id, fresh.externalId, "", program.code, "42", "1", expect.any(String), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "42"]]);
    }
  });
});
