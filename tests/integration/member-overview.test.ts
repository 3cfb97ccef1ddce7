/** The member overview's figures: points expiring in 30/60/90 days, trackers today, tier history rows. */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as transactionsPOST } from "@/app/api/v1/transactions/route";
import { getDb } from "@/db";
import { awardPoints } from "@/lib/ledger/award";
import { redeemPoints } from "@/lib/ledger/redeem";
import { currentTrackers, expiringPoints } from "@/lib/members/overview";
import { addExpiryStrategy } from "@/lib/programs";
import { systemTestActor } from "../support/fixtures";
import { makeMember, makeProgram } from "../support/ledger";
import { call, liveOffer, purchase, useApiKey } from "../support/transactions";

const DAY = 86_400_000;

beforeAll(async () => {
  await useApiKey();
});

describe("points expiring soon", () => {
  it("counts what is left of each lot by the window its expiry falls in, and nothing already expired or later", async () => {
    const db = getDb();
    const program = await makeProgram();
    const yearish = await addExpiryStrategy(db, systemTestActor, program.id, { name: "200 days", kind: "days", amount: 200, isDefault: false });
    const member = await makeMember([program.id]);
    const now = Date.now();
    // Expiring in about 5, 40, 80 and 120 days, and one already expired.
    const awardExpiringIn = (days: number, points: number) =>
      awardPoints(db, systemTestActor, { memberId: member.id, programId: program.id, points, reason: "test", expiryStrategyId: yearish.id, awardedAt: new Date(now + (days - 200) * DAY) });
    await awardExpiringIn(-1, 9_000);
    await awardExpiringIn(5, 100);
    await awardExpiringIn(40, 200);
    await awardExpiringIn(80, 400);
    await awardExpiringIn(120, 800);
    // Redemptions spend the earliest-expiring lot first: 60 of the 100.
    await redeemPoints(db, systemTestActor, { memberId: member.id, programId: program.id, points: 60, group: false });
    expect(await expiringPoints(db, member.id, new Date(now))).toEqual([{ programId: program.id, programCode: program.code, within30: 40, within60: 240, within90: 640 }]);
  });

  it("is empty for a member with no expiring points", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    expect(await expiringPoints(getDb(), member.id)).toEqual([]);
  });
});

describe("trackers today", () => {
  it("shows this calendar period's value and the live offer that reads it; the past period does not count", async () => {
    const program = await makeProgram({ timeZone: "Asia/Kolkata" });
    const tracker = { metric: "transaction_amount", window: { kind: "calendar_year" } } as const;
    await liveOffer(program.id, { name: "Annual spend", target: { kind: "milestone", tracker, threshold: 10_000_000 }, rule: { kind: "flat", value: 5_000 } });
    const member = await makeMember([program.id]);
    for (const amount of [120_000, 30_000]) expect((await call(transactionsPOST, "/api/v1/transactions", { body: purchase(member.id, amount) })).status).toBe(201);
    const [row] = await getDb().execute<{ key: string }>(sql`select tracker_key as key from member_trackers where member_id = ${member.id} limit 1`);
    await getDb().execute(sql`insert into member_trackers (member_id, tracker_key, period_key, value) values (${member.id}, ${row!.key}, '2001', 999999)`);
    const trackers = await currentTrackers(getDb(), member.id, "Asia/Kolkata");
    expect(trackers).toEqual([expect.objectContaining({ metric: "transaction_amount", period: String(new Date(Date.now() + 5.5 * 3_600_000).getUTCFullYear()), value: 150_000, usedBy: ["Annual spend"] })]);
  });
});

describe("tier history", () => {
  it("starts with the enrolment in each programme's default tier", async () => {
    const a = await makeProgram();
    const b = await makeProgram();
    const member = await makeMember([a.id, b.id]);
    const rows = await getDb().execute<{ program_id: string; reason: string; from_tier_id: string | null }>(
      sql`select program_id, reason, from_tier_id from member_tier_changes where member_id = ${member.id} order by program_id`,
    );
    expect(rows.map((r) => [r.program_id, r.reason, r.from_tier_id]).sort()).toEqual([[a.id, "Enrolled", null], [b.id, "Enrolled", null]].sort());
  });
});
