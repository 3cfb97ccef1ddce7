import "server-only";
import { eq } from "drizzle-orm";
import { transactions, type Transaction } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db";
import type { Actor } from "@/lib/actor";
import { evaluateTransaction, type TransactionInput } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { lockEarner } from "./earner";
import { fulfil, listAwards, type AwardView } from "./fulfil";
import { loadTrackers, loadUsage, saveTrackers } from "./state";

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
 * milestone can never be counted twice. Budgets are shared by all members and are taken with a
 * conditional update (see fulfil).
 */
export async function ingestTransaction(tx: Tx, actor: Actor, input: IngestInput, now = new Date()): Promise<IngestResult> {
  assertTransaction(input);
  if (input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError("invalid_transaction", "occurred_at is in the future.", { field: "occurred_at", occurred_at: input.occurredAt.toISOString() });
  }
  const [inserted] = await tx
    .insert(transactions)
    .values({
      externalId: input.externalId,
      memberId: input.memberId,
      type: input.type,
      amount: input.amount,
      grossAmount: input.grossAmount ?? null,
      currency: input.currency,
      occurredAt: input.occurredAt,
      channel: input.channel ?? null,
      merchantId: input.merchantId ?? null,
      merchantName: input.merchantName ?? null,
      mcc: input.mcc ?? null,
      category: input.category ?? null,
      country: input.country ?? null,
      lineItems: input.lineItems?.map((l) => ({ sku: l.sku, category: l.category, quantity: l.quantity, unit_price: l.unitPrice, amount: l.amount })) ?? null,
    })
    .onConflictDoNothing({ target: transactions.externalId })
    .returning({ id: transactions.id });
  if (!inserted) return repeatAnswer(tx, input);

  const earner = await lockEarner(tx, input.memberId);
  const { candidates, timeZone } = earner;
  const trackers = await loadTrackers(tx, input.memberId, candidates, input.occurredAt, timeZone);
  const usage = await loadUsage(tx, input.memberId, candidates, input.occurredAt, timeZone);
  const result = evaluateTransaction({ offers: candidates, baseRules: earner.baseRules, member: earner.context, transaction: input, trackers: trackers.state, usage, timeZone, now });
  await saveTrackers(tx, input.memberId, result.trackerUpdates, trackers);
  const awards = await fulfil(tx, actor, { memberId: input.memberId, transactionId: inserted.id, outcomes: result.outcomes, budgeted: earner.budgeted, debts: earner.debts, now });
  return { transactionId: inserted.id, repeated: false, awards };
}

async function repeatAnswer(tx: DbOrTx, input: IngestInput): Promise<IngestResult> {
  const [first] = await tx.select().from(transactions).where(eq(transactions.externalId, input.externalId));
  if (!first) throw new Error("transaction vanished");
  assertSameTransaction(first, input);
  return { transactionId: first.id, repeated: true, awards: await listAwards(tx, { transactionId: first.id }) };
}

/** A repeat must be the same transaction: the same external id for another member or amount is a client bug worth saying. */
function assertSameTransaction(first: Transaction, input: IngestInput): void {
  if (first.memberId !== input.memberId || first.amount !== input.amount || first.type !== input.type) {
    throw new DomainError("conflict", `Transaction ${input.externalId} was already received with other details.`, { external_id: input.externalId, transaction_id: first.id });
  }
}

function assertTransaction(input: IngestInput): void {
  const bad = (message: string, field: string) => new DomainError("invalid_transaction", message, { field });
  if (!Number.isSafeInteger(input.amount) || input.amount < 0) throw bad("The amount is a whole number of minor units, zero or more.", "amount");
  if (input.grossAmount !== undefined && (!Number.isSafeInteger(input.grossAmount) || input.grossAmount < 0)) throw bad("The gross amount is a whole number of minor units, zero or more.", "gross_amount");
  if (Number.isNaN(input.occurredAt.getTime())) throw bad("occurred_at is not a valid time.", "occurred_at");
  for (const [i, line] of (input.lineItems ?? []).entries()) {
    for (const key of ["quantity", "unitPrice", "amount"] as const) {
      if (!Number.isSafeInteger(line[key]) || line[key] < 0) throw bad(`Line item ${i + 1}: ${key === "unitPrice" ? "unit_price" : key} is a whole number, zero or more.`, `line_items.${i}`);
    }
  }
}

/** One transaction as received. */
export async function getTransaction(db: DbOrTx, transactionId: string): Promise<Transaction> {
  const [row] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
  if (!row) throw new DomainError("transaction_not_found", "No such transaction.", { transaction_id: transactionId });
  return row;
}
