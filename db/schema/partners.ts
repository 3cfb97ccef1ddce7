import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { members } from "./members";
import { programs } from "./programs";
import { fulfilments } from "./transactions";
import { users } from "./users";
import { writtenIn } from "./columns";

/**
 * An airline, hotel or merchant with its own loyalty currency. Partner points earned by offers are
 * credited through its API (`apiBaseUrl`, HMAC with the encrypted secret); the points its own earn
 * transactions give members in `hostProgramId` are funded from its point blocks (prepaid) or billed
 * per cycle (post-paid). The row is the lock that serialises everything that spends its blocks.
 */
export const partners = pgTable(
  "partners",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    /** airline | hotel | lifestyle | retail | other */
    type: text().notNull(),
    /** active | suspended */
    status: text().notNull().default("active"),
    currencyCode: text().notNull(),
    currencyName: text().notNull(),
    /** Partner points per unit of the bank's calculation (an exact decimal, e.g. 0.5). */
    conversionRate: numeric({ precision: 24, scale: 12 }).notNull(),
    apiBaseUrl: text(),
    /** AES-256-GCM of the API secret (lib/partners/secret.ts); never shown again once saved. */
    apiSecretCipher: text(),
    apiTimeoutMs: integer().notNull().default(5000),
    /** prepaid | postpaid */
    fundingMode: text().notNull().default("prepaid"),
    /** The programme its earn transactions give points in. */
    hostProgramId: uuid()
      .notNull()
      .references(() => programs.id),
    /** Partner account points debited per host point given (an exact decimal). */
    debitRate: numeric({ precision: 24, scale: 12 }).notNull().default("1"),
    /** Post-paid: monthly | quarterly; the agreed price of one point in `billingCurrency` (exact decimal). */
    billingCycle: text(),
    pricePerPoint: numeric({ precision: 24, scale: 12 }),
    billingCurrency: text(),
    /** Prepaid auto-creation: when available points fall below the threshold, a block of `autoBlockPoints` is created. */
    autoBlockThreshold: bigint({ mode: "number" }),
    autoBlockPoints: bigint({ mode: "number" }),
    autoBlockPrice: bigint({ mode: "number" }),
    autoApprove: boolean().notNull().default(false),
    /** Set when a reserve block was used: the partner owes a top-up. */
    topUpRequiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("partners_rates_positive", sql`${t.conversionRate} > 0 and ${t.debitRate} > 0`),
    check("partners_timeout_range", sql`${t.apiTimeoutMs} between 100 and 60000`),
    check("partners_postpaid_terms", sql`${t.fundingMode} <> 'postpaid' or (${t.billingCycle} is not null and ${t.pricePerPoint} is not null and ${t.billingCurrency} is not null)`),
  ],
);

/**
 * Points a prepaid partner bought. Pending until a partner manager other than the recorder approves
 * it; only active blocks fund earn transactions (oldest first, then the reserve).
 */
export const pointBlocks = pgTable(
  "point_blocks",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id),
    /** prepaid | reserve */
    kind: text().notNull().default("prepaid"),
    /** pending | active | rejected */
    status: text().notNull().default("pending"),
    points: bigint({ mode: "number" }).notNull(),
    used: bigint({ mode: "number" }).notNull().default(0),
    /** Price paid, in minor units of `currency`. */
    price: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    reference: text().notNull(),
    autoCreated: boolean().notNull().default(false),
    recordedBy: uuid().references(() => users.id),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    rejectionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("point_blocks_partner_idx").on(t.partnerId, t.createdAt),
    check("point_blocks_points", sql`${t.points} > 0 and ${t.used} >= 0 and ${t.used} <= ${t.points} and ${t.price} >= 0`),
  ],
);

/**
 * What a partner pays for: its own earn transaction (points given to a member in its host programme),
 * or an award of an offer it funds (`fulfilmentId`; external id `offer-award:<fulfilment id>`).
 */
export const partnerTransactions = pgTable(
  "partner_transactions",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id),
    externalId: text().notNull(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    points: bigint({ mode: "number" }).notNull(),
    /** Partner account points debited (points × debit rate, rounded up). */
    debitPoints: bigint({ mode: "number" }).notNull(),
    /** prepaid | postpaid */
    funding: text().notNull(),
    reason: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    /** The ledger entry that gave the points (null for partner points credited at the partner). */
    entryId: bigint({ mode: "number" }),
    /** For an award of an offer the partner funds (post-paid): the fulfilment it paid for. */
    fulfilmentId: uuid().references(() => fulfilments.id),
    /** Hash of what was asked, so a repeat of the external id with other details is recognised. */
    requestHash: text().notNull(),
    /** Post-paid: the statement that billed it (null until its cycle is closed). */
    statementId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_transactions_external").on(t.partnerId, t.externalId),
    index("partner_transactions_unbilled_idx").on(t.partnerId, t.createdAt).where(sql`${t.statementId} is null and ${t.funding} = 'postpaid'`),
    check("partner_transactions_points", sql`${t.points} > 0 and ${t.debitPoints} > 0`),
  ],
);

/** What a block gave (positive) or got back (negative), and for what: a partner transaction or a fulfilment. */
export const pointBlockDebits = pgTable(
  "point_block_debits",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    blockId: uuid()
      .notNull()
      .references(() => pointBlocks.id),
    partnerTransactionId: uuid().references(() => partnerTransactions.id),
    fulfilmentId: uuid().references(() => fulfilments.id),
    points: bigint({ mode: "number" }).notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The transaction that wrote the row, for the report rollups. */
    writtenIn: writtenIn(),
  },
  (t) => [index("point_block_debits_written_in_idx").on(t.writtenIn), index("point_block_debits_block_idx").on(t.blockId, t.id), check("point_block_debits_not_zero", sql`${t.points} <> 0`)],
);

/**
 * A post-paid partner's bill for one cycle: every unbilled partner transaction created before the
 * close, so the next statement starts where this one ended.
 */
export const partnerStatements = pgTable(
  "partner_statements",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id),
    number: integer().notNull(),
    periodFrom: timestamp({ withTimezone: true }),
    periodTo: timestamp({ withTimezone: true }).notNull(),
    transactionCount: integer().notNull(),
    points: bigint({ mode: "number" }).notNull(),
    /** Minor units of `currency`: debit points × price per point, rounded half up once for the statement. */
    amountDue: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    pricePerPoint: numeric({ precision: 24, scale: 12 }).notNull(),
    closedBy: uuid().references(() => users.id),
    closedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("partner_statements_number").on(t.partnerId, t.number)],
);

export type Partner = typeof partners.$inferSelect;
export type NewPartner = typeof partners.$inferInsert;
export type PointBlock = typeof pointBlocks.$inferSelect;
export type PartnerTransaction = typeof partnerTransactions.$inferSelect;
export type PartnerStatement = typeof partnerStatements.$inferSelect;
