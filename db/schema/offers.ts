import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { members } from "./members";
import { programs } from "./programs";
import { users } from "./users";

/**
 * An offer and where it stands in its lifecycle: draft → submitted → approved (by another user) →
 * active ⇄ paused → ended. The definition it runs is `liveVersion`; an edit is a draft of the next
 * version (`draft`, `draftStep`) that goes through submission and approval again while the live
 * version keeps earning.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid().primaryKey().defaultRandom(),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    name: text().notNull(),
    /** draft | submitted | approved | active | paused | ended */
    status: text().notNull().default("draft"),
    /** reward_points | cashback | voucher | partner_points (of the latest definition, for filtering). */
    outcomeType: text(),
    partnerId: uuid(),
    liveVersion: integer(),
    /** The version a submission is waiting for approval on. */
    pendingVersion: integer(),
    /** The definition being edited (may be incomplete) and the wizard step it was left at. */
    draft: jsonb().$type<Record<string, unknown>>(),
    draftStep: integer().notNull().default(1),
    /** Total value the live version may give out (outcome units) and what it has given. */
    budget: bigint({ mode: "number" }),
    budgetUsed: bigint({ mode: "number" }).notNull().default(0),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("offers_status_idx").on(t.status, t.programId),
    check("offers_budget_used_range", sql`${t.budgetUsed} >= 0 and (${t.budget} is null or ${t.budgetUsed} <= ${t.budget})`),
  ],
);

/** Every submitted definition of an offer, immutable once submitted; every award names the version that produced it. */
export const offerVersions = pgTable(
  "offer_versions",
  {
    offerId: uuid()
      .notNull()
      .references(() => offers.id),
    version: integer().notNull(),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    /** submitted | approved | rejected | superseded */
    status: text().notNull(),
    submittedBy: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.version] })],
);

/** What an offer gave a member in a cap period ("2026-11", "2026-11-23", "all"). */
export const offerMemberUsage = pgTable(
  "offer_member_usage",
  {
    offerId: uuid()
      .notNull()
      .references(() => offers.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    periodKey: text().notNull(),
    used: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.offerId, t.periodKey] })],
);

/** A milestone offer awarded to a member in a tracker period: at most once (the key says so). */
export const offerMilestones = pgTable(
  "offer_milestones",
  {
    offerId: uuid()
      .notNull()
      .references(() => offers.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    periodKey: text().notNull(),
    awardedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.offerId, t.periodKey] })],
);

/** A tracker's definition, by its key (a canonical form of the definition): reusable by offers and tier rules. */
export const trackerDefinitions = pgTable("tracker_definitions", {
  key: text().primaryKey(),
  definition: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A member's tracker value in one period: a calendar period ("2026-11", "2026-Q4", "2026"), or one day
 * ("2026-11-23") for rolling windows, whose value is the sum of the days in the window.
 */
export const memberTrackers = pgTable(
  "member_trackers",
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    trackerKey: text().notNull(),
    periodKey: text().notNull(),
    value: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.trackerKey, t.periodKey] })],
);

export type Offer = typeof offers.$inferSelect;
export type OfferVersion = typeof offerVersions.$inferSelect;
