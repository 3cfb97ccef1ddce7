import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { members } from "./members";
import { writtenIn } from "./columns";

/** A card or POS transaction as received. `externalId` makes a repeat recognisable: it changes nothing. */
export const transactions = pgTable(
  "transactions",
  {
    id: uuid().primaryKey().defaultRandom(),
    externalId: text().notNull().unique(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** purchase | refund */
    type: text().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    grossAmount: bigint({ mode: "number" }),
    currency: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    channel: text(),
    merchantId: text(),
    merchantName: text(),
    mcc: text(),
    category: text(),
    country: text(),
    lineItems: jsonb().$type<{ sku: string; category?: string; quantity: number; unit_price: number; amount: number }[]>(),
    /** Refunded so far (minor units): reversals are proportional to it. */
    refundedAmount: bigint({ mode: "number" }).notNull().default(0),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The transaction that wrote the row, for the report rollups. */
    writtenIn: writtenIn(),
  },
  (t) => [
    index("transactions_written_in_idx").on(t.writtenIn),
    index("transactions_member_idx").on(t.memberId, t.occurredAt),
    index("transactions_member_received_idx").on(t.memberId, t.receivedAt, t.id),
    check("transactions_amount_range", sql`${t.amount} >= 0 and ${t.refundedAmount} <= ${t.amount}`),
  ],
);

/**
 * A refund or chargeback of a purchase through `POST /transactions/{id}/reverse`: the purchase's
 * `refundedAmount` is their sum. Append-only, so the spend reports can fold refunds in like new rows.
 */
export const transactionRefunds = pgTable(
  "transaction_refunds",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    transactionId: uuid()
      .notNull()
      .references(() => transactions.id),
    /** Minor units of the purchase's currency. */
    amount: bigint({ mode: "number" }).notNull(),
    /** refund | chargeback */
    reason: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** The transaction that wrote the row, for the report rollups. */
    writtenIn: writtenIn(),
  },
  (t) => [
    index("transaction_refunds_written_in_idx").on(t.writtenIn),
    index("transaction_refunds_transaction_idx").on(t.transactionId),
    check("transaction_refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** A member activity event (referral, survey, sign-up...) that earns by action rules. */
export const memberEvents = pgTable(
  "member_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    type: text().notNull(),
    customType: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    attributes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("member_events_member_idx").on(t.memberId, t.occurredAt), index("member_events_member_received_idx").on(t.memberId, t.receivedAt, t.id)],
);

/**
 * One outcome a member earned (reward points, cashback, voucher, partner points), whatever its type,
 * in one lifecycle: pending → posted | failed, posted → reversed.
 */
export const fulfilments = pgTable(
  "fulfilments",
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /**
     * No foreign key (one row per award): a transaction's fulfilments are only written by ingestMany,
     * with the ids its insert of the transactions returned in the same database transaction, and
     * transactions are never deleted. checkLedgerIntegrity counts orphans.
     */
    transactionId: uuid(),
    eventId: uuid().references(() => memberEvents.id),
    /** null for a programme's base earn rule. */
    offerId: uuid(),
    offerVersion: integer(),
    programId: uuid(),
    /** reward_points | cashback | voucher | partner_points */
    outcomeType: text().notNull(),
    /** Points, minor units of `currency`, partner points or a voucher count. */
    value: bigint({ mode: "number" }).notNull(),
    currency: text(),
    partnerId: uuid(),
    poolId: uuid(),
    voucherCode: text(),
    /** pending | posted | failed | reversed */
    state: text().notNull(),
    /** automatic | claim */
    postingMethod: text().notNull(),
    claimExpiresAt: timestamp({ withTimezone: true }),
    narration: text().notNull(),
    explanation: jsonb().$type<string[]>().notNull().default([]),
    /** The ledger entry that posted it (reward points) and the partner's reference (partner points). */
    entryId: bigint({ mode: "number" }),
    externalReference: text(),
    /** Taken back so far by refunds (same units as value). */
    reversedValue: bigint({ mode: "number" }).notNull().default(0),
    /** Cap period and milestone period this award counted against, so a reversal can give them back. */
    capPeriodKey: text(),
    milestonePeriodKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("fulfilments_member_idx").on(t.memberId, t.createdAt, t.id),
    index("fulfilments_entry_idx").on(t.entryId).where(sql`${t.entryId} is not null`),
    // The member timeline's awards that are not a ledger entry of their own: other outcomes, and points not yet posted.
    index("fulfilments_member_unposted_idx").on(t.memberId, t.createdAt, t.id).where(sql`${t.outcomeType} <> 'reward_points' or ${t.entryId} is null`),
    index("fulfilments_transaction_idx").on(t.transactionId),
    index("fulfilments_offer_idx").on(t.offerId, t.state),
    check("fulfilments_value_positive", sql`${t.value} > 0 and ${t.reversedValue} >= 0 and ${t.reversedValue} <= ${t.value}`),
  ],
);

/** Every state change of a fulfilment, with why and by whom. */
export const fulfilmentEvents = pgTable(
  "fulfilment_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /**
     * No foreign key (append-only, one row per award and per state change): every insert takes the id of
     * a fulfilment written in the same statement (writeFulfilments) or read and locked in the same
     * transaction; fulfilments are never deleted. checkLedgerIntegrity counts any event without its fulfilment.
     */
    fulfilmentId: uuid().notNull(),
    /** The fulfilment's member, so that a member's timeline reads its events by index. */
    memberId: uuid().notNull(),
    fromState: text(),
    toState: text().notNull(),
    reason: text(),
    actorLabel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The transaction that wrote the row, for the report rollups. */
    writtenIn: writtenIn(),
  },
  (t) => [index("fulfilment_events_written_in_idx").on(t.writtenIn), index("fulfilment_events_fulfilment_idx").on(t.fulfilmentId, t.id), index("fulfilment_events_member_idx").on(t.memberId, t.at, t.id).where(sql`${t.fromState} is not null`)],
);

/**
 * External calls to make (partner credits, cashback, ...), written in the same transaction as the
 * change that needs them and run by the worker with retries and the row id as idempotency key.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: text().notNull(),
    fulfilmentId: uuid().references(() => fulfilments.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    attempts: integer().notNull().default(0),
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_due_idx").on(t.availableAt).where(sql`${t.doneAt} is null`)],
);

export type Transaction = typeof transactions.$inferSelect;
export type Fulfilment = typeof fulfilments.$inferSelect;
