import "server-only";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { expiryStrategies, members, partners, programs, tiers } from "@/db/schema";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { expirePoints } from "@/lib/expiry/expire";
import { awardPoints } from "@/lib/ledger/award";
import { redeemPoints } from "@/lib/ledger/redeem";
import { isDomainError } from "@/lib/errors";
import { enrolMember } from "@/lib/members";
import { closeBillingCycle } from "@/lib/partners/billing";
import { earnForPartner } from "@/lib/partners/earn";
import { assignTier } from "@/lib/tiers/assign";
import { ingestMany } from "@/lib/transactions/ingest-many";
import { seededRandom } from "./random";

const DAY = 86_400_000;
const DAYS = 180;
const MEMBERS = 180;
const PREFIX = "CUST-3";
const FIRST = ["Aarti", "Bhavesh", "Chitra", "Dev", "Esha", "Farhan", "Gita", "Hemant", "Ira", "Jay", "Kabir", "Lata", "Mihir", "Naina", "Om", "Priya", "Raghav", "Sana", "Tarun", "Uma", "Varun", "Yamini", "Zoya", "Nikhil"];
const LAST = ["Agarwal", "Bose", "Chopra", "Desai", "Gill", "Joshi", "Kapoor", "Menon", "Nair", "Pillai", "Rao", "Sethi", "Shah", "Thomas", "Kulkarni", "Reddy"];
/** Shops of the history: [name, MCC, spend category, typical bill in rupees]. No vouchers (MCC 7832); groceries (the cashback offer) only before the offers began. */
const SHOPS: [string, string, string, number][] = [
  ["Toit", "5812", "Dining", 2_400],
  ["Third Wave Coffee", "5814", "Dining", 450],
  ["IndiGo", "4511", "Travel", 9_500],
  ["Taj Hotels", "7011", "Travel", 14_000],
  ["Croma", "5732", "Electronics", 18_000],
  ["Westside", "5651", "Apparel", 3_200],
  ["Amazon", "5999", "Online shopping", 1_900],
  ["BigBasket", "5411", "Groceries", 2_100],
];

/**
 * Six months of programme history for the reports: 180 members enrolled over the period, about 1,100
 * card transactions through the real engine (base earn and the demo offers live then), redemptions,
 * promotional points that expired, members moved up a tier, and the demo partners' own earn (funded
 * from Skyward's point blocks, billed to Stay Hotels). Every use case runs with `now` set to the
 * day it happens, and the transaction, fulfilment and enrolment times are then set to that day, so the
 * dashboards show a real trend. Loaded once, after the other demo data.
 */
const IST_OFFSET_MS = 330 * 60_000;

