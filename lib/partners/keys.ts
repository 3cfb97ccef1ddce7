import "server-only";
import { eq } from "drizzle-orm";
import { apiKeys, partners } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { DomainError } from "@/lib/errors";

/** A partner's transactions come only with that partner's own key (created on the partner's page). */
export async function assertPartnerKey(db: DbOrTx, apiKeyId: string, partnerId: string): Promise<void> {
  const [row] = await db
    .select({ keyPartnerId: apiKeys.partnerId, partnerExists: partners.id })
    .from(apiKeys)
    .leftJoin(partners, eq(partners.id, partnerId))
    .where(eq(apiKeys.id, apiKeyId));
  if (!row?.partnerExists) throw new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });
  if (row.keyPartnerId !== partnerId) {
    throw new DomainError("partner_key_mismatch", "This API key does not belong to this partner: use a key created on the partner's page.", { partner_id: partnerId });
  }
}
