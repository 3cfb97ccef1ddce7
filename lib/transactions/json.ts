import type { contract } from "@/lib/api/contract";
import type { BodyOf } from "@/lib/api/endpoint";
import type { IngestInput } from "./ingest";

/** The API's snake_case transaction (already validated) as the use case's input. */
export function transactionFromJson(body: BodyOf<typeof contract.postTransaction>, memberId: string): IngestInput {
  return { ...transactionFieldsFromJson(body), memberId };
}

/** The same, with the member left to resolve (the group commit resolves a whole group's members at once). */
export function transactionFieldsFromJson(body: BodyOf<typeof contract.postTransaction>): Omit<IngestInput, "memberId"> {
  return {
    externalId: body.external_id,
    type: body.type,
    amount: body.amount,
    grossAmount: body.gross_amount,
    currency: body.currency,
    occurredAt: new Date(body.occurred_at),
    channel: body.channel,
    merchantId: body.merchant_id,
    merchantName: body.merchant_name,
    mcc: body.mcc,
    category: body.category,
    country: body.country?.toUpperCase(),
    lineItems: body.line_items?.map((l) => ({ sku: l.sku, category: l.category, quantity: l.quantity, unitPrice: l.unit_price, amount: l.amount })),
  };
}
