/** The member timeline: every source, newest first, keyset pages without gaps or repeats, filters. */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as reversePOST } from "@/app/api/v1/transactions/[transaction_id]/reverse/route";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { redeemPoints, reverseRedemption } from "@/lib/ledger/redeem";
import { transferPoints } from "@/lib/ledger/transfer";
import { listMemberTimeline, type TimelineKind } from "@/lib/members/timeline";
import type { TimelineItem } from "@/lib/members/timeline-details";
import { systemTestActor } from "../support/fixtures";
import { award, makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

let scenario: Awaited<ReturnType<typeof buildScenario>>;

async function buildScenario() {
  const db = getDb();
  const p = await makeProgram({ name: "Rewards" });
  const q = await makeProgram({ name: "Travel" });
  // Two offers: one purchase gives two awards written at the same instant (a tie the keys break).
  await liveOffer(p.id, { name: "Three percent", rule: { kind: "percentage", rate: "3" }, narration: "{points} points at {merchant}" });
  await liveOffer(p.id, { name: "Flat hundred", rule: { kind: "flat", value: 100 }, narration: "Welcome bonus of {points}" });
  const member = await makeMember([p.id, q.id]);
  const friend = await makeMember([p.id]);
  const body = purchase(member.id, 100_000, { merchant_name: "Taj Mahal Palace" });
  const bought = await call(transactionsPOST, "/api/v1/transactions", { body });
  expect(bought.status).toBe(201);
  await award(member.id, q.id, 700);
  const redemption = await redeemPoints(db, systemTestActor, { memberId: member.id, programId: p.id, points: 1_000, group: false });
  await transferPoints(db, systemTestActor, { fromMemberId: member.id, toMemberId: friend.id, programId: p.id, points: 250, group: false });
  const refund = await call(reversePOST, `/api/v1/transactions/${bought.body.transaction_id}/reverse`, { body: { amount: 50_000 }, params: { transaction_id: bought.body.transaction_id } });
  expect(refund.body).toMatchObject({ refunded_amount: 50_000 });
  await reverseRedemption(db, systemTestActor, redemption.id);
  return { p, q, member, friend, transactionExternalId: body.external_id };
}

beforeAll(async () => {
  await useApiKey();
  scenario = await buildScenario();
});

async function walk(memberId: string, limit: number, filter: Parameters<typeof listMemberTimeline>[2] = {}): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listMemberTimeline(getDb(), memberId, { ...filter, limit, cursor });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error("the timeline never ended");
}

describe("member timeline", () => {
  it("shows everything that touched the member, newest first, each with its details", async () => {
    const items = await walk(scenario.member.id, 100);
    const kinds = items.map((i) => i.kind);
    expect(new Set(kinds)).toEqual(new Set<TimelineKind>(["tier", "transaction", "award", "redemption", "transfer", "reversal", "fulfilment"]));
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(items[i]!.at.getTime());
    // Oldest first: the two enrolments, then the purchase and its awards...
    expect(items.at(-1)!.kind).toBe("tier");
    const tx = items.find((i) => i.kind === "transaction");
    expect(tx).toMatchObject({ externalId: scenario.transactionExternalId, amount: 100_000, refundedAmount: 50_000, merchantName: "Taj Mahal Palace" });
    const awards = items.filter((i) => i.kind === "award");
    expect(awards).toHaveLength(3); // two offers and the award made without an offer
    expect(awards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ origin: "fulfilment", offerName: "Three percent", offerVersion: 1, value: 3_000, reversedValue: 1_500, narration: "3,000 points at Taj Mahal Palace", transactionExternalId: scenario.transactionExternalId }),
        expect.objectContaining({ origin: "fulfilment", offerName: "Flat hundred", value: 100 }),
        expect.objectContaining({ origin: "ledger", points: [{ programCode: scenario.q.code, points: 700 }] }),
      ]),
    );
    expect(items.find((i) => i.kind === "redemption")).toMatchObject({ points: 1_000, programCode: scenario.p.code, groupRedemption: false, breakup: [{ programCode: scenario.p.code, points: 1_000 }] });
    expect(items.find((i) => i.kind === "transfer")).toMatchObject({ direction: "out", points: 250, otherExternalId: scenario.friend.externalId });
    const reversals = items.filter((i) => i.kind === "reversal").map((i) => (i.kind === "reversal" ? i.entryKind : ""));
    expect(reversals.sort()).toEqual(["award_reversal", "award_reversal", "redemption_reversal"]);
    // The refund changed both awards: their state changes are on the timeline too.
    expect(items.filter((i) => i.kind === "fulfilment")).toHaveLength(2);
  });

  it("pages of one entry walk the same timeline as one long page: no gaps, no repeats", async () => {
    const whole = await walk(scenario.member.id, 100);
    const oneByOne = await walk(scenario.member.id, 1);
    const byThree = await walk(scenario.member.id, 3);
    expect(oneByOne.map((i) => i.key)).toEqual(whole.map((i) => i.key));
    expect(byThree.map((i) => i.key)).toEqual(whole.map((i) => i.key));
    expect(new Set(whole.map((i) => i.key)).size).toBe(whole.length);
  });

  it("filters by kind, programme and date", async () => {
    const redemptions = await walk(scenario.member.id, 10, { kinds: ["redemption"] });
    expect(redemptions.map((i) => i.kind)).toEqual(["redemption"]);
    const travel = await walk(scenario.member.id, 10, { programId: scenario.q.id });
    expect(travel.map((i) => i.kind).sort()).toEqual(["award", "tier"]);
    expect(await walk(scenario.member.id, 10, { from: new Date(Date.now() + 60_000) })).toEqual([]);
    const all = await walk(scenario.member.id, 100);
    const before = await walk(scenario.member.id, 100, { to: all.at(-1)!.at });
    expect(before).toEqual([]);
  });

  it("shows the receiving member the transfer in", async () => {
    const items = await walk(scenario.friend.id, 10);
    expect(items.find((i) => i.kind === "transfer")).toMatchObject({ direction: "in", points: 250, otherExternalId: scenario.member.externalId, toProgramCode: scenario.p.code });
  });

  it("refuses a made-up cursor with a code", async () => {
    await expect(listMemberTimeline(getDb(), scenario.member.id, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ code: "invalid_cursor" });
    await expect(listMemberTimeline(getDb(), scenario.member.id, { cursor: Buffer.from("2026-01-01T00:00:00.000000Z|T:1' or 1=1").toString("base64url") })).rejects.toMatchObject({
      code: "invalid_cursor",
    });
  });
});
