import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { programs, tiers } from "./programs";

/** A loyalty customer. `externalId` is the bank's customer id. */
export const members = pgTable(
  "members",
  {
    id: uuid().primaryKey().defaultRandom(),
    externalId: text().notNull().unique(),
    firstName: text(),
    lastName: text(),
    email: text(),
    phone: text(),
    attributes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("members_email_idx").on(sql`lower(${t.email})`), index("members_phone_idx").on(t.phone)],
);

/**
 * A member's enrolment in a programme and its balances. The row is the lock that serialises
 * everything that spends or credits the member's points in that programme. `current` caches the
 * sum of the postings to the member's points account (checked by the ledger integrity check).
 */
export const memberPrograms = pgTable(
  "member_programs",
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    tierId: uuid()
      .notNull()
      .references(() => tiers.id),
    /** The member's points account in the ledger. */
    accountId: bigint({ mode: "number" }).notNull(),
    current: bigint({ mode: "number" }).notNull().default(0),
    pending: bigint({ mode: "number" }).notNull().default(0),
    redeemed: bigint({ mode: "number" }).notNull().default(0),
    expired: bigint({ mode: "number" }).notNull().default(0),
    transferredIn: bigint({ mode: "number" }).notNull().default(0),
    transferredOut: bigint({ mode: "number" }).notNull().default(0),
    /** Points ever earned here (awards; not transfers in). */
    lifetime: bigint({ mode: "number" }).notNull().default(0),
    /** Points taken back by refunds after they were spent: later earnings repay it first. */
    debt: bigint({ mode: "number" }).notNull().default(0),
    enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.programId] }),
    index("member_programs_program_idx").on(t.programId),
    check("member_programs_current_not_negative", sql`${t.current} >= 0`),
    check("member_programs_pending_not_negative", sql`${t.pending} >= 0`),
  ],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type MemberProgram = typeof memberPrograms.$inferSelect;
