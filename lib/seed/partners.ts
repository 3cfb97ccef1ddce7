import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { offers, partners, pointBlocks, programs } from "@/db/schema";
import type { Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { approveOffer, createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { createPartner } from "@/lib/partners";
import type { PartnerInput } from "@/lib/partners/schemas";
import { encryptSecret } from "@/lib/partners/secret";
import { demoActor } from "./offers";

/** The demo partners, credited through the demo partner ledger that `npm start` runs (lib/demo/partner-ledger.ts). */
export const DEMO_PARTNER_CODES = ["SKYW", "STAYPTS"] as const;

const noAutoBlocks = { autoBlockThreshold: null, autoBlockPoints: null, autoBlockPrice: null, autoApprove: false };
const demoPartners = (hostProgramId: string): PartnerInput[] => [
  {
    code: "SKYW", name: "Skyward Airlines", type: "airline", status: "active", currencyCode: "SKYW", currencyName: "Skyward Miles", conversionRate: "1",
    apiBaseUrl: null, apiSecret: null, apiTimeoutMs: 5000, hostProgramId, fundingMode: "prepaid", debitRate: "1",
    billingCycle: null, pricePerPoint: null, billingCurrency: null, ...noAutoBlocks,
  },
  {
    code: "STAYPTS", name: "Stay Hotels", type: "hotel", status: "active", currencyCode: "STAYPTS", currencyName: "Stay Points", conversionRate: "1",
    apiBaseUrl: null, apiSecret: null, apiTimeoutMs: 5000, hostProgramId, fundingMode: "postpaid", debitRate: "1",
    billingCycle: "monthly", pricePerPoint: "0.25", billingCurrency: "INR", ...noAutoBlocks,
  },
];

/**
 * Demo partners (an airline, prepaid, with an approved block and a reserve block; a hotel, post-paid,
 * billed monthly at ₹0.25 a point) and live offers that credit their points: an annual-spend milestone
 * on international transactions. Idempotent: what exists is left as it is. The API URL and secret are
 * set by `npm start` when it starts the demo partner ledger (pointDemoPartnersAt).
 */
export async function seedDemoPartners(db: Db, now = new Date()): Promise<boolean> {
  const [travel] = await db.select({ id: programs.id }).from(programs).where(eq(programs.code, "TRVL"));
  if (!travel) return false;
  const seed = systemActor("seed");
  let created = false;
  const existing = new Map((await db.select({ id: partners.id, code: partners.code }).from(partners).where(inArray(partners.code, [...DEMO_PARTNER_CODES]))).map((p) => [p.code, p.id]));
  for (const input of demoPartners(travel.id)) {
    if (existing.has(input.code)) continue;
    const partner = await createPartner(db, seed, input);
    existing.set(input.code, partner.id);
    created = true;
    if (input.fundingMode === "prepaid") {
      const manager = await demoActor(db, "partner-manager@coalition.demo");
      await db.insert(pointBlocks).values([
        { partnerId: partner.id, kind: "prepaid", status: "active", points: 1_000_000, price: 40_000_000, currency: "INR", reference: "SKYW-PO-0001", decidedBy: manager?.id ?? null, decidedAt: now },
        { partnerId: partner.id, kind: "reserve", status: "active", points: 100_000, price: 4_000_000, currency: "INR", reference: "SKYW-RESERVE", decidedBy: manager?.id ?? null, decidedAt: now },
      ]);
    }
  }
  const maker = await demoActor(db, "program-manager@coalition.demo");
  const checker = await demoActor(db, "admin@coalition.demo");
  if (!maker || !checker) return created;
  const milestones = [
    { code: "SKYW", name: "International spend ₹2,00,000 a year: 5,000 Skyward Miles", value: 5000, narration: "{points} Skyward Miles: ₹2,00,000 of international spend this year" },
    { code: "STAYPTS", name: "International spend ₹2,00,000 a year: 2,000 Stay Points", value: 2000, narration: "{points} Stay Points: ₹2,00,000 of international spend this year" },
  ];
  for (const m of milestones) {
    const [offer] = await db.select({ id: offers.id }).from(offers).where(eq(offers.name, m.name));
    if (offer) continue;
    const definition = {
      programId: travel.id,
      name: m.name,
      description: "Once a calendar year, when international card spend reaches ₹2,00,000; credited to the member's account with the partner.",
      validFrom: new Date(now.getTime() - 30 * 86_400_000).toISOString().replace("Z", "+00:00"),
      funding: { kind: "bank" },
      trigger: { kind: "transaction" },
      filters: { international: true },
      target: { kind: "milestone", tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } }, threshold: 20_000_000 },
      outcome: { type: "partner_points", partnerId: existing.get(m.code)! },
      rule: { kind: "flat", value: m.value },
      posting: { method: "automatic" },
      narration: m.narration,
    };
    const draft = await createOfferDraft(db, maker, { programId: travel.id, name: m.name, draft: definition });
    await saveOfferDraft(db, maker, draft.id, definition, 5);
    await submitOffer(db, maker, draft.id);
    await approveOffer(db, checker, draft.id, now);
    created = true;
  }
  return created;
}

/**
 * Points the demo partners at a running demo partner ledger (`{url}/{CODE}`) with its secret —
 * unless their URL was changed to something other than a local demo ledger.
 */
export async function pointDemoPartnersAt(db: Db, url: string, secret: string): Promise<number> {
  const cipher = encryptSecret(secret);
  const rows = await db
    .update(partners)
    .set({ apiBaseUrl: sql`${url} || '/' || ${partners.code}`, apiSecretCipher: cipher, updatedAt: new Date() })
    .where(and(inArray(partners.code, [...DEMO_PARTNER_CODES]), or(isNull(partners.apiBaseUrl), sql`${partners.apiBaseUrl} ~ '^http://(127\\.0\\.0\\.1|localhost):[0-9]+/'`)))
    .returning({ id: partners.id });
  return rows.length;
}
