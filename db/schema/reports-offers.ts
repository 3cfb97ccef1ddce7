import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Awards per offer per local day (the programme's time zone) of the day each award was made, kept
 * current by the report refresh (lib/reports/offers/rollup.ts) from fulfilment_events:
 * a new fulfilment adds to `awards`, `value` and its state; a state change moves the award (count and
 * value) from one state to the other, on the day it was made. So any range of days answers "awards made
 * then, and where they stand now", and the sum over all days is every award's current state.
 * `offerKey` is the offer, or for a programme's base earn (no offer) the programme itself (`baseEarn`).
 * `unit` says what `value` counts: the currency of cashback, the partner (id) of partner points, "" for
 * reward points (points of the programme) and vouchers (codes).
 */
export const reportAwardDays = pgTable(
  "report_award_days",
  {
    offerKey: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    outcomeType: text().notNull(),
    unit: text().notNull(),
    programId: uuid(),
    baseEarn: integer().notNull().default(0),
    awards: bigint({ mode: "number" }).notNull().default(0),
    value: bigint({ mode: "number" }).notNull().default(0),
    pendingCount: bigint({ mode: "number" }).notNull().default(0),
    pendingValue: bigint({ mode: "number" }).notNull().default(0),
    postedCount: bigint({ mode: "number" }).notNull().default(0),
    postedValue: bigint({ mode: "number" }).notNull().default(0),
    failedCount: bigint({ mode: "number" }).notNull().default(0),
    failedValue: bigint({ mode: "number" }).notNull().default(0),
    reversedCount: bigint({ mode: "number" }).notNull().default(0),
    reversedValue: bigint({ mode: "number" }).notNull().default(0),
    /**
     * Value refunds have taken back (fulfilments.reversed_value) from those of these awards that are still
     * pending or posted, so pending + posted − taken back is what the awards are worth now. A failed or
     * reversed award gives nothing, so what was taken back from it is not counted here.
     */
    takenBack: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.offerKey, t.day, t.outcomeType, t.unit] }), index("report_award_days_outcome_idx").on(t.outcomeType, t.unit, t.day)],
);

/** Each member an offer (or a programme's base earn) has awarded, once: the set behind "members reached". */
export const reportOfferMembers = pgTable(
  "report_offer_members",
  {
    offerKey: uuid().notNull(),
    memberId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.offerKey, t.memberId] })],
);

/** Members an offer reached for the first time, per local day of their first award. */
export const reportOfferReachDays = pgTable(
  "report_offer_reach_days",
  {
    offerKey: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    members: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.offerKey, t.day] })],
);

/**
 * What refunds had taken back of each award when the refresh last looked (only awards with something
 * taken back) and whether it was counted in `report_award_days.taken_back` (the award was pending or
 * posted): the next refresh adds the difference. Exact, because a fulfilment's reversed_value and state
 * only change together with a fulfilment_events row in the same transaction.
 */
export const reportTakenBack = pgTable("report_taken_back", {
  fulfilmentId: uuid().primaryKey(),
  takenBack: bigint({ mode: "number" }).notNull(),
  counted: boolean().notNull(),
});

/**
 * A partner's point block per local day (its host programme's time zone): points it gave (debits) and
 * got back (returns, when an award failed or was refunded), from point_block_debits.
 */
export const reportBlockDays = pgTable(
  "report_block_days",
  {
    blockId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    partnerId: uuid().notNull(),
    debited: bigint({ mode: "number" }).notNull().default(0),
    returned: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.blockId, t.day] }), index("report_block_days_partner_idx").on(t.partnerId, t.day)],
);

export type ReportAwardDay = typeof reportAwardDays.$inferSelect;
