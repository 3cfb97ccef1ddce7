import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";

/**
 * What a rollup's `apply` gets during a refresh: the refresh's transaction (REPEATABLE READ, so every
 * rollup reads the same snapshot) and a filter for the source rows written since the previous refresh.
 */
export type RollupContext = {
  tx: Tx;
  /**
   * True for the rows whose `written_in` column (db/schema/columns.ts) was written by a transaction
   * the previous refresh could not see: exactly the rows to fold in, each once, however ids interleave.
   * Every row on the first refresh. Served by the table's `<table>_written_in_idx`.
   */
  isNew: (writtenIn: AnyPgColumn | SQL) => SQL;
  /** True on the rollup's first refresh (a new database, or a rollup added since): every source row is new. */
  first: boolean;
  /** The time of the snapshot the refresh reads: what the reports are "as of". */
  asOf: Date;
};

/**
 * A summary table (or several) kept current by the worker. `apply` folds the new source rows into it
 * (additive upserts) or recomputes what is cheap to recompute, and answers how many source rows it read.
 */
export type Rollup = {
  name: string;
  apply(ctx: RollupContext): Promise<number>;
};

/**
 * The filter of RollupContext.isNew for a previous snapshot (null: nothing was folded yet). The
 * snapshot's xmin is written into the statement as a literal: with it the planner sees how few rows
 * can be new and reads them by the written_in index (a bound parameter would look like a third of the
 * table); pg_visible_in_snapshot then decides exactly.
 */
export function newSince(previousSnapshot: string | null): RollupContext["isNew"] {
  if (previousSnapshot === null) return () => sql`true`;
  const xmin = /^(\d+):\d+:[\d,]*$/.exec(previousSnapshot)?.[1];
  if (!xmin) throw new Error(`Not a pg_snapshot: ${previousSnapshot}`);
  return (column) =>
    sql`(${column} >= ${sql.raw(`'${xmin}'::xid8`)} and not pg_visible_in_snapshot(${column}, ${previousSnapshot}::pg_snapshot))`;
}
