import { z } from "zod";
import { timestampSchema } from "./endpoint";

/** Schemas shared by several endpoint modules (an endpoint module exports only endpoints). */
export const memberRef = z.string().min(1).max(140).meta({ description: "A member id, or `ext:<external_id>`.", example: "ext:CUST-10042" });

export const minor = (what: string) => z.number().int().min(0).meta({ description: `${what}, in minor units.` });

const lineItemSchema = z.object({
  sku: z.string().min(1).max(100),
  category: z.string().min(1).max(100).optional(),
  quantity: z.number().int().min(0),
  unit_price: minor("Price of one unit"),
  amount: minor("The line's amount"),
});

export const transactionBodySchema = z
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

