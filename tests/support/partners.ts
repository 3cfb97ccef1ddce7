import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { partnerTransactions } from "@/db/schema";
import { createPartner } from "@/lib/partners";
import type { PartnerInput } from "@/lib/partners/schemas";
import { systemTestActor } from "./fixtures";
import { award, makeMember, makeProgram } from "./ledger";

/** A partner with a programme of its own: prepaid unless told otherwise. */
export async function makePartner(overrides: Partial<PartnerInput> = {}) {
  const program = overrides.hostProgramId ? null : await makeProgram();
  return createPartner(getDb(), systemTestActor, {
    code: `PT${randomUUID().slice(0, 8).toUpperCase()}`,
    name: "Sky Airways",
    type: "airline",
    status: "active",
    currencyCode: "SKYW",
    currencyName: "Skyward Miles",
    conversionRate: "0.5",
    apiBaseUrl: null,
    apiSecret: null,
    apiTimeoutMs: 5000,
    hostProgramId: program?.id ?? overrides.hostProgramId!,
    fundingMode: "prepaid",
    debitRate: "1",
    billingCycle: null,
    pricePerPoint: null,
    billingCurrency: null,
    autoBlockThreshold: null,
    autoBlockPoints: null,
    autoBlockPrice: null,
    autoApprove: false,
    ...overrides,
  });
}

export const POSTPAID = { fundingMode: "postpaid", billingCycle: "monthly", pricePerPoint: "0.35", billingCurrency: "INR", debitRate: "1.5" } as const;

/**
 * What a partner's earn transactions need besides the partner: a member enrolled in its host programme
 * and a ledger entry to point at (the earn API writes one per transaction; tests share one).
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
    .values({
      partnerId,
      externalId,
      memberId: ctx.member.id,
      programId: ctx.hostProgramId,
      points,
      debitPoints,
      funding: "postpaid",
      occurredAt: new Date(),
      entryId: ctx.entryId,
      requestHash: "test",
    })
    .returning();
  return row!;
}
