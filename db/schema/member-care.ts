import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { journalEntries } from "./ledger";
import { members } from "./members";
import { programs, tiers } from "./programs";
import { users } from "./users";
import { writtenIn } from "./columns";

/**
 * A goodwill adjustment: points credited to or debited from a member by an agent, with a reason
 * code and a note. Above the configured threshold it waits for a second user's approval
 * (`pending_approval`); once posted, `entryId` is its journal entry.
 */
export const memberAdjustments = pgTable(
  "member_adjustments",
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    /** credit | debit */
    direction: text().notNull(),
    points: integer().notNull(),
    reasonCode: text().notNull(),
    note: text().notNull(),
    /** pending_approval | posted | rejected */
    status: text().notNull(),
    requestedById: uuid().references(() => users.id),
    requestedByLabel: text().notNull(),
    decidedById: uuid().references(() => users.id),
    decidedByLabel: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    entryId: bigint({ mode: "number" }).references(() => journalEntries.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("member_adjustments_member_idx").on(t.memberId, t.createdAt, t.id),
    index("member_adjustments_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending_approval'`),
    check("member_adjustments_points_positive", sql`${t.points} > 0`),
    check("member_adjustments_direction", sql`${t.direction} in ('credit', 'debit')`),
    check("member_adjustments_status", sql`${t.status} in ('pending_approval', 'posted', 'rejected')`),
  ],
);

/** An agent's note on a member. Append-only. */
export const memberNotes = pgTable(
  "member_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    authorId: uuid().references(() => users.id),
    authorLabel: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("member_notes_member_idx").on(t.memberId, t.createdAt, t.id)],
);

/** Every tier a member has been in, per programme, with why it changed. Append-only. */
export const memberTierChanges = pgTable(
  "member_tier_changes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    fromTierId: uuid().references(() => tiers.id),
    toTierId: uuid()
      .notNull()
      .references(() => tiers.id),
    reason: text().notNull(),
    actorLabel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The transaction that wrote the row, for the report rollups (tier distribution). */
    writtenIn: writtenIn(),
  },
  (t) => [index("member_tier_changes_member_idx").on(t.memberId, t.at, t.id), index("member_tier_changes_written_in_idx").on(t.writtenIn)],
);

export type MemberAdjustment = typeof memberAdjustments.$inferSelect;
export type MemberNote = typeof memberNotes.$inferSelect;
export type MemberTierChange = typeof memberTierChanges.$inferSelect;
