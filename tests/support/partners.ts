/** Helpers for tests of partners: a partner (optionally pointed at a demo partner ledger), its blocks, a key that belongs to it, pending partner credits. */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { apiKeys, partnerTransactions, pointBlocks } from "@/db/schema";
import { getDb } from "@/db";
import { createApiKey } from "@/lib/api-keys";
import { createPartner, getPartner, updatePartner } from "@/lib/partners";
import { partnerInputSchema, type PartnerInput } from "@/lib/partners/schemas";
import { systemTestActor } from "./fixtures";
import { award, makeMember, makeProgram } from "./ledger";

export const PARTNER_SECRET = "partner-test-secret";

export async function makePartner(hostProgramId: string, overrides: Partial<PartnerInput> = {}) {
  const code = `PT${randomUUID().slice(0, 6).toUpperCase()}`;
  const input = partnerInputSchema.parse({
    code,
    name: `Airline ${code}`,
    type: "airline",
    currencyCode: "SKYW",
    currencyName: "Skyward Miles",
    conversionRate: "0.5",
    apiTimeoutMs: 2000,
    hostProgramId,
    fundingMode: "prepaid",
    debitRate: "1",
    autoApprove: false,
  });
  return createPartner(getDb(), systemTestActor, { ...input, ...overrides });
}

/** A partner whose crediting API is a demo partner ledger (conversion 1). */
export async function makeApiPartner(hostProgramId: string, api: { url: string; timeoutMs?: number; secret?: string }) {
  return makePartner(hostProgramId, { conversionRate: "1", apiBaseUrl: api.url, apiSecret: api.secret ?? PARTNER_SECRET, apiTimeoutMs: api.timeoutMs ?? 2000 });
}

/** Changes some of a partner's setup, as a partner manager saving the form would. */
export async function changePartner(partnerId: string, patch: Partial<PartnerInput>) {
  const { id: _id, hasApiSecret: _s, topUpRequiredAt: _t, createdAt: _c, updatedAt: _u, ...current } = await getPartner(getDb(), partnerId);
  return updatePartner(getDb(), systemTestActor, partnerId, { ...(current as unknown as PartnerInput), apiSecret: null, ...patch });
}

/** An active (or pending) block, as if recorded and approved. */
export async function addBlock(partnerId: string, points: number, kind: "prepaid" | "reserve" = "prepaid", status: "active" | "pending" = "active", createdAt = new Date()) {
  const [block] = await getDb()
    .insert(pointBlocks)
    .values({ partnerId, kind, status, points, price: points * 10, currency: "INR", reference: `PO-${randomUUID().slice(0, 6)}`, createdAt })
    .returning();
  return block!;
}

/** A key with the partner-transactions scope, bound to the partner (or to none). */
export async function partnerKey(partnerId: string | null): Promise<string> {
  const { apiKey, token } = await createApiKey(getDb(), systemTestActor, { name: "partner", scopes: ["partner_transactions:write", "partners:read"] });
  if (partnerId) await getDb().update(apiKeys).set({ partnerId }).where(eq(apiKeys.id, apiKey.id));
  return token;
}

/**
 * `count` pending partner-points fulfilments of `points` each for a member, with their outbox rows, written
 * directly. The rows are due a second ago: the database's clock has microseconds, a JavaScript Date only
 * milliseconds, so a row due "now" could still be a few microseconds in the future for dispatchOutbox().
 */
export async function pendingPartnerCredits(memberId: string, partnerId: string, count: number, points = 500): Promise<void> {
  await getDb().execute(sql`
    with f as (
      insert into fulfilments (member_id, outcome_type, value, partner_id, state, posting_method, narration)
      select ${memberId}::uuid, 'partner_points', ${points}::bigint, ${partnerId}::uuid, 'pending', 'automatic', 'Miles for a test'
      from generate_series(1, ${count}) returning id)
    insert into outbox (kind, fulfilment_id, payload, available_at)
    select 'partner_points.credit', id, json_build_object('fulfilmentId', id), now() - interval '1 second' from f`);
}

export const states = async (partnerId: string) =>
  Object.fromEntries(
    (await getDb().execute<{ state: string; n: string }>(sql`select state, count(*)::text as n from fulfilments where partner_id = ${partnerId} group by state`)).map((r) => [r.state, Number(r.n)]),
  ) as Record<string, number>;

/** A partner with a host programme of its own: prepaid unless told otherwise. */
export async function partnerWithProgram(overrides: Partial<PartnerInput> = {}) {
  return makePartner((await makeProgram()).id, overrides);
}

export const POSTPAID = { fundingMode: "postpaid", billingCycle: "monthly", pricePerPoint: "0.35", billingCurrency: "INR", debitRate: "1.5" } as const;

/**
 * What a partner's earn transactions need besides the partner: a member enrolled in its host programme
 * and a ledger entry to point at (the earn API writes one per transaction; these tests share one).
 */
export async function earnContext(hostProgramId: string) {
  const member = await makeMember([hostProgramId]);
  const { entryId } = await award(member.id, hostProgramId, 1);
  return { member, entryId, hostProgramId };
}

/** A post-paid partner transaction written directly, as the earn API would. */
export async function insertPartnerTransaction(partnerId: string, ctx: Awaited<ReturnType<typeof earnContext>>, points: number, debitPoints: number, externalId = `PT-${randomUUID()}`) {
  const [row] = await getDb()
    .insert(partnerTransactions)
    .values({ partnerId, externalId, memberId: ctx.member.id, programId: ctx.hostProgramId, points, debitPoints, funding: "postpaid", occurredAt: new Date(), entryId: ctx.entryId, requestHash: "test" })
    .returning();
  return row!;
}
