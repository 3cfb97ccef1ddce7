import { bigint, date, integer, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";

/**
 * The points dashboard's rollups (lib/reports/points), folded in by the report refresh from the ledger,
 * the enrolments and the tier history; the dashboard reads only these (and the programmes).
 */

/**
 * What moved in and out of members' points accounts of one programme on one local day (the programme's
 * time zone), by journal entry kind, and the members who enrolled that day. Every column is a sum of
 * postings to member accounts (positive amounts in the `*_in` / earning columns, negative ones out), so
 * for any period: opening + Σ(in) − Σ(out) = closing, the sum of member balances.
 */
export const reportPointsDaily = pgTable(
  "report_points_daily",
  {
    programId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    /** award entries: earned by transactions, promotions, bonuses. */
    awarded: bigint({ mode: "number" }).notNull().default(0),
    /** adjustment entries that credit a member. */
    adjustedIn: bigint({ mode: "number" }).notNull().default(0),
    /** adjustment entries that debit a member. */
    adjustedOut: bigint({ mode: "number" }).notNull().default(0),
    /** award_reversal and debt_repayment: points taken back after a refund. */
    takenBack: bigint({ mode: "number" }).notNull().default(0),
    redeemed: bigint({ mode: "number" }).notNull().default(0),
    /** redemption_reversal: points given back when a redemption is reversed. */
    redemptionReversed: bigint({ mode: "number" }).notNull().default(0),
    expired: bigint({ mode: "number" }).notNull().default(0),
    transferredIn: bigint({ mode: "number" }).notNull().default(0),
    transferredOut: bigint({ mode: "number" }).notNull().default(0),
    /** Any other kind of entry, so the sums always add up to the balances. */
    otherIn: bigint({ mode: "number" }).notNull().default(0),
    otherOut: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.programId, t.day] })],
);

/**
 * Members counted per period: `scope` is a programme's id, or GROUP_SCOPE for the whole group (a member
 * counted once whatever programmes they are in); `grain` 0 day, 1 week (from Monday), 2 month; `period`
 * the first local day of the period. New members: enrolled (group: first enrolled) in the period.
 * Active members: distinct members with a points movement or a transaction in the period.
 */
export const reportMemberCounts = pgTable(
  "report_member_counts",
  {
    scope: uuid().notNull(),
    grain: smallint().notNull(),
    period: date({ mode: "string" }).notNull(),
    newMembers: integer().notNull().default(0),
    activeMembers: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.grain, t.period] })],
);

/**
 * The last local day on which each member was active in a scope (as in report_member_counts): how the
 * refresh keeps distinct active-member counts exact with one small row per member and scope. Activity
 * on a day after `lastDay` opens each of its periods that starts after `lastDay`; a period holding
 * `lastDay` is already counted; only activity folded late, in a period that ended before `lastDay`,
 * asks the ledger whether the member was already active then. About 2M rows for the 1M-member
 * benchmark, against 27M for a row per member and period.
 */
export const reportMemberLastActive = pgTable(
  "report_member_last_active",
  {
    scope: uuid().notNull(),
    memberId: uuid().notNull(),
    lastDay: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.memberId] })],
);

/**
 * How many members' last active day in a scope (report_member_last_active) is `day`: the members
 * active at least once from a day A to now are the sum over days ≥ A, exactly. The dashboard's
 * "active members" for a period that ends today reads it.
 */
export const reportLastActiveDays = pgTable(
  "report_last_active_days",
  {
    scope: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    members: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);

/** Members in each tier of each programme now, folded from the tier history (enrolment is its first line). */
export const reportTierMembers = pgTable(
  "report_tier_members",
  {
    programId: uuid().notNull(),
    tierId: uuid().notNull(),
    members: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.programId, t.tierId] })],
);

export type ReportPointsDaily = typeof reportPointsDaily.$inferSelect;
export type ReportMemberCounts = typeof reportMemberCounts.$inferSelect;
