/** Offer performance and partner reports from the rollups: exact counts, values, states, reach and block usage. */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { dispatchOutbox } from "@/lib/outbox/dispatch";
import { retryCredit, reverseCredit } from "@/lib/partners/credits";
import { earnForPartner } from "@/lib/partners/earn";
import { blockUsageSeries } from "@/lib/reports/offers/compute";
import { findOfferSubject, offerReport, offerReportRows, reportLookups } from "@/lib/reports/offers/queries";
import { partnerBlockUsage, partnerCreditRows } from "@/lib/reports/partners/queries";
import { refreshRollups } from "@/lib/reports/refresh";
import { reverseTransaction } from "@/lib/transactions/reverse";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { addBlock, makeApiPartner, PARTNER_SECRET } from "../support/partners";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

let ledger: DemoPartnerLedger;
const other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
beforeAll(async () => {
  await useApiKey();
  ledger = await startDemoPartnerLedger({ secret: PARTNER_SECRET });
});
afterAll(async () => {
  await ledger.close();
  await other.end();
});
beforeEach(() => {
  Object.assign(ledger.behaviour, { failShare: 0, rejectShare: 0, timeoutShare: 0, delayMs: 0 });
});

const db = () => getDb();
const ALL_TIME = { from: "2000-01-01", to: "2100-12-31" };

