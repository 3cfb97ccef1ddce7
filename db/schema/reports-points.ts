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
 * One row per member active in a period of a scope (as in report_member_counts): a member's first
 * activity in a period inserts the row, and only an inserted row adds to the period's active count,
 * so distinct counts stay exact however late or out of order activity is folded in. Keyed by period
 * first, so a refresh's inserts land in the few index pages of the current day, week and month
 * (one row per member, day and scope would be a third of the size, but every insert and check a
 * random page: 3 s instead of 0.3 s per 10,000 transactions on the benchmark). About 27M rows
 * (3.3 GB) for the 3-year, 1M-member benchmark.
 */
export const reportActiveMembers = pgTable(
  "report_active_members",
  {
    scope: uuid().notNull(),
    grain: smallint().notNull(),
    period: date({ mode: "string" }).notNull(),
    memberId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.grain, t.period, t.memberId] })],
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
