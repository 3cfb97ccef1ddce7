/**
 * The programme and group points dashboard: movements across two programmes in different time zones
 * are folded into the right local days, weeks and months; outstanding and liability match the ledger;
 * distinct member counts stay distinct; a second refresh folds only what is new, and writes made while
 * a refresh runs are counted exactly once.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { localDate } from "@/lib/engine/calendar";
import { expirePoints } from "@/lib/expiry/expire";
import { awardPoints } from "@/lib/ledger/award";
import { redeemPoints, reverseRedemption } from "@/lib/ledger/redeem";
import { transferPoints } from "@/lib/ledger/transfer";
import { requestAdjustment } from "@/lib/members/adjustments";
import { addExpiryStrategy } from "@/lib/programs";
import { formatDay, type ReportRange } from "@/lib/reports/range";
import { refreshRollups } from "@/lib/reports/refresh";
import { figuresOf, zeroMovements, type Movements } from "@/lib/reports/points/compute";
import { pointsDashboard } from "@/lib/reports/points/queries";
import type { SessionUser } from "@/lib/auth/session";
import { parseCsv } from "@/lib/imports/csv";
import { makeUser, systemTestActor as actor } from "../support/fixtures";
import { expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

const { GET: csvGET } = await import("@/app/(console)/reports/programmes/csv/route");

const other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
afterAll(() => other.end());

const db = () => getDb();
const at = (iso: string) => new Date(iso);

// Around local midnight between 14 and 15 January 2025: Kolkata is UTC+5:30, New York UTC−5.
const T1 = at("2025-01-14T18:00:00Z"); // Kolkata 14th 23:30 · New York 14th 13:00
const T2 = at("2025-01-14T19:00:00Z"); // Kolkata 15th 00:30 · New York 14th 14:00
const T3 = at("2025-01-15T04:30:00Z"); // Kolkata 15th 10:00 · New York 14th 23:30
const T4 = at("2025-01-15T05:30:00Z"); // Kolkata 15th 11:00 · New York 15th 00:30
const NEW_YEAR = at("2024-12-31T20:00:00Z"); // Kolkata 1 January 2025 01:30 · New York 31 December 15:00
const FEB = at("2025-02-03T10:00:00Z");

let india: Awaited<ReturnType<typeof makeProgram>>;
let usa: Awaited<ReturnType<typeof makeProgram>>;
let m1: Awaited<ReturnType<typeof makeMember>>;
let m2: Awaited<ReturnType<typeof makeMember>>;
let m3: Awaited<ReturnType<typeof makeMember>>;

const award = (memberId: string, programId: string, points: number, now: Date, extra: { awardedAt?: Date; expiryStrategyId?: string } = {}) =>
  awardPoints(db(), actor, { memberId, programId, points, reason: "test", ...extra }, now);
const adjust = (memberId: string, programId: string, direction: "credit" | "debit", points: number, now: Date) =>
  requestAdjustment(db(), actor, { memberId, programId, direction, points, reasonCode: "goodwill", note: "Test adjustment" }, now);

const dashboard = (scope: string, range: ReportRange) => pointsDashboard(db(), { scope, range });
const row = (d: Awaited<ReturnType<typeof dashboard>>, start: string) => d.buckets.find((b) => b.start === start)!;

/** The same figures straight from the ledger: member postings by programme and local day (JS time zones). */
async function ledgerDays(programId: string, timeZone: string): Promise<Map<string, Movements>> {
  const rows = await db().execute<{ kind: string; at: Date; amount: string }>(sql`
    select je.kind, je.at, p.amount::text as amount from postings p join journal_entries je on je.id = p.entry_id
    join ledger_accounts a on a.id = p.account_id where a.kind = 'member' and a.program_id = ${programId}`);
  const days = new Map<string, Movements>();
  for (const r of rows) {
    const day = formatDay(localDate(new Date(r.at), timeZone));
    const m = days.get(day) ?? zeroMovements();
    const amount = BigInt(r.amount);
    const abs = amount < 0n ? -amount : amount;
    const key: keyof Movements =
      r.kind === "award" ? "awarded"
      : r.kind === "adjustment" ? (amount > 0n ? "adjustedIn" : "adjustedOut")
      : r.kind === "award_reversal" || r.kind === "debt_repayment" ? "takenBack"
      : r.kind === "redemption" ? "redeemed"
      : r.kind === "redemption_reversal" ? "redemptionReversed"
      : r.kind === "expiry" ? "expired"
      : r.kind === "transfer" ? (amount > 0n ? "transferredIn" : "transferredOut")
      : amount > 0n ? "otherIn" : "otherOut";
    m[key] += abs;
    days.set(day, m);
  }
  return days;
}

