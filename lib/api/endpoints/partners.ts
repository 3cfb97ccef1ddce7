import { z } from "zod";
import { defineEndpoint, timestampSchema } from "../endpoint";
import { memberRef } from "../schemas";

/** Partners and their earn transactions (DESIGN.md, API contract v1). */

const uuid = z.uuid();

const partnerSchema = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    type: z.enum(["airline", "hotel", "lifestyle", "retail", "other"]),
    status: z.enum(["active", "suspended"]),
    currency: z.object({ code: z.string(), name: z.string() }),
    conversion_rate: z.string().meta({ description: "Partner points per unit of the bank's calculation, an exact decimal." }),
    funding_mode: z.enum(["prepaid", "postpaid"]),
    host_program_id: uuid.meta({ description: "The programme the partner's earn transactions give points in." }),
  })
  .meta({ id: "Partner" });

export const listPartners = defineEndpoint({
  method: "GET",
  path: "/api/v1/partners",
  scope: "partners:read",
  summary: "The partners and their loyalty currencies",
  tags: ["partners"],
  responses: { 200: z.object({ partners: z.array(partnerSchema) }) },
});

const partnerTransactionResult = z
  .object({
    partner_transaction_id: uuid,
    partner_id: uuid,
    external_id: z.string(),
    member_id: uuid,
    program_id: uuid,
    points: z.number().int().meta({ description: "Points the member received in the host programme." }),
    debited_points: z.number().int().meta({ description: "Partner account points debited (points × the debit rate, rounded up)." }),
    funding: z.enum(["prepaid", "postpaid"]),
    blocks: z.array(z.object({ block_id: uuid, points: z.number().int() })).meta({ description: "The point blocks that funded it (prepaid), oldest first, the reserve last." }),
    occurred_at: timestampSchema,
    created_at: timestampSchema,
  })
  .meta({ id: "PartnerTransactionResult" });

export const postPartnerTransaction = defineEndpoint({
  method: "POST",
  path: "/api/v1/partners/{partner_id}/transactions",
  scope: "partner_transactions:write",
  summary: "A partner's earn transaction: points for a member in the host programme, funded by the partner",
  description:
    "The API key must belong to the partner (keys are created on the partner's page). A prepaid partner's blocks fund it whole, oldest active block first and the reserve last, or it is rejected whole with `422 insufficient_partner_points` and nothing is written; a post-paid partner is billed on its next statement. A repeated `external_id` changes nothing and answers the first answer (200 instead of 201).",
  tags: ["partners"],
  params: z.object({ partner_id: uuid }),
  body: z.object({
    external_id: z.string().min(1).max(100).meta({ description: "The partner's id of the transaction: a repeat is recognised and changes nothing.", example: "SKYW-BOOKING-88121" }),
    member_id: memberRef,
    points: z.number().int().min(1).max(1_000_000_000).meta({ description: "Points to give the member in the host programme." }),
    reason: z.string().min(1).max(200).optional().meta({ description: "Shown to the member and on statements.", example: "Flight DXB–BOM" }),
    occurred_at: timestampSchema.optional().meta({ description: "When it happened; the points' expiry derives from it. Defaults to now." }),
  }),
  responses: { 201: partnerTransactionResult, 200: partnerTransactionResult },
  errors: ["partner_not_found", "partner_key_mismatch", "partner_suspended", "insufficient_partner_points", "member_not_found", "member_not_enrolled", "conflict", "awarded_at_in_future"],
});
