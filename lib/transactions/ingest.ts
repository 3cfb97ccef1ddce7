import "server-only";
import { eq } from "drizzle-orm";
import { transactions, type Transaction } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import type { TransactionInput } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import type { AwardView } from "./fulfil";
import { ingestMany } from "./ingest-many";

/** Clocks of card networks and POS terminals drift: a few minutes ahead is not the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type IngestInput = TransactionInput & { memberId: string };
export type IngestResult = { transactionId: string; repeated: boolean; awards: AwardView[] };

/**
 * Records a card or POS transaction and gives the member what it earns, in the caller's transaction:
 * evaluated by the engine against every live offer of the member's programmes and their base earn
 * rules, trackers and caps updated, one fulfilment per outcome (reward points posted to the ledger at
 * once; external outcomes through the outbox). A repeated external id changes nothing and answers
 * what the first one earned.
 *
 * The member's balance rows are locked first (in programme order, as every spend does), so two
 * transactions of one member are evaluated one after the other: a per-member cap, a tracker or a
 * milestone can never be counted twice; budget rows are locked in offer order (see ingestMany).
 */
export async function ingestTransaction(tx: DbOrTx, actor: Actor, input: IngestInput, now = new Date()): Promise<IngestResult> {
  const [outcome] = await ingestMany(tx, actor, [input], now);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.result;
}

/** What is wrong with a transaction before anything is written, or null. */
export function checkTransaction(input: IngestInput, now: Date): DomainError | null {
  const bad = (message: string, field: string) => new DomainError("invalid_transaction", message, { field });
  if (!Number.isSafeInteger(input.amount) || input.amount < 0) return bad("The amount is a whole number of minor units, zero or more.", "amount");
  if (input.grossAmount !== undefined && (!Number.isSafeInteger(input.grossAmount) || input.grossAmount < 0)) return bad("The gross amount is a whole number of minor units, zero or more.", "gross_amount");
  if (Number.isNaN(input.occurredAt.getTime())) return bad("occurred_at is not a valid time.", "occurred_at");
  if (input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return bad("occurred_at is in the future.", "occurred_at");
  // PostgreSQL text cannot hold a NUL character: refuse it here rather than fail the write.
  for (const field of ["externalId", "currency", "channel", "merchantId", "merchantName", "mcc", "category", "country"] as const) {
    if (input[field]?.includes("\u0000")) return bad(`${field} contains a NUL character.`, field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  }
  for (const [i, line] of (input.lineItems ?? []).entries()) {
    if (line.sku.includes("\u0000") || line.category?.includes("\u0000")) return bad(`Line item ${i + 1} contains a NUL character.`, `line_items.${i}`);
    for (const key of ["quantity", "unitPrice", "amount"] as const) {
      if (!Number.isSafeInteger(line[key]) || line[key] < 0) return bad(`Line item ${i + 1}: ${key === "unitPrice" ? "unit_price" : key} is a whole number, zero or more.`, `line_items.${i}`);
    }
  }
  return null;
}

/** One transaction as received. */
export async function getTransaction(db: DbOrTx, transactionId: string): Promise<Transaction> {
  const [row] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
  if (!row) throw new DomainError("transaction_not_found", "No such transaction.", { transaction_id: transactionId });
  return row;
}