/** Active members per scope, grain and period as the rollup keeps them: "scope grain period count". */
const activeCounts = async () =>
  (await db().execute<{ r: string }>(sql`
    select concat_ws(' ', scope, grain, period, active_members) as r from report_member_counts where active_members <> 0 order by 1`)).map((x) => x.r);

/**
 * Activity counted from scratch: each member's days with a movement (per programme, on its local day;
 * for the group, in any programme) or, for the group, a transaction (on the default programme's day).
 */
const ACTIVITY = sql`
    with zone as (select coalesce((select time_zone from programs where is_default), 'UTC') as tz),
    moves as (
      select a.program_id, a.member_id, (je.at at time zone p.time_zone)::date as day
      from postings po join journal_entries je on je.id = po.entry_id
      join ledger_accounts a on a.id = po.account_id and a.kind = 'member' join programs p on p.id = a.program_id
    ), activity as (
      select program_id as scope, member_id, day from moves
      union select '00000000-0000-0000-0000-000000000000'::uuid, member_id, day from moves
      union select '00000000-0000-0000-0000-000000000000'::uuid, t.member_id, (t.occurred_at at time zone zone.tz)::date from transactions t, zone
    )`;

/** Active members per scope, grain and period, from scratch. */
const activeFromSource = async () =>
  (await db().execute<{ r: string }>(sql`
    ${ACTIVITY}, periods as (
      select scope, member_id, 0 as grain, day as period from activity
      union all select scope, member_id, 1, date_trunc('week', day::timestamp)::date from activity
      union all select scope, member_id, 2, date_trunc('month', day::timestamp)::date from activity
    )
    select concat_ws(' ', scope, grain, period, count(distinct member_id)) as r from periods group by scope, grain, period order by 1`)).map((x) => x.r);

/** For each scope and first day: the dashboard's active members from that day to today, and the same from scratch. */
async function activeSinceBothWays(scopes: string[], days: string[]) {
  const today = formatDay(localDate(new Date(), "Asia/Kolkata"));
  const dashboardSays: Record<string, number | null> = {};
  const sourceSays: Record<string, number> = {};
  for (const scope of scopes) {
    for (const from of days) {
      dashboardSays[`${scope} ${from}`] = (await dashboard(scope, { from, to: today, grain: "month" })).activeInRange;
      const id = scope === "group" ? "00000000-0000-0000-0000-000000000000" : scope;
      const [r] = await db().execute<{ n: number }>(sql`${ACTIVITY} select count(distinct member_id)::int as n from activity where scope = ${id}::uuid and day >= ${from}::date`);
      sourceSays[`${scope} ${from}`] = r!.n;
    }
  }
  return { dashboardSays, sourceSays };
}

const currentSum = async (programIds: string[]) => {
  const [r] = await db().execute<{ total: string }>(sql`select coalesce(sum(current), 0)::text as total from member_programs where program_id = any(${`{${programIds.join(",")}}`}::uuid[])`);
  return BigInt(r!.total);
};

beforeAll(async () => {
  india = await makeProgram({ timeZone: "Asia/Kolkata", pointsToCurrency: "0.25", currency: "INR" });
  usa = await makeProgram({ timeZone: "America/New_York", pointsToCurrency: "0.013", currency: "USD" });
  const oneDay = await addExpiryStrategy(db(), actor, usa.id, { name: "1 day", kind: "days", amount: 1, isDefault: false });
  m1 = await makeMember([india.id, usa.id]);
  m2 = await makeMember([india.id]);
  m3 = await makeMember([usa.id]);

  await award(m1.id, india.id, 2_000, NEW_YEAR);
  await award(m3.id, usa.id, 100, at("2025-01-10T12:00:00Z"), { expiryStrategyId: oneDay.id });
  await award(m1.id, india.id, 1_000, T1);
  await award(m2.id, india.id, 500, T2);
  await redeemPoints(db(), actor, { memberId: m1.id, programId: india.id, points: 300, group: false }, T2);
  await award(m1.id, usa.id, 800, T3);
  const reversed = await redeemPoints(db(), actor, { memberId: m1.id, programId: india.id, points: 100, group: false }, T3);
  await transferPoints(db(), actor, { fromMemberId: m1.id, toMemberId: m2.id, programId: india.id, points: 50, group: false }, T3);
  await reverseRedemption(db(), actor, reversed.id, T4);
  await award(m3.id, usa.id, 300, T4);
  await adjust(m2.id, india.id, "credit", 40, T4);
  await adjust(m3.id, usa.id, "debit", 20, T4);
  await expirePoints(db(), { now: T4 });
  await award(m2.id, india.id, 70, FEB);
  await expectLedgerHealthy();
  await refreshRollups(db());
});

