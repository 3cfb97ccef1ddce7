import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { programs, tiers } from "./programs";
import { writtenIn } from "./columns";

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
  // Search is by case-insensitive prefix: byte-order ("C") indexes on the lower-cased values serve
  // range conditions (lib/members/search.ts) whatever the plan's parameters.
  (t) => [
    index("members_external_id_search_idx").on(sql`lower(${t.externalId}) collate "C"`),
    index("members_email_idx").on(sql`lower(${t.email}) collate "C"`),
    // Phones are matched on their digits, with or without the country code ("+91 98765…" or "98765…").
    index("members_phone_digits_idx").on(sql`regexp_replace(${t.phone}, '[^0-9]', '', 'g') collate "C"`),
    index("members_phone_national_idx").on(sql`regexp_replace(regexp_replace(${t.phone}, '^\\+[0-9]{1,3}[ -]', ''), '[^0-9]', '', 'g') collate "C"`),
    index("members_first_name_search_idx").on(sql`lower(${t.firstName}) collate "C"`),
    index("members_last_name_search_idx").on(sql`lower(${t.lastName}) collate "C"`),
    index("members_full_name_search_idx").on(sql`lower(${t.firstName} || ' ' || ${t.lastName}) collate "C"`),
  ],
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
    /** The transaction that wrote the row, for the report rollups. */
    writtenIn: writtenIn(),
  },
  (t) => [
    index("member_programs_written_in_idx").on(t.writtenIn),
    primaryKey({ columns: [t.memberId, t.programId] }),
    index("member_programs_program_idx").on(t.programId),
    check("member_programs_current_not_negative", sql`${t.current} >= 0`),
    check("member_programs_pending_not_negative", sql`${t.pending} >= 0`),
  ],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type MemberProgram = typeof memberPrograms.$inferSelect;
