import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { members } from "./members";
import { programs } from "./programs";
import { writtenIn } from "./columns";

/**
 * An account of the points ledger. Member accounts (kind `member`) hold a member's points in a
 * programme; the programme's system accounts are where points come from and go to:
 * `issued` (awards), `redeemed`, `expired`. Balances are sums of postings.
 */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    memberId: uuid().references(() => members.id),
    kind: text().notNull(),
  },
  (t) => [uniqueIndex("ledger_accounts_unique").on(t.programId, t.kind, sql`coalesce(${t.memberId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

/** One balanced movement of points: its postings sum to zero. Append-only. */
export const journalEntries = pgTable(
  "journal_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** award | redemption | redemption_reversal | transfer | expiry | adjustment */
    kind: text().notNull(),
    /**
     * No foreign key (one row per award, the hottest insert of the ledger): every entry of a member is
     * written under the lock of that member's balance row (member_programs, which references members)
     * in the same transaction, and members are never deleted. checkLedgerIntegrity counts orphans.
     */
    memberId: uuid(),
    memo: text(),
    /** The redemption, transfer or external reference this entry belongs to. */
    reference: text(),
    actorLabel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The transaction that wrote the row, for the report rollups. */
    writtenIn: writtenIn(),
  },
  // A member's entries of one kind, newest first (the member timeline reads each kind this way).
  (t) => [index("journal_entries_written_in_idx").on(t.writtenIn), index("journal_entries_member_idx").on(t.memberId, t.kind, t.at, t.id)],
);

/**
 * The lines of a journal entry. Append-only and the hottest table of the ledger (two rows per award),
 * so it carries no foreign keys (each cost a lookup and a row lock per line): integrity holds by how
 * postings are written. A posting is only ever inserted by the statement or function that inserts
 * its entry (writeAwards, postEntry), with that entry's id; its account id comes from a
 * member_programs row (whose account_id has a foreign key) or a programme's system account; entries
 * and accounts are never deleted. checkLedgerIntegrity counts any posting without its entry or account.
 */
export const postings = pgTable(
  "postings",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entryId: bigint({ mode: "number" }).notNull(),
    accountId: bigint({ mode: "number" }).notNull(),
    /** Signed: positive adds to the account's balance. */
    amount: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("postings_entry_idx").on(t.entryId), index("postings_account_idx").on(t.accountId), check("postings_not_zero", sql`${t.amount} <> 0`)],
);

/**
 * Points credited to a member in one go, spent earliest-expiry-first. No foreign keys (one row per
 * award): a lot is written with its entry, in the same statement or function (writeAwards, a
 * transfer), for a member and programme whose balance row (member_programs, which references both)
 * that statement locks; members, programmes and entries are never deleted. checkLedgerIntegrity
 * counts orphans.
 */
export const lots = pgTable(
  "lots",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    memberId: uuid().notNull(),
    programId: uuid().notNull(),
    entryId: bigint({ mode: "number" }).notNull(),
    /** award | transfer_in | adjustment */
    source: text().notNull(),
    awardedAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    points: bigint({ mode: "number" }).notNull(),
    /** Cache of points minus consumptions, kept under the member_programs row lock. */
    pointsLeft: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    index("lots_spendable_idx").on(t.memberId, t.expiresAt, t.awardedAt, t.id).where(sql`${t.pointsLeft} > 0`),
    // Lots with points left by expiry: the expiry job walks it (keyset on expires_at, id) and the expiring-points report reads ranges of it.
    index("lots_expiring_idx").on(t.expiresAt, t.id).where(sql`${t.pointsLeft} > 0`),
    check("lots_points_left_range", sql`${t.pointsLeft} >= 0 and ${t.pointsLeft} <= ${t.points}`),
  ],
);

/** What an entry took from (positive) or gave back to (negative) a lot. Append-only. */
export const lotMovements = pgTable(
  "lot_movements",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    lotId: bigint({ mode: "number" })
      .notNull()
      .references(() => lots.id),
    points: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("lot_movements_entry_idx").on(t.entryId), index("lot_movements_lot_idx").on(t.lotId)],
);

export type BreakupRow = { program_id: string; points: number };

export const redemptions = pgTable(
  "redemptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    groupRedemption: boolean().notNull(),
    points: integer().notNull(),
    currencyValueMinor: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    pointsToCurrency: numeric({ precision: 24, scale: 12 }).notNull(),
    externalReference: text(),
    breakupByProgram: jsonb().$type<BreakupRow[]>().notNull(),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    reversalEntryId: bigint({ mode: "number" }).references(() => journalEntries.id),
    reversedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("redemptions_member_idx").on(t.memberId, t.createdAt)],
);

export const transfers = pgTable(
  "transfers",
  {
    id: uuid().primaryKey().defaultRandom(),
    fromMemberId: uuid()
      .notNull()
      .references(() => members.id),
    toMemberId: uuid()
      .notNull()
      .references(() => members.id),
    /** The programme the points land in. */
    toProgramId: uuid()
      .notNull()
      .references(() => programs.id),
    groupTransfer: boolean().notNull(),
    points: integer().notNull(),
    breakupByProgram: jsonb().$type<BreakupRow[]>().notNull(),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("transfers_from_idx").on(t.fromMemberId, t.createdAt), index("transfers_to_idx").on(t.toMemberId, t.createdAt)],
);

export type LedgerAccount = typeof ledgerAccounts.$inferSelect;
export type JournalEntry = typeof journalEntries.$inferSelect;
export type Lot = typeof lots.$inferSelect;
export type Redemption = typeof redemptions.$inferSelect;
export type Transfer = typeof transfers.$inferSelect;
