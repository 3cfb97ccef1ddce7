import { sql } from "drizzle-orm";
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { members } from "./members";
import { users } from "./users";

/**
 * Spend per local day (the default programme's time zone), currency, spend category and MCC, folded in
 * by the `spend` rollup (lib/reports/spend/rollup.ts) from new transactions. Refunds subtract: `amount`
 * is purchases minus refunds, in minor units. A missing category or MCC is stored as "".
 */
export const spendDays = pgTable(
  "spend_days",
  {
    day: date({ mode: "string" }).notNull(),
    currency: text().notNull(),
    category: text().notNull(),
    mcc: text().notNull(),
    purchases: bigint({ mode: "number" }).notNull().default(0),
    refunds: bigint({ mode: "number" }).notNull().default(0),
    /** Purchases minus refunds, minor units. */
    amount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.currency, t.category, t.mcc] })],
);

/** A member's net spend per local month and currency (for "spend in a window" segment conditions). */
export const memberSpendMonths = pgTable(
  "member_spend_months",
  {
    memberId: uuid().notNull(),
    /** The first day of the month. */
    month: date({ mode: "string" }).notNull(),
    currency: text().notNull(),
    /** Purchases minus refunds, minor units. */
    amount: bigint({ mode: "number" }).notNull().default(0),
    /** Purchases minus refunds (a count). */
    count: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.month, t.currency] }),
    // "Spend in a window" reads a range of months for one currency, member and amount from the index alone.
    // (A second index in member order halved a 12-month count but tripled the spend rollup's refresh: each
    // refresh's updates land all over it, where this one keeps them in the current month's pages.)
    index("member_spend_months_month_idx").on(t.currency, t.month, t.memberId, t.amount),
  ],
);

/** A saved group of members (lib/segments definitionSchema), counted and materialized into segment_members. */
export const segments = pgTable(
  "segments",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(""),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Bumped by every save: an edit made on an older version is refused, never silently overwritten. */
    version: integer().notNull().default(1),
    memberCount: integer().notNull().default(0),
    /** When segment_members was last recomputed (on save and by the `segments.refresh` job). */
    countedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    updatedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("segments_name_idx").on(sql`lower(${t.name})`)],
);

/** The members of each saved segment, as of its `countedAt`: what offers targeting the segment read. */
export const segmentMembers = pgTable(
  "segment_members",
  {
    segmentId: uuid()
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.memberId] }), index("segment_members_member_idx").on(t.memberId, t.segmentId)],
);

export type SpendDay = typeof spendDays.$inferSelect;
export type MemberSpendMonth = typeof memberSpendMonths.$inferSelect;
export type Segment = typeof segments.$inferSelect;
export type NewSegment = typeof segments.$inferInsert;
