import "server-only";
import { asc, eq } from "drizzle-orm";
import { partners, programs, type Partner } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { invalidateOfferCache } from "@/lib/offers/cache";
import type { PartnerInput } from "./schemas";
import { decryptSecret, encryptSecret } from "./secret";

const isUniqueViolation = (e: unknown) => (e as { cause?: { code?: string }; code?: string })?.cause?.code === "23505" || (e as { code?: string })?.code === "23505";

/** A partner as the audit log and the console see it: the secret is never shown, only whether one is stored. */
export type PartnerView = Omit<Partner, "apiSecretCipher"> & { hasApiSecret: boolean };

export function partnerView(p: Partner): PartnerView {
  const { apiSecretCipher, ...rest } = p;
  return { ...rest, hasApiSecret: apiSecretCipher !== null };
}

function columns(input: PartnerInput) {
  const { apiSecret, ...fields } = input;
  const postpaid = input.fundingMode === "postpaid";
  return {
    ...fields,
    billingCycle: postpaid ? fields.billingCycle : null,
    pricePerPoint: postpaid ? fields.pricePerPoint : null,
    billingCurrency: postpaid ? fields.billingCurrency : null,
    ...(apiSecret ? { apiSecretCipher: encryptSecret(apiSecret) } : {}),
  };
}

async function checkHostProgram(tx: DbOrTx, programId: string): Promise<void> {
  const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, programId));
  if (!program) throw new DomainError("program_not_found", "Choose an existing programme for the partner's members to earn in.", { field: "hostProgramId" });
}

export async function createPartner(db: DbOrTx, actor: Actor, input: PartnerInput): Promise<PartnerView> {
  try {
    return await db.transaction(async (tx) => {
      await checkHostProgram(tx, input.hostProgramId);
      const [partner] = await tx.insert(partners).values(columns(input)).returning();
      const view = partnerView(partner!);
      await writeAudit(tx, actor, { action: "partner.create", entityType: "partner", entityId: partner!.id, after: view });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("partner_code_taken", `A partner with the code ${input.code} already exists.`, { field: "code" });
    throw error;
  }
}

/** Saves a partner's setup; a blank secret keeps the stored one. */
export async function updatePartner(db: DbOrTx, actor: Actor, partnerId: string, input: PartnerInput): Promise<PartnerView> {
  try {
    return await db.transaction(async (tx) => {
      const before = await lockPartner(tx, partnerId);
      await checkHostProgram(tx, input.hostProgramId);
      const [after] = await tx.update(partners).set({ ...columns(input), updatedAt: new Date() }).where(eq(partners.id, partnerId)).returning();
      const view = partnerView(after!);
      await writeAudit(tx, actor, { action: "partner.update", entityType: "partner", entityId: partnerId, before: partnerView(before), after: view });
      // Live partner-points offers earn at the partner's conversion rate as it is now.
      invalidateOfferCache();
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("partner_code_taken", `A partner with the code ${input.code} already exists.`, { field: "code" });
    throw error;
  }
}

/** The partner row, locked: everything that spends its blocks or bills it goes through this lock. */
export async function lockPartner(tx: DbOrTx, partnerId: string): Promise<Partner> {
  const [partner] = await tx.select().from(partners).where(eq(partners.id, partnerId)).for("update");
  if (!partner) throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
  return partner;
}

export async function getPartner(db: DbOrTx, partnerId: string): Promise<PartnerView> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
  return partnerView(partner);
}

export async function listPartners(db: DbOrTx): Promise<PartnerView[]> {
  const rows = await db.select().from(partners).orderBy(asc(partners.name));
  return rows.map(partnerView);
}

/** Where and how to call a partner's crediting API (the worker's view: with the secret in clear). */
export type PartnerEndpoint = { partnerId: string; name: string; baseUrl: string | null; secret: string | null; timeoutMs: number };

export async function partnerEndpoint(db: DbOrTx, partnerId: string): Promise<PartnerEndpoint> {
  const [p] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!p) throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
  return { partnerId: p.id, name: p.name, baseUrl: p.apiBaseUrl, secret: p.apiSecretCipher ? decryptSecret(p.apiSecretCipher) : null, timeoutMs: p.apiTimeoutMs };
}

/** Partners as offers name them: for the wizard's choices and the offer pages' labels. */
export async function partnerChoices(db: DbOrTx): Promise<{ id: string; name: string; currencyName: string; conversionRate: string; active: boolean }[]> {
  const rows = await db
    .select({ id: partners.id, name: partners.name, currencyName: partners.currencyName, conversionRate: partners.conversionRate, status: partners.status })
    .from(partners)
    .orderBy(asc(partners.name));
  return rows.map(({ status, conversionRate, ...p }) => ({ ...p, conversionRate: conversionRate.includes(".") ? conversionRate.replace(/\.?0+$/, "") : conversionRate, active: status === "active" }));
}