export async function seedDemoHistory(db: Db, now = new Date()): Promise<boolean> {
  const [done] = await db.select({ id: members.id }).from(members).where(like(members.externalId, `${PREFIX}%`)).limit(1);
  if (done) return false;
  const programRows = await db.select({ id: programs.id, code: programs.code }).from(programs).where(inArray(programs.code, ["COAL", "DINE", "TRVL"]));
  const byCode = new Map(programRows.map((p) => [p.code, p.id]));
  const [coal, dine, trvl] = [byCode.get("COAL"), byCode.get("DINE"), byCode.get("TRVL")];
  if (!coal || !dine || !trvl) return false;
  const actor = systemActor("seed");
  const rand = seededRandom(20261130);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dayAt = (daysAgo: number, hour: number) => new Date(today - daysAgo * DAY + hour * 3_600_000);

  // Members, enrolled across the period (more of them recently).
  const people: { id: string; enrolledDaysAgo: number; programIds: string[] }[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const enrolledDaysAgo = Math.floor(DAYS * Math.sqrt(rand()));
    const programIds = [coal, ...(rand() < 0.6 ? [dine] : []), ...(rand() < 0.4 ? [trvl] : [])];
    const member = await enrolMember(db, actor, {
      externalId: `${PREFIX}${String(i + 1).padStart(5, "0")}`,
      firstName: first,
      lastName: last,
      email: `${first}.${last}.${i + 1}@example.net`.toLowerCase(),
      phone: `+91 97${String(31_000_000 + i * 7_919).padStart(8, "0")}`,
      attributes: { segment: rand() < 0.7 ? "salaried" : "self-employed", card: rand() < 0.2 ? "infinite" : "signature" },
      programIds,
    });
    people.push({ id: member.id, enrolledDaysAgo, programIds });
  }
  // Enrolled when their history starts (one statement per table).
  const enrolments = JSON.stringify(people.map((p) => ({ id: p.id, at: dayAt(p.enrolledDaysAgo, 9).toISOString() })));
  const dated = sql`jsonb_to_recordset(${enrolments}::jsonb) as d(id uuid, at timestamptz)`;
  await db.execute(sql`update members m set created_at = d.at, updated_at = d.at from ${dated} where m.id = d.id`);
  await db.execute(sql`update member_programs m set enrolled_at = d.at from ${dated} where m.member_id = d.id`);
  await db.execute(sql`update member_tier_changes m set at = d.at from ${dated} where m.member_id = d.id`);

  // Card transactions, day by day, each day's through the engine as that day.
  const promo = await db.select({ id: expiryStrategies.id, programId: expiryStrategies.programId }).from(expiryStrategies).where(eq(expiryStrategies.kind, "days"));
  let n = 0;
  for (let daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
    const active = people.filter((p) => p.enrolledDaysAgo >= daysAgo && rand() < 0.045);
    if (active.length === 0) continue;
    const inputs = active.map((p) => {
      const shop = SHOPS[Math.floor(rand() * (daysAgo > 30 ? SHOPS.length : SHOPS.length - 1))]!;
      const amount = Math.round(shop[3] * (0.4 + rand() * 1.6)) * 100;
      return { memberId: p.id, externalId: `DEMO-HIST-${++n}`, type: "purchase" as const, amount, currency: "INR", occurredAt: dayAt(daysAgo, 8 + Math.floor(rand() * 12)), merchantName: shop[0], mcc: shop[1], category: shop[2], country: "IN", channel: rand() < 0.3 ? "online" : "pos" };
    });
    await db.transaction((tx) => ingestMany(tx, actor, inputs, dayAt(daysAgo, 23)));
    // Now and then a member spends points.
    if (daysAgo % 9 === 0) {
      for (const p of people.filter((x) => x.enrolledDaysAgo > daysAgo + 20 && rand() < 0.05)) {
        await redeemPoints(db, actor, { memberId: p.id, programId: coal, points: 100 * (1 + Math.floor(rand() * 4)), group: false, externalReference: `DEMO-HIST-ORDER-${++n}` }, dayAt(daysAgo, 21)).catch(() => null);
      }
    }
    // A festive promotion 150 days ago, with the 90-day expiry of promotional points.
    if (daysAgo === 150) {
      for (const p of people.filter((x) => x.enrolledDaysAgo >= 150)) {
        const strategy = promo.find((s) => s.programId === coal);
        await awardPoints(db, actor, { memberId: p.id, programId: coal, points: 500, reason: "Festive promotion", expiryStrategyId: strategy?.id, awardedAt: dayAt(150, 10) }, dayAt(150, 10));
      }
    }
  }
  // The demo partners' own earn (flights and stays booked with them): TRVL points that Skyward Airlines pays
  // for from its prepaid point blocks and Stay Hotels is billed for, post-paid, at the end of its cycle.
  const partnerRows = await db.select({ id: partners.id, code: partners.code }).from(partners).where(inArray(partners.code, ["SKYW", "STAYPTS"]));
  const skyward = partnerRows.find((r) => r.code === "SKYW");
  const stay = partnerRows.find((r) => r.code === "STAYPTS");
  const travellers = people.filter((p) => p.programIds.includes(trvl));
  if (skyward && stay) {
    for (let daysAgo = DAYS; daysAgo >= 1; daysAgo -= 3) {
      for (const p of travellers.filter((x) => x.enrolledDaysAgo >= daysAgo && rand() < 0.08)) {
        const partner = rand() < 0.6 ? skyward : stay;
        const at = dayAt(daysAgo, 10 + Math.floor(rand() * 10));
        const earn = { externalId: `DEMO-HIST-P-${++n}`, memberId: p.id, points: 250 * (1 + Math.floor(rand() * 8)), reason: null, occurredAt: at };
        await db.transaction((tx) => earnForPartner(tx, actor, partner.id, earn, at));
      }
    }
    // Skyward bought its blocks before the history began.
    const bought = dayAt(DAYS + 10, 11).toISOString();
    await db.execute(sql`
      update point_blocks set created_at = ${bought}::timestamptz, decided_at = ${bought}::timestamptz
      where partner_id = ${skyward.id} and reference in ('SKYW-PO-0001', 'SKYW-RESERVE')`);
    await db.execute(sql`update partner_transactions set created_at = occurred_at where external_id like 'DEMO-HIST-P-%'`);
    await db.execute(sql`
      update point_block_debits d set at = t.occurred_at
      from partner_transactions t where d.partner_transaction_id = t.id and t.external_id like 'DEMO-HIST-P-%'`);
    // Stay Hotels' monthly cycle was closed at midnight in India on the first of each month up to last
    // month's: since then its stays wait in the open cycle.
    for (let month = 5; month >= 1; month--) {
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - month, 1) - IST_OFFSET_MS);
      if (first.getTime() <= today - DAYS * DAY) continue;
      await closeBillingCycle(db, actor, stay.id, { closedAt: first }).catch((error: unknown) => {
        if (!isDomainError(error) || error.code !== "nothing_to_bill") throw error;
      });
    }
  }

  // The promotional points nobody spent expired 90 days on, at the programme's midnight.
  for (let daysAgo = 62; daysAgo >= 55; daysAgo--) await expirePoints(db, { now: dayAt(daysAgo, 0), actor });

  // The transactions, their fulfilments and state changes happened when the card was used.
  await db.execute(sql`update transactions set received_at = occurred_at where external_id like 'DEMO-HIST-%'`);
  await db.execute(sql`
    update fulfilments f set created_at = t.occurred_at, updated_at = t.occurred_at
    from transactions t where t.id = f.transaction_id and t.external_id like 'DEMO-HIST-%'`);
  await db.execute(sql`
    update fulfilment_events e set at = f.created_at
    from fulfilments f join transactions t on t.id = f.transaction_id
    where e.fulfilment_id = f.id and t.external_id like 'DEMO-HIST-%' and e.from_state is null`);

  // Some members moved up a tier by hand (status matches) along the way.
  const tierRows = await db.select({ id: tiers.id, name: tiers.name }).from(tiers).where(and(eq(tiers.programId, coal), inArray(tiers.name, ["Gold", "Platinum"])));
  const gold = tierRows.find((t) => t.name === "Gold");
  const platinum = tierRows.find((t) => t.name === "Platinum");
  for (const [i, p] of people.entries()) {
    const tier = i % 12 === 0 ? platinum : i % 4 === 0 ? gold : undefined;
    if (tier) await assignTier(db, actor, { memberId: p.id, programId: coal, tierId: tier.id, reason: "Status match with another bank's card" }, dayAt(Math.max(1, p.enrolledDaysAgo - 10), 12));
  }
  return true;
}
