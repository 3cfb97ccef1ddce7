import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { checkLedgerIntegrity, outstandingByProgram } from "@/lib/ledger/health";
import { seedDemoData } from "@/lib/seed";
import { systemActor } from "@/lib/actor";
import { getMemberPoints } from "@/lib/ledger/balances";
import { listRedemptions } from "@/lib/ledger/redeem";
import { resolveMember } from "@/lib/members";
import { searchMembers } from "@/lib/members/search";
import { listMemberTimeline } from "@/lib/members/timeline";
import { expiringPoints } from "@/lib/members/overview";
import { retryCredit } from "@/lib/partners/credits";
import { ingestTransaction } from "@/lib/transactions/ingest";

describe("demo data", () => {
  it("loads users, programmes and a balanced ledger once, and a second run changes nothing", async () => {
    const first = await seedDemoData(getDb());
    expect(first.created).toContain("demo programmes and members");
    expect(first.created).toContain("demo earn rules and offers");
    const outstanding = await outstandingByProgram(getDb());
    expect(outstanding.map((p) => p.code)).toEqual(["COAL", "DINE", "TRVL"]);
    const kavya = await getMemberPoints(getDb(), (await resolveMember(getDb(), "ext:CUST-100004")).id);
    const [history] = await getDb().execute<{ points: string }>(sql`
      select coalesce(sum(mp.current), 0)::text as points from member_programs mp join members m on m.id = mp.member_id where m.external_id like 'CUST-3%'`);
    expect(outstanding.reduce((s, p) => s + p.outstandingPoints, 0) - kavya.group.current - Number(history!.points)).toBe(4_200 + 1_250 + 3_000 + 2_500 + 600 + 8_000 - 2_000);
    expect((await checkLedgerIntegrity(getDb())).ok).toBe(true);
    expect((await seedDemoData(getDb())).created).toEqual([]);
  });

  it("has six months of history for the reports: earning every week, redemptions, expired promotional points and upgraded members", async () => {
    await seedDemoData(getDb());
    const [h] = await getDb().execute<{ weeks: number; redemptions: number; expired: string; tiers: number; transactions: number; offer_awards: number }>(sql`
      select
        (select count(distinct date_trunc('week', e.at))::int from journal_entries e join members m on m.id = e.member_id where m.external_id like 'CUST-3%' and e.kind = 'award') as weeks,
        (select count(*)::int from journal_entries e join members m on m.id = e.member_id where m.external_id like 'CUST-3%' and e.kind = 'redemption') as redemptions,
        (select coalesce(sum(mp.expired), 0)::text from member_programs mp join members m on m.id = mp.member_id where m.external_id like 'CUST-3%') as expired,
        (select count(*)::int from member_tier_changes c join members m on m.id = c.member_id where m.external_id like 'CUST-3%' and c.from_tier_id is not null) as tiers,
        (select count(*)::int from transactions where external_id like 'DEMO-HIST-%' and received_at = occurred_at) as transactions,
        (select count(*)::int from fulfilments f join transactions t on t.id = f.transaction_id where t.external_id like 'DEMO-HIST-%' and f.offer_id is not null and f.created_at = t.occurred_at) as offer_awards`);
    expect(h!.weeks).toBeGreaterThanOrEqual(20);
    expect(h!.redemptions).toBeGreaterThan(10);
    expect(Number(h!.expired)).toBeGreaterThan(0);
    expect(h!.tiers).toBeGreaterThan(15);
    expect(h!.transactions).toBeGreaterThan(700);
    expect(h!.offer_awards).toBeGreaterThan(0);
    // The partners' own earn: Skyward's blocks used month after month; Stay Hotels billed monthly, last month's stays waiting for their statement.
    const [p] = await getDb().execute<{ block_months: number; block_points: string; billable: number; statements: number; billed: number; unbilled_early: number }>(sql`
      select
        (select count(distinct date_trunc('month', d.at))::int from point_block_debits d join partner_transactions t on t.id = d.partner_transaction_id where t.external_id like 'DEMO-HIST-P-%') as block_months,
        (select coalesce(sum(d.points), 0)::text from point_block_debits d join partner_transactions t on t.id = d.partner_transaction_id where t.external_id like 'DEMO-HIST-P-%') as block_points,
        (select count(*)::int from partner_transactions t join partners p on p.id = t.partner_id where p.code = 'STAYPTS' and t.external_id like 'DEMO-HIST-P-%' and t.statement_id is null) as billable,
        (select count(*)::int from partner_statements s join partners p on p.id = s.partner_id where p.code = 'STAYPTS') as statements,
        (select count(*)::int from partner_transactions t join partner_statements s on s.id = t.statement_id where t.created_at < s.period_to and t.created_at >= coalesce(s.period_from, '-infinity')) as billed,
        (select count(*)::int from partner_transactions t join partners p on p.id = t.partner_id
          where p.code = 'STAYPTS' and t.statement_id is null and t.created_at < (select max(period_to) from partner_statements s where s.partner_id = p.id)) as unbilled_early`);
    expect(p!.block_months).toBeGreaterThanOrEqual(5);
    expect(Number(p!.block_points)).toBeGreaterThan(50_000);
    expect(p!.billable).toBeGreaterThan(5);
    expect(p!.statements).toBeGreaterThanOrEqual(4);
    expect(p!.billed).toBeGreaterThan(20);
    expect(p!.unbilled_early).toBe(0);
    // Saved segments with members, the spend one counted from the history's card spend.
    const saved = await getDb().execute<{ name: string; member_count: number }>(sql`select name, member_count from segments order by name`);
    expect(saved.map((s) => s.name)).toEqual(["Big spenders", "Coalition Gold and Platinum", "Self-employed cardholders"]);
    for (const s of saved) expect(s.member_count).toBeGreaterThan(0);
    expect((await checkLedgerIntegrity(getDb())).ok).toBe(true);
  });

  it("has live demo offers, so a dining purchase on a fresh install earns base points and the dining bonus", async () => {
    await seedDemoData(getDb());
    const member = await resolveMember(getDb(), "ext:CUST-100001");
    const result = await getDb().transaction((tx) =>
      ingestTransaction(tx, systemActor("test"), {
        memberId: member.id,
        externalId: "SEED-CHECK-1",
        type: "purchase",
        amount: 200_000,
        currency: "INR",
        occurredAt: new Date(Date.now() - 60_000),
        merchantName: "Toit",
        mcc: "5812",
        country: "IN",
      }),
    );
    const awards = result.awards.map((a) => [a.offerId === null ? "base" : "offer", a.narration, a.value, a.state]);
    expect(awards).toContainEqual(["offer", "2,000 bonus points for dining at Toit", 2_000, "posted"]); // 5 % = 10,000, capped at 2,000 a month
    expect(awards).toContainEqual(["base", "2,000 Coalition points on 2,000.00 at Toit", 2_000, "posted"]); // 1 % of 200,000 paise
  });

  it("has a member care story: found by phone, a group redemption from two programmes, points expiring soon, a refused partner credit that can be sent again", async () => {
    await seedDemoData(getDb());
    const db = getDb();
    const [found] = await searchMembers(db, "98450 22334");
    expect(found).toMatchObject({ externalId: "CUST-100004", firstName: "Kavya" });
    const [redemption] = await listRedemptions(db, found!.id);
    const codes = new Map((await outstandingByProgram(db)).map((p) => [p.programId, p.code]));
    expect(redemption!.breakupByProgram.map((b) => [codes.get(b.program_id), b.points])).toEqual([["COAL", 1_800], ["DINE", 1_200]]);
    expect((await expiringPoints(db, found!.id)).find((e) => e.programCode === "DINE")?.within30).toBe(600);
    const { items } = await listMemberTimeline(db, found!.id, { kinds: ["transaction"] });
    expect(items[0]).toMatchObject({ kind: "transaction", externalId: "DEMO-POS-4004", lineItems: [expect.objectContaining({ sku: "TV-55-OLED" }), expect.objectContaining({ sku: "HDMI-2M" })] });
    const [failed] = await db.execute<{ id: string }>(sql`select id from fulfilments where member_id = ${found!.id} and state = 'failed'`);
    expect((await retryCredit(db, systemActor("test"), { fulfilmentId: failed!.id })).state).toBe("pending");
    expect((await checkLedgerIntegrity(db)).ok).toBe(true);
  });
});
