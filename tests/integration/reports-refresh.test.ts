import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import type { Rollup } from "@/lib/reports/rollup";
import { refreshRollups, rollupStatus } from "@/lib/reports/refresh";
import { journalEntries } from "@/db/schema";
import { award, makeMember, makeProgram } from "../support/ledger";

const db = () => getDb();

/** A rollup that remembers every journal entry id it was given, so a test sees each is folded exactly once. */
function entryCollector(name = "test.entries") {
  const seen: number[] = [];
  const rollup: Rollup = {
    name,
    async apply({ tx, isNew }) {
      const rows = await tx.select({ id: journalEntries.id }).from(journalEntries).where(isNew(journalEntries.writtenIn));
      seen.push(...rows.map((r) => r.id));
      return rows.length;
    },
  };
  return { rollup, seen };
}

const other = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
afterAll(() => other.end());

describe("report rollup refresh", () => {
  it("folds every committed row exactly once, including rows of a transaction that commits after a refresh began", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    const { rollup, seen } = entryCollector();
    await award(member.id, program.id, 100);
    const first = await refreshRollups(db(), { rollups: [rollup] });
    expect(first.skipped).toBe(false);
    const before = seen.length;
    expect(before).toBeGreaterThan(0);

    // A transaction takes a journal entry id now and commits only after the next refresh has run.
    const reserved = await other.reserve();
    await reserved`begin`;
    const [late] = await reserved`insert into journal_entries (kind, actor_label) values ('adjustment', 'test') returning id`;
    await award(member.id, program.id, 50); // a later id, committed at once
    const second = await refreshRollups(db(), { rollups: [rollup] });
    expect(second.skipped).toBe(false);
    expect(seen).not.toContain(Number(late!.id));
    await reserved`commit`;
    reserved.release();

    await refreshRollups(db(), { rollups: [rollup] });
    expect(seen).toContain(Number(late!.id));
    // Nothing twice, nothing left out.
    expect(new Set(seen).size).toBe(seen.length);
    const [all] = await db().execute<{ n: number }>(sql`select count(*)::int as n from journal_entries`);
    expect(seen.length).toBe(all!.n);
    const again = await refreshRollups(db(), { rollups: [rollup] });
    expect(again.skipped === false && again.rowsFolded).toBe(0);
  });

  it("gives a rollup added after earlier refreshes every row on its first refresh, then only new ones", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    await award(member.id, program.id, 70);
    const old = entryCollector("test.old");
    await refreshRollups(db(), { rollups: [old.rollup] });
    const added = entryCollector("test.added");
    await refreshRollups(db(), { rollups: [old.rollup, added.rollup] });
    const [all] = await db().execute<{ n: number }>(sql`select count(*)::int as n from journal_entries`);
    expect(added.seen.length).toBe(all!.n);
    await award(member.id, program.id, 5);
    const before = added.seen.length;
    await refreshRollups(db(), { rollups: [old.rollup, added.rollup] });
    expect(added.seen.length - before).toBe(1);
    expect(new Set(old.seen).size).toBe(all!.n + 1);
  });

  it("never folds a row of a transaction that rolled back", async () => {
    const { rollup, seen } = entryCollector();
    await refreshRollups(db(), { rollups: [rollup] });
    const count = seen.length;
    const reserved = await other.reserve();
    await reserved`begin`;
    const [gone] = await reserved`insert into journal_entries (kind, actor_label) values ('adjustment', 'test') returning id`;
    await reserved`rollback`;
    reserved.release();
    await refreshRollups(db(), { rollups: [rollup] });
    expect(seen.slice(count)).not.toContain(Number(gone!.id));
  });

  it("lets one of two refreshes at once do the work; the other skips and folds nothing", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    await award(member.id, program.id, 10);
    const { rollup, seen } = entryCollector();
    const slow: Rollup = { name: "test.slow", apply: async ({ tx }) => (await tx.execute(sql`select pg_sleep(0.3)`), 0) };
    const results = await Promise.all([refreshRollups(db(), { rollups: [slow, rollup] }), refreshRollups(db(), { rollups: [slow, rollup] })]);
    expect(results.filter((r) => r.skipped)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    const status = await rollupStatus(db());
    expect(status.asOf).toBeInstanceOf(Date);
  });
});