async function setUp() {
  const program = await makeProgram({ pointsToCurrency: "0.25" });
  const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY` });
  const points = await liveOffer(program.id, { name: "Coffee points", rule: { kind: "flat", value: 100 } });
  const miles = await liveOffer(program.id, { name: "Coffee miles", outcome: { type: "partner_points", partnerId: partner.id }, rule: { kind: "flat", value: 500 }, narration: "{points} miles" });
  const members = await Promise.all([1, 2].map(() => makeMember([program.id])));
  const buy = async (memberId: string) => {
    const res = await call(transactionsPOST, "/api/v1/transactions", { body: purchase(memberId, 100_000) });
    expect(res.status).toBe(201);
    return res.body as { transaction_id: string; awards: { fulfilment_id: string; offer_id: string; outcome_type: string }[] };
  };
  return { program, partner, points, miles, members, buy };
}

const report = async (offerId: string) => offerReport(db(), await reportLookups(db()), (await findOfferSubject(db(), offerId))!, ALL_TIME);

/** The rollups summed over all days equal the fulfilments as they stand, for the offer: nothing lost or counted twice. */
async function expectRollupsMatch(offerId: string) {
  const [live] = await db().execute<Record<string, string>>(sql`
    select count(*)::text as awards, coalesce(sum(value), 0)::text as value,
      count(*) filter (where state = 'pending')::text as pending, count(*) filter (where state = 'posted')::text as posted,
      count(*) filter (where state = 'failed')::text as failed, count(*) filter (where state = 'reversed')::text as reversed,
      coalesce(sum(value - reversed_value) filter (where state in ('pending', 'posted')), 0)::text as net,
      count(distinct member_id)::text as members
    from fulfilments where offer_id = ${offerId}`);
  const r = await report(offerId);
  expect({
    awards: r.totals.awards,
    value: r.totals.value,
    pending: r.totals.pendingCount,
    posted: r.totals.postedCount,
    failed: r.totals.failedCount,
    reversed: r.totals.reversedCount,
    net: r.totals.pendingValue + r.totals.postedValue - r.totals.takenBack,
    members: r.membersReached,
  }).toEqual(Object.fromEntries(Object.entries(live!).map(([k, v]) => [k, Number(v)])));
}

describe("offer performance rollups", () => {
  it("counts awards, value, cost and members reached per offer exactly, and a second refresh adds nothing", async () => {
    const { program, points, miles, members, buy } = await setUp();
    await buy(members[0]!.id);
    await buy(members[0]!.id);
    await buy(members[1]!.id);
    await refreshRollups(db());

    const p = await report(points.id);
    expect(p.totals).toMatchObject({ awards: 3, value: 300, postedCount: 3, postedValue: 300, pendingCount: 0 });
    expect(p.membersReached).toBe(2);
    // 300 points × 0.25 INR = 75.00 INR.
    expect(p.outcomes).toEqual([expect.objectContaining({ outcomeType: "reward_points", net: 300, cost: { kind: "money", minor: 7500n, currency: "INR" } })]);
    const m = await report(miles.id);
    expect(m.totals).toMatchObject({ awards: 3, value: 1500, pendingCount: 3, pendingValue: 1500 });
    expect(m.outcomes[0]!.cost).toEqual({ kind: "units", value: 1500, unit: "Skyward Miles" });

    const again = await refreshRollups(db());
    expect(again.skipped === false && again.byRollup["offers.awards"]).toBe(0);
    expect((await report(points.id)).totals.awards).toBe(3);

    const rows = await offerReportRows(db(), await reportLookups(db()), { range: ALL_TIME, programId: program.id });
    expect(rows.map((r) => [r.name, r.totals.awards, r.membersReached]).sort()).toEqual([
      ["Coffee miles", 3, 2],
      ["Coffee points", 3, 2],
    ]);
    await expectRollupsMatch(points.id);
    await expectRollupsMatch(miles.id);
  });

  it("moves refunds exactly: a partial refund takes value back, a whole one reverses the award", async () => {
    const { points, members, buy } = await setUp();
    const first = await buy(members[0]!.id);
    const second = await buy(members[1]!.id);
    await refreshRollups(db());
    await db().transaction((tx) => reverseTransaction(tx, systemTestActor, { transactionId: first.transaction_id, amount: 50_000, reason: "refund" }));
    await db().transaction((tx) => reverseTransaction(tx, systemTestActor, { transactionId: second.transaction_id, amount: 100_000, reason: "refund" }));
    await refreshRollups(db());
    const r = await report(points.id);
    expect(r.totals).toMatchObject({ awards: 2, value: 200, postedCount: 1, reversedCount: 1, reversedValue: 100, takenBack: 50 });
    expect(r.outcomes[0]!.net).toBe(50);
    await expectRollupsMatch(points.id);
  });
});

describe("partner credit reports", () => {
  it("moves a credit that fails, is sent again and posts, and one reversed; the failure rate follows", async () => {
    const { partner, miles, members, buy } = await setUp();
    ledger.behaviour.rejectShare = 1;
    const refused = (await buy(members[0]!.id)).awards.find((a) => a.outcome_type === "partner_points")!;
    await dispatchOutbox(db());
    ledger.behaviour.rejectShare = 0;
    await buy(members[1]!.id);
    await buy(members[1]!.id);
    await dispatchOutbox(db());
    await refreshRollups(db());
    const mid = (await partnerCreditRows(db(), ALL_TIME)).find((p) => p.id === partner.id)!;
    expect(mid.totals).toMatchObject({ awards: 3, postedCount: 2, failedCount: 1, pendingCount: 0 });
    expect(mid.failureRate).toEqual({ failed: 1, settled: 3, percent: "33.3%" });

    await retryCredit(db(), systemTestActor, { fulfilmentId: refused.fulfilment_id });
    await refreshRollups(db());
    expect((await partnerCreditRows(db(), ALL_TIME)).find((p) => p.id === partner.id)!.totals).toMatchObject({ pendingCount: 1, failedCount: 0, postedCount: 2 });
    await dispatchOutbox(db());
    await reverseCredit(db(), systemTestActor, { fulfilmentId: refused.fulfilment_id });
    await dispatchOutbox(db());
    await refreshRollups(db());
    const end = (await partnerCreditRows(db(), ALL_TIME)).find((p) => p.id === partner.id)!;
    expect(end.totals).toMatchObject({ awards: 3, value: 1500, postedCount: 2, postedValue: 1000, reversedCount: 1, reversedValue: 500, failedCount: 0, pendingCount: 0 });
    expect(end.failureRate).toEqual({ failed: 0, settled: 2, percent: "0.0%" });
    await expectRollupsMatch(miles.id);
  });

  it("counts a state change committed while a refresh runs exactly once", async () => {
    const { miles, members, buy } = await setUp();
    for (const m of members) await buy(m.id);
    await refreshRollups(db());
    // Another connection posts one credit (fulfilment and its history line) and commits only after a refresh began.
    const reserved = await other.reserve();
    await reserved`begin`;
    const [f] = await reserved`select id, member_id from fulfilments where offer_id = ${miles.id} and state = 'pending' order by id limit 1 for update`;
    await reserved`update fulfilments set state = 'posted' where id = ${f!.id}`;
    await reserved`insert into fulfilment_events (fulfilment_id, member_id, from_state, to_state, reason, actor_label) values (${f!.id}, ${f!.member_id}, 'pending', 'posted', 'test', 'test')`;
    await Promise.all([refreshRollups(db()), refreshRollups(db())]);
    await refreshRollups(db());
    expect((await report(miles.id)).totals.postedCount).toBe(0);
    await reserved`commit`;
    reserved.release();
    // Then the worker delivers the other credit while refreshes run alongside.
    await Promise.all([refreshRollups(db()), dispatchOutbox(db()), refreshRollups(db())]);
    await refreshRollups(db());
    await expectRollupsMatch(miles.id);
    expect((await report(miles.id)).totals.postedCount).toBe(2);
  });

  it("shows a block's usage and remaining points over time, returns included", async () => {
    const program = await makeProgram();
    const partner = await makeApiPartner(program.id, { url: `${ledger.url}/SKY` });
    const block = await addBlock(partner.id, 10_000);
    const member = await makeMember([program.id]);
    for (const points of [1_000, 2_500]) await earnForPartner(db(), systemTestActor, partner.id, { externalId: `PX-${randomUUID()}`, memberId: member.id, points, reason: null, occurredAt: null });
    await refreshRollups(db());
    const [usage] = await partnerBlockUsage(db(), partner.id, ALL_TIME);
    expect(usage).toMatchObject({ id: block.id, points: 10_000, usedBefore: 0 });
    expect(usage!.days.reduce((s, d) => s + d.debited - d.returned, 0)).toBe(3_500);
    // The same from a range that starts today: everything before is carried in.
    const today = usage!.days.at(-1)!.day;
    const [fromToday] = await partnerBlockUsage(db(), partner.id, { from: today, to: today });
    const series = blockUsageSeries(fromToday!, fromToday!.usedBefore, fromToday!.days, { from: today, to: today, grain: "day" });
    expect(series).toEqual([{ start: today, debited: 3_500, returned: 0, used: 3_500, remaining: 6_500 }]);
    const [live] = await db().execute<{ used: string }>(sql`select used::text from point_blocks where id = ${block.id}`);
    expect(Number(live!.used)).toBe(3_500);
  });
});
