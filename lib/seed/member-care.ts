import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { expiryStrategies, fulfilmentEvents, fulfilments, members, offers, outbox, partners, programs } from "@/db/schema";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { awardPoints } from "@/lib/ledger/award";
import { redeemPoints } from "@/lib/ledger/redeem";
import { enrolMember } from "@/lib/members";
import { ingestTransaction } from "@/lib/transactions/ingest";

const DAY = 86_400_000;

/** The member care demo member: found by phone in the demo, with a story worth explaining. */
export const MEMBER_CARE_DEMO = { externalId: "CUST-100004", firstName: "Kavya", lastName: "Nair", email: "kavya.nair@example.com", phone: "+91 98450 22334" } as const;

/**
 * A member with the history member care is asked about: points in three programmes, a purchase with
 * line items, promotional points about to expire, a group redemption that took points from two
 * programmes, and a Skyward Miles milestone credit the airline refused (its account was not linked yet) that an
 * agent can send again — the demo partner ledger now accepts it. Idempotent: once the member exists,
 * nothing is added.
 */
export async function seedMemberCareDemo(db: Db, now = new Date()): Promise<boolean> {
  const [existing] = await db.select({ id: members.id }).from(members).where(eq(members.externalId, MEMBER_CARE_DEMO.externalId));
  if (existing) return false;
  const byCode = new Map((await db.select().from(programs).where(inArray(programs.code, ["COAL", "DINE", "TRVL"]))).map((p) => [p.code, p]));
  const [coal, dine, travel] = [byCode.get("COAL"), byCode.get("DINE"), byCode.get("TRVL")];
  const [skyward] = await db.select().from(partners).where(eq(partners.code, "SKYW"));
  if (!coal || !dine || !travel || !skyward) return false;
  const actor = systemActor("seed");
  const member = await enrolMember(db, actor, { ...MEMBER_CARE_DEMO, attributes: { segment: "affluent", card: "infinite" }, programIds: [coal.id, dine.id, travel.id] });
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const award = (programId: string, points: number, ago: number, reason: string, expiryStrategyId?: string) =>
    awardPoints(db, actor, { memberId: member.id, programId, points, reason, awardedAt: daysAgo(ago), expiryStrategyId }, now);
  await award(coal.id, 1_800, 700, "Welcome bonus");
  await award(dine.id, 2_000, 500, "Dining festival");
  await award(travel.id, 5_000, 40, "Card anniversary");
  await db.transaction((tx) =>
    ingestTransaction(
      tx,
      actor,
      {
        memberId: member.id,
        externalId: "DEMO-POS-4004",
        type: "purchase",
        amount: 1_249_900,
        currency: "INR",
        occurredAt: daysAgo(3),
        channel: "pos",
        merchantName: "Croma, Koramangala",
        mcc: "5732",
        country: "IN",
        lineItems: [
          { sku: "TV-55-OLED", category: "electronics", quantity: 1, unitPrice: 1_149_900, amount: 1_149_900 },
          { sku: "HDMI-2M", category: "accessories", quantity: 2, unitPrice: 50_000, amount: 100_000 },
        ],
      },
      now,
    ),
  );
  // Group redemption of 3,000: the earliest-expiring points first, so 1,800 from COAL and 1,200 from DINE.
  await redeemPoints(db, actor, { memberId: member.id, programId: coal.id, points: 3_000, group: true, externalReference: "DEMO-ORDER-4004" }, now);
  // Promotional points on the 90-day strategy: they expire within the month unless spent.
  const promotions = (await db.select().from(expiryStrategies).where(eq(expiryStrategies.programId, dine.id))).find((s) => s.kind === "days");
  await award(dine.id, 600, 75, "Weekend brunch promotion", promotions?.id);
  // The airline milestone (seeded with the demo partners) was reached; Skyward refused the credit.
  const [milestone] = await db.select().from(offers).where(and(eq(offers.partnerId, skyward.id), eq(offers.status, "active")));
  await db.transaction(async (tx) => {
    const at = daysAgo(2);
    const [credit] = await tx
      .insert(fulfilments)
      .values({
        memberId: member.id,
        programId: travel.id,
        offerId: milestone?.id ?? null,
        offerVersion: milestone?.liveVersion ?? null,
        milestonePeriodKey: String(new Date(at.getTime() + 5.5 * 3_600_000).getUTCFullYear()),
        outcomeType: "partner_points",
        value: 5_000,
        partnerId: skyward.id,
        state: "failed",
        postingMethod: "automatic",
        narration: "5,000 Skyward Miles: ₹2,00,000 of international spend this year",
        explanation: ["International spend this calendar year reached ₹2,00,000 (threshold ₹2,00,000): the milestone earns a flat 5,000 Skyward Miles, once a year."],
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await tx.insert(fulfilmentEvents).values([
      { fulfilmentId: credit!.id, memberId: member.id, fromState: null, toState: "pending", reason: "Queued for delivery to Skyward Airlines", actorLabel: actor.label, at },
      {
        fulfilmentId: credit!.id,
        memberId: member.id,
        fromState: "pending",
        toState: "failed",
        reason: "Skyward Airlines refused the credit (HTTP 422): the member's Skyward account was not linked yet",
        actorLabel: "worker",
        at: new Date(at.getTime() + 60_000),
      },
    ]);
    await tx.insert(outbox).values({
      kind: "partner_points.credit",
      fulfilmentId: credit!.id,
      payload: { fulfilmentId: credit!.id, idempotencyKey: `partner-credit-${credit!.id}`, outcome: "refused" },
      attempts: 1,
      availableAt: at,
      doneAt: new Date(at.getTime() + 60_000),
      lastError: "HTTP 422: account not linked",
      createdAt: at,
    });
  });
  return true;
}
