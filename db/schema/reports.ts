import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Where the report rollups stand (one row, name `reports`): the snapshot of the last refresh (rows
 * written by transactions it could not see are folded in by the next one), when it ran and what it cost.
 * The refresh locks this row, so two workers never fold the same rows twice.
 */
export const rollupState = pgTable("rollup_state", {
  name: text().primaryKey(),
  /** pg_snapshot of the last refresh, as text; null before the first. */
  snapshot: text(),
  /** The time of that snapshot: every report built from the rollups is "as of" it. */
  asOf: timestamp({ withTimezone: true }),
  durationMs: integer(),
  /** Source rows the last refresh folded in. */
  rowsFolded: integer(),
  refreshes: integer().notNull().default(0),
});

export type RollupState = typeof rollupState.$inferSelect;
