"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { PARTNER_KEY_SCOPES } from "@/lib/api-keys/scopes";
import { createAction } from "@/lib/auth/action";
import { createPartner, updatePartner } from "@/lib/partners";
import { closeBillingCycle } from "@/lib/partners/billing";
import { testPartnerConnection } from "@/lib/partners/partner-api";
import { partnerInputSchema } from "@/lib/partners/schemas";

const LIST = "/partners";
const partnerId = z.object({ partnerId: z.uuid("No such partner.") });
const revalidatePartner = (id: string) => revalidatePath(`/partners/${id}`);

export const createPartnerAction = createAction({
  permission: "partners:write",
  schema: partnerInputSchema,
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    const partner = await createPartner(db, actor, input);
    return { data: { partnerId: partner.id }, message: `${partner.name} was created.` };
  },
});

export const updatePartnerAction = createAction({
  permission: "partners:write",
  schema: partnerId.and(partnerInputSchema),
  revalidate: [LIST, "/point-blocks"],
  handler: async ({ input: { partnerId: id, ...fields }, actor, db }) => {
    const partner = await updatePartner(db, actor, id, fields);
    revalidatePartner(id);
    return { data: { partnerId: id }, message: `${partner.name} was saved.` };
  },
});

/** Calls the partner's API with its stored settings; changes nothing, so nothing is audited. */
export const testPartnerConnectionAction = createAction({
  permission: "partners:write",
  schema: partnerId,
  handler: async ({ input, db }) => {
    const result = await testPartnerConnection(db, input.partnerId);
    return { data: result, message: result.ok ? `Connected in ${result.latencyMs} ms.` : undefined };
  },
});

export const createPartnerApiKeyAction = createAction({
  permission: "partners:write",
  schema: partnerId.extend({ name: z.string().trim().min(1, "Name the key after the partner's system that will use it.").max(80, "Use at most 80 characters.") }),
  handler: async ({ input, actor, db }) => {
    const { apiKey, token } = await createApiKey(db, actor, { name: input.name, scopes: [...PARTNER_KEY_SCOPES], partnerId: input.partnerId });
    revalidatePartner(input.partnerId);
    return { data: { token, name: apiKey.name }, message: `API key “${apiKey.name}” was created.` };
  },
});

export const revokePartnerApiKeyAction = createAction({
  permission: "partners:write",
  schema: partnerId.extend({ apiKeyId: z.uuid("No such API key.") }),
  handler: async ({ input, actor, db }) => {
    const apiKey = await revokeApiKey(db, actor, input);
    revalidatePartner(input.partnerId);
    return { message: `API key “${apiKey.name}” was revoked.` };
  },
});

export const closeBillingCycleAction = createAction({
  permission: "partners:write",
  schema: partnerId,
  handler: async ({ input, actor, db }) => {
    const statement = await closeBillingCycle(db, actor, input.partnerId);
    revalidatePartner(input.partnerId);
    return { data: { statementId: statement.id }, message: `Statement ${statement.number} was closed: ${statement.transactionCount} transactions billed.` };
  },
});
