import { z } from "zod";
import { defineEndpoint, timestampSchema } from "../endpoint";
import { memberRef } from "../schemas";

/** Transactions, their awards and fulfilments (DESIGN.md, API contract v1). */

const uuid = z.uuid();
const minor = (what: string) => z.number().int().min(0).meta({ description: `${what}, in minor units.` });

const lineItemSchema = z.object({
  sku: z.string().min(1).max(100),
  category: z.string().min(1).max(100).optional(),
  quantity: z.number().int().min(0),
  unit_price: minor("Price of one unit"),
  amount: minor("The line's amount"),
});

const transactionBodySchema = z
  .object({
    external_id: z.string().min(1).max(100).meta({ description: "Your id of the transaction: a repeat is recognised and changes nothing.", example: "POS-2026-000123" }),
    member_id: memberRef,
    type: z.enum(["purchase", "refund"]),
    amount: minor("The amount paid"),
    gross_amount: minor("The bill before discounts").optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, "An ISO 4217 code such as INR.").meta({ example: "INR" }),
    occurred_at: timestampSchema,
    channel: z.string().min(1).max(40).optional().meta({ example: "pos" }),
    merchant_id: z.string().min(1).max(100).optional(),
    merchant_name: z.string().min(1).max(200).optional(),
    mcc: z.string().regex(/^\d{4}$/, "A four-digit merchant category code.").optional(),
    category: z.string().min(1).max(100).optional(),
    country: z.string().regex(/^[A-Za-z]{2}$/, "An ISO 3166 alpha-2 country code.").optional(),
    line_items: z.array(lineItemSchema).max(500).optional(),
  })
  .meta({ id: "TransactionInput" });

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
