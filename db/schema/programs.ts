import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A points currency of one brand. Exactly one programme is the default, which is also the default
 * group programme: its rules and points-to-currency ratio apply to group redemptions.
 */
export const programs = pgTable(
  "programs",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    isDefault: boolean().notNull().default(false),
    /** Value of one point in `currency`, an exact decimal (e.g. 0.25 INR). */
    pointsToCurrency: numeric({ precision: 24, scale: 12 }).notNull(),
    currency: text().notNull(),
    timeZone: text().notNull().default("UTC"),
    minRedemptionPoints: integer().notNull().default(1),
    maxRedemptionPoints: integer(),
    redemptionMultipleOf: integer().notNull().default(1),
    /** For the default programme: whose redemption rules validate a group redemption (itself when null). */
    groupRedemptionRulesProgramId: uuid(),
    /** ISO alpha-2: a transaction in another country is international. */
    homeCountry: text().notNull().default("IN"),
    /** What every purchase earns here before any offer (lib/engine baseEarnRuleSchema); none when null. */
    baseEarnRule: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("programs_one_default").on(t.isDefault).where(sql`${t.isDefault}`),
    check("programs_min_positive", sql`${t.minRedemptionPoints} >= 1`),
    check("programs_multiple_positive", sql`${t.redemptionMultipleOf} >= 1`),
    check("programs_max_ge_min", sql`${t.maxRedemptionPoints} is null or ${t.maxRedemptionPoints} >= ${t.minRedemptionPoints}`),
  ],
);

/** How long awarded points live; several per programme, one default. */
export const expiryStrategies = pgTable(
  "expiry_strategies",
  {
    id: uuid().primaryKey().defaultRandom(),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    name: text().notNull(),
    /** days | months | end_of_month_after_months | end_of_year_after_months | never */
    kind: text().notNull(),
    amount: integer(),
    isDefault: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("expiry_strategies_one_default").on(t.programId).where(sql`${t.isDefault}`)],
);

/**
 * Ordered tiers of a programme; a default tier always exists and is the lowest. The rules and benefits
 * (lib/engine/tiers.ts schemas) are null when not set: no upgrade rule means members reach the tier
 * only by hand; no downgrade rule means they keep it.
 */
export const tiers = pgTable(
  "tiers",
  {
    id: uuid().primaryKey().defaultRandom(),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    name: text().notNull(),
    rank: integer().notNull(),
    isDefault: boolean().notNull().default(false),
    /** lib/engine upgradeRuleSchema: lifetime points ≥ N, or a tracker's value in its window ≥ N. */
    upgradeRule: jsonb().$type<Record<string, unknown>>(),
    /** lib/engine downgradeRuleSchema: no transaction in N months, or fewer than N visits in a window. */
    downgradeRule: jsonb().$type<Record<string, unknown>>(),
    /** Exact decimal applied to the programme's base earn for members in this tier (e.g. 1.25). */
    earnMultiplier: numeric({ precision: 8, scale: 4 }),
    /** Points awarded once when a member is first upgraded into this tier. */
    upgradeBonusPoints: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tiers_one_default").on(t.programId).where(sql`${t.isDefault}`),
    uniqueIndex("tiers_rank").on(t.programId, t.rank),
    check("tiers_multiplier_positive", sql`${t.earnMultiplier} is null or ${t.earnMultiplier} > 0`),
    check("tiers_bonus_positive", sql`${t.upgradeBonusPoints} is null or ${t.upgradeBonusPoints} > 0`),
  ],
);

export type Program = typeof programs.$inferSelect;
export type NewProgram = typeof programs.$inferInsert;
export type ExpiryStrategyRow = typeof expiryStrategies.$inferSelect;
export type Tier = typeof tiers.$inferSelect;
