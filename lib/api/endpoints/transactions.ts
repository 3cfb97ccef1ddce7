import { z } from "zod";
import { defineEndpoint, timestampSchema } from "../endpoint";
import { EVENT_TYPES } from "@/lib/engine";
import { memberRef, minor, transactionBodySchema } from "../schemas";

/** Transactions, their awards and fulfilments (DESIGN.md, API contract v1). */

const uuid = z.uuid();

const awardSchema = z
  .object({
    fulfilment_id: uuid,
    offer_id: uuid.nullable().meta({ description: "null for the programme's base earn rule." }),
    offer_version: z.number().int().nullable(),
    outcome_type: z.enum(["reward_points", "cashback", "voucher", "partner_points"]),
    program_id: uuid.nullable().optional(),
    points: z.number().int().optional().meta({ description: "Reward or partner points." }),
    amount: z.number().int().optional().meta({ description: "Cashback, in minor units of `currency`." }),
    currency: z.string().optional(),
    vouchers: z.number().int().optional(),
    voucher_code: z.string().nullable().optional(),
    partner_id: uuid.nullable().optional(),
    state: z.enum(["pending", "posted", "failed", "reversed"]),
    posting_method: z.enum(["automatic", "claim"]).optional(),
    claim_expires_at: timestampSchema.nullable().optional(),
    narration: z.string(),
  })
  .meta({ id: "Award" });

const transactionResult = z.object({ transaction_id: uuid, awards: z.array(awardSchema) }).meta({ id: "TransactionResult" });

export const postTransaction = defineEndpoint({
  method: "POST",
  path: "/api/v1/transactions",
  scope: "transactions:write",
  summary: "Send a card or POS transaction; it is evaluated against the offers and returns what it earned",
  description: "A repeated `external_id` changes nothing and answers what the first one earned (200 instead of 201).",
  tags: ["transactions"],
  body: transactionBodySchema,
  responses: { 201: transactionResult, 200: transactionResult },
  errors: ["member_not_found", "member_not_enrolled", "invalid_transaction", "conflict"],
});

export const memberFulfilments = defineEndpoint({
  method: "GET",
  path: "/api/v1/members/{member_id}/fulfilments",
  scope: "fulfilments:read",
  summary: "A member's outcomes with their lifecycle state, newest first",
  tags: ["members", "fulfilments"],
  params: z.object({ member_id: memberRef }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  responses: { 200: z.object({ fulfilments: z.array(awardSchema.extend({ transaction_id: uuid.nullable(), created_at: timestampSchema })) }) },
  errors: ["member_not_found"],
});

export const claimFulfilment = defineEndpoint({
  method: "POST",
  path: "/api/v1/fulfilments/{fulfilment_id}/claim",
  scope: "fulfilments:write",
  summary: "The member claims an outcome that waits for a claim, within its claim window",
  tags: ["fulfilments"],
  params: z.object({ fulfilment_id: uuid }),
  body: z.object({}).meta({ description: "Empty." }),
  responses: { 200: awardSchema },
  errors: ["fulfilment_not_found", "not_claimable", "claim_window_closed"],
});

export const reverseTransaction = defineEndpoint({
  method: "POST",
  path: "/api/v1/transactions/{transaction_id}/reverse",
  scope: "transactions:write",
  summary: "Refund (full or partial) or charge back a purchase: takes back what it earned, proportionally",
  description:
    "Partial refunds that add up to the whole take back exactly everything. Points the member already spent become a points debt that later earnings repay first; a milestone whose threshold is no longer met is taken back.",
  tags: ["transactions"],
  params: z.object({ transaction_id: uuid }),
  body: z.object({ amount: minor("The refunded amount"), reason: z.enum(["refund", "chargeback"]).default("refund") }),
  responses: {
    200: z.object({
      transaction_id: uuid,
      refunded_amount: z.number().int().meta({ description: "All refunds of this purchase so far, minor units." }),
      reversals: z.array(awardSchema.extend({ reversed_now: z.number().int(), points_debt: z.number().int() })),
    }),
  },
  errors: ["transaction_not_found", "invalid_transaction", "refund_exceeds_amount"],
});

export const postTransactionBatch = defineEndpoint({
  method: "POST",
  path: "/api/v1/transactions/batch",
  scope: "transactions:write",
  summary: "Send up to 10,000 transactions; each is answered on its own, in order",
  description:
    "Each transaction commits on its own: a bad one is answered with its error and its index (0-based) and does not stop the others; a repeated `external_id` answers the first answer. The transactions of one member are processed in the order sent.",
  tags: ["transactions"],
  body: z.object({ transactions: z.array(z.unknown()).min(1, "Send at least one transaction.").max(10_000, "At most 10,000 transactions per batch.") }),
  responses: {
    200: z.object({
      results: z.array(
        z.object({
          index: z.number().int(),
          transaction_id: uuid.optional(),
          repeated: z.boolean().optional(),
          awards: z.array(awardSchema).optional(),
          error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }).optional(),
        }),
      ),
    }),
  },
  errors: ["validation_failed"],
  maxBodyBytes: 8 * 1024 * 1024,
  atomic: false,
});

export const postEvent = defineEndpoint({
  method: "POST",
  path: "/api/v1/events",
  scope: "events:write",
  summary: "Send a member activity event (referral, survey, social, sign-up, custom); it earns by the event-triggered offers",
  description: "Send an Idempotency-Key: a repeat then answers the first answer and earns nothing more.",
  tags: ["events"],
  body: z.object({
    member_id: memberRef,
    type: z.enum(EVENT_TYPES),
    custom_type: z.string().min(1).max(60).optional().meta({ description: "Required when type is custom." }),
    occurred_at: timestampSchema,
    attributes: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).default({}).meta({ description: "`amount` (minor units) feeds percentage and slab rules." }),
  }),
  responses: { 201: z.object({ event_id: uuid, awards: z.array(awardSchema) }) },
  errors: ["member_not_found", "member_not_enrolled", "validation_failed"],
});