describe("points dashboard rollups", () => {
  it("puts each movement on the programme's local day, on either side of local midnight", async () => {
    const range = { from: "2025-01-14", to: "2025-01-15", grain: "day" } as const;
    const a = await dashboard(india.id, range);
    expect(row(a, "2025-01-14")).toMatchObject({ issued: 1_000n, redeemed: 0n, expired: 0n, net: 1_000n });
    // 500 awarded + 40 credited; 300 redeemed (the 100 redeemed and reversed the same day cancel out); a transfer within the programme nets to 0.
    expect(row(a, "2025-01-15")).toMatchObject({ issued: 540n, redeemed: 300n, expired: 0n, other: 0n, net: 240n });
    expect(row(a, "2025-01-15").movements).toMatchObject({ redeemed: 400n, redemptionReversed: 100n, transferredIn: 50n, transferredOut: 50n, adjustedIn: 40n });
    expect(a.opening).toBe(2_000n);
    expect(a.closing).toBe(3_240n);

    const b = await dashboard(usa.id, range);
    expect(row(b, "2025-01-14")).toMatchObject({ issued: 800n, net: 800n });
    expect(row(b, "2025-01-15")).toMatchObject({ issued: 300n, expired: 100n, other: -20n, net: 180n });
    expect(b.opening).toBe(100n);

    const group = await dashboard("group", range);
    expect(row(group, "2025-01-14")).toMatchObject({ issued: 1_800n, net: 1_800n });
    expect(row(group, "2025-01-15")).toMatchObject({ issued: 840n, redeemed: 300n, expired: 100n, net: 420n });
  });

  it("adds days up into ISO weeks and calendar months, local new year included", async () => {
    const weeks = await dashboard(india.id, { from: "2024-12-30", to: "2025-02-09", grain: "week" });
    expect(weeks.buckets.map((b) => b.start)).toEqual(["2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03"]);
    expect(weeks.buckets.map((b) => b.net)).toEqual([2_000n, 0n, 1_240n, 0n, 0n, 70n]);
    expect(weeks.buckets.map((b) => b.outstanding)).toEqual([2_000n, 2_000n, 3_240n, 3_240n, 3_240n, 3_310n]);

    const months = await dashboard(india.id, { from: "2024-12-01", to: "2025-02-28", grain: "month" });
    // The award at 20:00 UTC on 31 December is on 1 January in Kolkata.
    expect(months.buckets.map((b) => [b.start, b.issued])).toEqual([["2024-12-01", 0n], ["2025-01-01", 3_540n], ["2025-02-01", 70n]]);
    const usaMonths = await dashboard(usa.id, { from: "2024-12-01", to: "2025-01-31", grain: "month" });
    expect(usaMonths.buckets.map((b) => b.issued)).toEqual([0n, 1_200n]);
  });

  it("matches the ledger day by day, and today's outstanding is the sum of the members' balances", async () => {
    for (const program of [india, usa]) {
      const expected = await ledgerDays(program.id, program.timeZone);
      const d = await dashboard(program.id, { from: "2024-12-01", to: "2025-11-30", grain: "day" });
      const nonEmpty = d.buckets.filter((b) => figuresOf(b.movements).net !== 0n || b.movements.awarded > 0n || b.movements.redeemed > 0n);
      expect(Object.fromEntries(nonEmpty.map((b) => [b.start, b.movements]))).toEqual(Object.fromEntries(expected));
    }
    const today = formatDay(localDate(new Date(), "Asia/Kolkata"));
    const all = await dashboard("group", { from: "2024-12-01", to: today, grain: "month" });
    expect(all.closing).toBe(await currentSum(all.programs.map((p) => p.id)));
    const one = await dashboard(india.id, { from: "2025-01-01", to: today, grain: "month" });
    expect(one.closing).toBe(await currentSum([india.id]));
    expect(one.buckets.at(-1)!.outstanding).toBe(one.closing);
  });

  it("values outstanding points per programme currency, exactly, and defines breakage as expired ÷ issued", async () => {
    const india1 = await dashboard(india.id, { from: "2025-01-01", to: "2025-02-28", grain: "month" });
    expect(india1.closing).toBe(3_310n);
    expect(india1.liability).toEqual([{ currency: "INR", minor: 82_750n }]); // 3,310 × 0.25 = 827.50
    const usa1 = await dashboard(usa.id, { from: "2025-01-01", to: "2025-01-31", grain: "month" });
    expect(usa1.closing).toBe(1_080n);
    expect(usa1.liability).toEqual([{ currency: "USD", minor: 1_404n }]); // 1,080 × 0.013 = 14.04
    expect(usa1.breakage.range).toBe("8.3%"); // 100 ÷ 1,200
    const group = await dashboard("group", { from: "2025-01-01", to: "2025-02-28", grain: "month" });
    expect(group.liability.filter((l) => l.currency === "INR" || l.currency === "USD")).toEqual(
      expect.arrayContaining([expect.objectContaining({ currency: "USD", minor: 1_404n })]),
    );
  });

  it("counts active members once per period, per programme and for the group", async () => {
    const days = await dashboard(india.id, { from: "2025-01-14", to: "2025-01-15", grain: "day" });
    expect(days.members.map((m) => m.activeMembers)).toEqual([1, 2]);
    const week = await dashboard(india.id, { from: "2025-01-13", to: "2025-01-19", grain: "week" });
    expect(week.members.map((m) => m.activeMembers)).toEqual([2]); // m1 and m2, however many days
    // m1 moved points in both programmes on the 14th (local days): one member for the group.
    const group = await dashboard("group", { from: "2025-01-14", to: "2025-01-15", grain: "day" });
    expect(group.members.map((m) => m.activeMembers)).toEqual([1, 3]);
    expect(group.activeInMonth).toEqual({ month: "2025-01-01", members: 3 });
    const weeks = await dashboard("group", { from: "2024-12-30", to: "2025-01-19", grain: "week" });
    // m1 (1 January and the 14th–15th); m2 and m3 in the week of the 13th.
    expect(weeks.members.map((m) => m.activeMembers)).toEqual([1, 1, 3]);
  });

  it("counts distinct members active from any day to today exactly, and falls back to the last month for a period that has ended", async () => {
    const { dashboardSays, sourceSays } = await activeSinceBothWays(["group", india.id, usa.id], ["2024-12-01", "2025-01-15", "2025-01-16", "2025-02-01"]);
    expect(dashboardSays).toEqual(sourceSays);
    expect(dashboardSays["group 2025-01-15"]).toBe(3); // m1, m2, m3
    expect(dashboardSays["group 2025-01-16"]).toBe(1); // m2 only (February)
    const ended = await dashboard("group", { from: "2025-01-01", to: "2025-01-31", grain: "day" });
    expect(ended.activeInRange).toBeNull();
    expect(ended.activeInMonth).toEqual({ month: "2025-01-01", members: 3 });
  });

  it("counts a member enrolled in two programmes as one new member of the group", async () => {
    // Today in either time zone (a group member is new on the local day of their first programme).
    const today = formatDay(localDate(new Date(), "Asia/Kolkata"));
    const yesterday = formatDay(localDate(new Date(Date.now() - 86_400_000), "Asia/Kolkata"));
    const before = await dashboard("group", { from: yesterday, to: today, grain: "day" });
    const beforeIndia = await dashboard(india.id, { from: yesterday, to: today, grain: "day" });
    await makeMember([india.id, usa.id]);
    await makeMember([india.id]);
    await refreshRollups(db());
    const after = await dashboard("group", { from: yesterday, to: today, grain: "day" });
    const afterIndia = await dashboard(india.id, { from: yesterday, to: today, grain: "day" });
    expect(after.newMembers - before.newMembers).toBe(2);
    expect(afterIndia.newMembers - beforeIndia.newMembers).toBe(2);
  });

  it("shows how many members are in each tier now", async () => {
    const d = await dashboard(india.id, { from: "2025-01-01", to: "2025-01-31", grain: "month" });
    const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from member_programs where program_id = ${india.id}`);
    expect(d.tiers).toEqual([expect.objectContaining({ programCode: india.code, tier: "Base", members: row!.n })]);
  });
});

describe("points dashboard refresh", () => {
  const wide = { from: "2024-12-01", to: "2025-11-30", grain: "day" } as const;
  const daysOf = async (programId: string) => {
    const d = await dashboard(programId, wide);
    return Object.fromEntries(d.buckets.filter((b) => Object.values(b.movements).some((v) => v !== 0n)).map((b) => [b.start, b.movements]));
  };

  it("folds nothing again when nothing is new, and only the new rows after more writes", async () => {
    const idle = await refreshRollups(db());
    expect(idle.skipped === false && idle.byRollup.points).toBe(0);
    await award(m3.id, usa.id, 7, FEB);
    const next = await refreshRollups(db());
    // One entry with one member posting, and nothing else.
    expect(next.skipped === false && next.byRollup.points).toBe(1);
    expect(await daysOf(usa.id)).toEqual(Object.fromEntries(await ledgerDays(usa.id, usa.timeZone)));
  });

  it("counts writes made while a refresh runs exactly once, including one that commits after it began", async () => {
    // A transaction that takes its id now and commits after the next refresh has read its snapshot.
    const reserved = await other.reserve();
    await reserved`begin`;
    const [entry] = await reserved`insert into journal_entries (kind, member_id, actor_label, at) values ('adjustment', ${m1.id}, 'test', ${T4}) returning id`;
    const [account] = await reserved`select account_id from member_programs where member_id = ${m1.id} and program_id = ${usa.id}`;
    const [issued] = await reserved`select id from ledger_accounts where program_id = ${usa.id} and kind = 'issued' and member_id is null`;
    await reserved`insert into postings (entry_id, account_id, amount) values (${entry!.id}, ${account!.account_id}, 5), (${entry!.id}, ${issued!.id}, -5)`;
    await reserved`update member_programs set current = current + 5 where member_id = ${m1.id} and program_id = ${usa.id}`;

    await Promise.all([
      refreshRollups(db()),
      ...Array.from({ length: 8 }, (_, i) => award(m2.id, india.id, 10 + i, FEB)),
      refreshRollups(db()),
      ...Array.from({ length: 4 }, (_, i) => award(m3.id, usa.id, 1 + i, FEB)),
    ]);
    await refreshRollups(db());
    await reserved`commit`;
    reserved.release();
    await refreshRollups(db());

    for (const program of [india, usa]) expect(await daysOf(program.id)).toEqual(Object.fromEntries(await ledgerDays(program.id, program.timeZone)));
    const today = formatDay(localDate(new Date(), "Asia/Kolkata"));
    const group = await dashboard("group", { from: "2024-12-01", to: today, grain: "month" });
    expect(group.closing).toBe(await currentSum(group.programs.map((p) => p.id)));
    expect(await activeCounts()).toEqual(await activeFromSource());
  });

  it("counts activity folded late (backdated) once per member and period, whatever was folded before", async () => {
    const count = async (scope: string, grain: number, period: string) => (await activeCounts()).find((r) => r.startsWith(`${scope} ${grain} ${period} `))?.split(" ")[3] ?? "0";
    const GROUP = "00000000-0000-0000-0000-000000000000";
    const december = async () => [await count(GROUP, 0, "2024-12-20"), await count(GROUP, 2, "2024-12-01"), await count(usa.id, 0, "2024-12-20"), await count(usa.id, 2, "2024-12-01")];
    expect(await december()).toEqual(["0", "0", "0", "0"]);

    // m3's first December activity is a transaction, folded after their January and February activity.
    await db().execute(sql`insert into transactions (external_id, member_id, type, amount, currency, occurred_at)
      values (${`late-${m3.id}`}, ${m3.id}, 'purchase', 1000, 'USD', '2024-12-20T12:00:00Z')`);
    await refreshRollups(db());
    expect(await december()).toEqual(["1", "1", "0", "0"]);

    // A movement on the same day: new for the programme, already counted for the group.
    await award(m3.id, usa.id, 5, at("2024-12-20T13:00:00Z"));
    // m2 in India: again on a day already counted (3 February), and on a day of a week not counted yet (22 January).
    const before = [await count(india.id, 0, "2025-02-03"), await count(india.id, 1, "2025-02-03"), await count(india.id, 0, "2025-01-22"), await count(india.id, 1, "2025-01-20"), await count(india.id, 2, "2025-01-01")];
    await award(m2.id, india.id, 5, FEB);
    await award(m2.id, india.id, 5, at("2025-01-22T06:00:00Z"));
    await refreshRollups(db());
    expect(await december()).toEqual(["1", "1", "1", "1"]);
    const after = [await count(india.id, 0, "2025-02-03"), await count(india.id, 1, "2025-02-03"), await count(india.id, 0, "2025-01-22"), await count(india.id, 1, "2025-01-20"), await count(india.id, 2, "2025-01-01")];
    expect(after.map(Number)).toEqual([Number(before[0]), Number(before[1]), Number(before[2]) + 1, Number(before[3]) + 1, Number(before[4])]);
    expect(await activeCounts()).toEqual(await activeFromSource());
    const since = await activeSinceBothWays(["group", india.id, usa.id], ["2024-12-01", "2024-12-21", "2025-01-22", "2025-02-04"]);
    expect(since.dashboardSays).toEqual(since.sourceSays);
  });
});

describe("points dashboard CSV downloads", () => {
  const call = (query: string) => csvGET(new Request(`http://localhost/reports/programmes/csv?${query}`));
  const signIn = async (role: "program_manager" | "partner_manager" | "auditor" | "admin" | "member_care") => {
    const user = await makeUser([role]);
    session.user = { id: user.id, email: user.email, name: user.name, roles: [role] };
  };

  it("refuses a signed-out caller, roles without reports:read and bad parameters (with a code naming the field)", async () => {
    session.user = null;
    expect((await call("")).status).toBe(401);
    await signIn("member_care");
    expect((await call("")).status).toBe(403);
    await signIn("program_manager");
    for (const [query, field] of [
      ["table=ledger", "table"],
      ["program=00000000-0000-0000-0000-000000000001", "program"],
      ["grain=year", "grain"],
      ["from=2025-02-30", "from"],
      ["from=2025-02-01&to=2025-01-01", "from"],
      ["from=2020-01-01&to=2025-01-01&grain=day", "from"],
    ] as const) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "validation_failed", message: expect.any(String), details: { field } } });
    }
  });

  it("gives program managers, partner managers, auditors and admins each table", async () => {
    for (const role of ["program_manager", "partner_manager", "auditor", "admin"] as const) {
      await signIn(role);
      const response = await call(`program=${india.id}&from=2025-01-14&to=2025-01-15&grain=day&table=movements`);
      expect(response.status, role).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(`points-movements-${india.code}-2025-01-14-2025-01-15-day.csv`);
    }
    const movements = parseCsv(await (await call(`program=${india.id}&from=2025-01-14&to=2025-01-15&grain=day&table=movements`)).text());
    expect(movements.header.slice(0, 6)).toEqual(["period_start", "issued", "redeemed", "expired", "other", "net_change"]);
    expect(movements.records.map((r) => r.cells.slice(0, 6))).toEqual([
      ["2025-01-14", "1000", "0", "0", "0", "1000"],
      ["2025-01-15", "540", "300", "0", "0", "240"],
    ]);
    const outstanding = parseCsv(await (await call(`program=${india.id}&from=2025-01-14&to=2025-01-15&grain=day&table=outstanding`)).text());
    expect(outstanding.records.map((r) => r.cells)).toEqual([
      ["2025-01-14", "3000", "750.00", "INR"],
      ["2025-01-15", "3240", "810.00", "INR"],
    ]);
    const tiers = parseCsv(await (await call(`program=group&table=tiers`)).text());
    expect(tiers.header).toEqual(["program_code", "tier", "members"]);
    expect(tiers.records.some((r) => r.cells[0] === usa.code && r.cells[1] === "Base")).toBe(true);
  });
});
