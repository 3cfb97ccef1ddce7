import "server-only";
import { eq, like, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { sqlState } from "@/db/retry";
import { rollupState } from "@/db/schema";
import { newSince, type Rollup } from "./rollup";
import { ROLLUPS } from "./rollups";

const STATE = "reports";
/** Each rollup's own row: `rollup:<name>`, with the snapshot it last folded to. */
const ROLLUP_PREFIX = "rollup:";

export type RefreshResult =
  | { skipped: false; asOf: Date; rowsFolded: number; durationMs: number; byRollup: Record<string, number> }
  /** Another refresh held the rollups (or finished while this one started): it did the work. */
  | { skipped: true };

/**
 * Folds every source row written since the previous refresh into the rollups, in one REPEATABLE READ
 * transaction: all rollups read one snapshot, and the snapshot is stored with them, so the next refresh
 * starts exactly where this one ended (rows of transactions still open now are folded in next time).
 * Two refreshes at once: the second skips (the state row is locked with NOWAIT). Each rollup keeps its
 * own snapshot, so a rollup added to a database refreshed before starts from every row.
 */
export async function refreshRollups(db: Db, options: { rollups?: readonly Rollup[] } = {}): Promise<RefreshResult> {
  const rollups = options.rollups ?? ROLLUPS;
  await db.insert(rollupState).values({ name: STATE }).onConflictDoNothing();
  const started = performance.now();
  try {
    return await db.transaction(
      async (tx) => {
        // The first statement fixes the snapshot every rollup reads; it also takes the lock.
        const [state] = await tx.execute<{ snapshot: string | null; current: string; as_of: Date }>(sql`
          select snapshot, pg_current_snapshot()::text as current, clock_timestamp() as as_of
          from rollup_state where name = ${STATE} for update nowait`);
        if (!state) return { skipped: true } as const;
        const asOf = new Date(state.as_of);
        // The statements read few rows: compiling them (JIT, chosen on row estimates) costs more than it saves.
        await tx.execute(sql`set local jit = off`);
        // Each rollup folds from its own previous snapshot: one added since the last refresh starts from every row.
        const previous = new Map(
          (await tx.select({ name: rollupState.name, snapshot: rollupState.snapshot }).from(rollupState).where(like(rollupState.name, `${ROLLUP_PREFIX}%`))).map((r) => [r.name, r.snapshot]),
        );
        const byRollup: Record<string, number> = {};
        let rowsFolded = 0;
        for (const rollup of rollups) {
          const key = `${ROLLUP_PREFIX}${rollup.name}`;
          const snapshot = previous.get(key) ?? null;
          const rollupStarted = performance.now();
          const rows = await rollup.apply({ tx, isNew: newSince(snapshot), first: snapshot === null, asOf });
          byRollup[rollup.name] = rows;
          rowsFolded += rows;
          const mine = { snapshot: state.current, asOf, durationMs: Math.round(performance.now() - rollupStarted), rowsFolded: Math.min(rows, 2_147_483_647) };
          await tx
            .insert(rollupState)
            .values({ name: key, ...mine, refreshes: 1 })
            .onConflictDoUpdate({ target: rollupState.name, set: { ...mine, refreshes: sql`${rollupState.refreshes} + 1` } });
        }
        const durationMs = Math.round(performance.now() - started);
        await tx
          .update(rollupState)
          .set({ snapshot: state.current, asOf, durationMs, rowsFolded: Math.min(rowsFolded, 2_147_483_647), refreshes: sql`${rollupState.refreshes} + 1` })
          .where(eq(rollupState.name, STATE));
        return { skipped: false, asOf, rowsFolded, durationMs, byRollup } as const;
      },
      { isolationLevel: "repeatable read" },
    );
  } catch (error) {
    // 55P03: another refresh holds the row; 40001: one committed after this snapshot was taken.
    const state = sqlState(error);
    if (state === "55P03" || state === "40001") return { skipped: true };
    throw error;
  }
}

export type RollupStatus = { asOf: Date | null; durationMs: number | null; rowsFolded: number | null };

/** When the rollups were last refreshed (null: never), for the "as of" line of every report. */
export async function rollupStatus(db: DbOrTx): Promise<RollupStatus> {
  const [row] = await db.select({ asOf: rollupState.asOf, durationMs: rollupState.durationMs, rowsFolded: rollupState.rowsFolded }).from(rollupState).where(eq(rollupState.name, STATE));
  return row ?? { asOf: null, durationMs: null, rowsFolded: null };
}
