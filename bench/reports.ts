/**
 * `npm run bench` (part): reports and analytics on the large data set (issue 8).
 *  1. Brings the report rollups up to date (the first run on a data set builds them from every row: timed).
 *  2. Records 10,000 new transactions of existing members (as the API would, 500 per batch) and times the
 *     rollup refresh that folds them in (goal < 5 s); three rounds (`--rounds N`), with the median and slowest.
 *  3. Times every dashboard query of the reports (goal p95 < 200 ms), 50 runs each, and the segment builder's
 *     live member count (5 runs each; the issue sets no goal for it).
 * Uses the data set of `npm run bench:data` when there is one; otherwise builds a small one first (and says so).
 * Each round adds 10,000 transactions (external ids REPORTS-BENCH-<run>-<n>) to the data set.
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/db";
import { runMigrations } from "@/db/migrate";
import { systemActor } from "@/lib/actor";
import { refreshRollups } from "@/lib/reports/refresh";
import { ingestMany } from "@/lib/transactions/ingest-many";
import { buildBenchDataset, openBenchServer, readDataset } from "../scripts/lib/bench-data/database";
import { fmt, percentile } from "./lib/stats";
import { REPORT_QUERY_SETS } from "./lib/reports-queries";

const SMALL = { members: 50_000, postings: 500_000, heavyTimelineEntries: 10_000 };
const NEW_TRANSACTIONS = 10_000;
const BATCH = 500;
const REPEAT = 50;
/** How many times to record 10,000 transactions and refresh (`--rounds N`): one refresh is at the mercy of the machine. */
const ROUNDS_AT = process.argv.indexOf("--rounds");
const ROUNDS = ROUNDS_AT < 0 ? 3 : Math.max(1, Math.trunc(Number(process.argv[ROUNDS_AT + 1])) || 1);
const MCCS = ["5411", "5812", "5814", "5999", "4511", "7011", "5732", "5651"];
const say = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function refreshed(db: Db, label: string, goal?: string) {
  for (;;) {
    const result = await refreshRollups(db);
    if (result.skipped) {
      say("[bench] a refresh is running elsewhere on this database; waiting for it");
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    const parts = Object.entries(result.byRollup).map(([name, rows]) => `${name} ${fmt(rows)}`).join(", ");
    say(`[bench] ${label}: ${seconds(result.durationMs)} for ${fmt(result.rowsFolded)} source rows${goal ? `  (goal ${goal})` : ""}`);
    if (parts) say(`[bench]   rows read per rollup: ${parts}`);
    return result;
  }
}

/** 10,000 purchases of members picked across the data set, recorded in batches as the API's batch endpoint does. */
async function recordNewTransactions(db: Db): Promise<number> {
  const members = await db.execute<{ id: string }>(sql`select id from members order by md5(id::text || ${String(Date.now())}) limit ${NEW_TRANSACTIONS}`);
  const run = Date.now().toString(36);
  const now = new Date();
  const actor = systemActor("bench");
  let accepted = 0;
  for (let i = 0; i < members.length; i += BATCH) {
    const inputs = members.slice(i, i + BATCH).map((m, j) => {
      const n = i + j;
      return {
        memberId: m.id,
        externalId: `REPORTS-BENCH-${run}-${n}`,
        type: "purchase" as const,
        amount: 10_000 + ((n * 7919) % 900_000),
        currency: "INR",
        occurredAt: new Date(now.getTime() - 60_000),
        merchantName: "Bench Mart",
        mcc: MCCS[n % MCCS.length],
        category: "Groceries",
        country: "IN",
      };
    });
    const outcomes = await db.transaction((tx) => ingestMany(tx, actor, inputs, now));
    accepted += outcomes.filter((o) => o.ok).length;
  }
  return accepted;
}

async function main() {
  const server = await openBenchServer();
  let close = async () => {};
  try {
    let dataset = await readDataset(server.url);
    if (dataset) {
      say(`[bench] reports on the bench:data data set: ${fmt(dataset.counts.members ?? 0)} members, ${fmt(dataset.counts.postings ?? 0)} postings (seed ${dataset.seed}, built ${dataset.generatedAt})`);
    } else {
      say(`[bench] no bench:data data set: building a small one first (${fmt(SMALL.members)} members, ${fmt(SMALL.postings)} postings).`);
      say("[bench] for the full size: npm run bench:data -- --members 1000000 --postings 10000000");
      dataset = await buildBenchDataset(server, { ...SMALL, log: (line) => say(`[bench:data] ${line}`) });
    }
    await runMigrations(server.url);
    const client = createDb(server.url, { max: 4 });
    close = () => client.sql.end({ timeout: 5 });
    const db = client.db;

    const [state] = await db.execute<{ snapshot: string | null }>(sql`select snapshot from rollup_state where name = 'reports'`);
    await refreshed(db, state?.snapshot ? "rollups brought up to date" : "rollups built from every row (first refresh of this data set)");

    const refreshes: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const t = performance.now();
      const accepted = await recordNewTransactions(db);
      say(`[bench] round ${round} of ${ROUNDS}: recorded ${fmt(accepted)} new transactions in ${seconds(performance.now() - t)}`);
      const result = await refreshed(db, `refresh after ${fmt(accepted)} new transactions`, "< 5 s");
      if (!result.skipped) refreshes.push(result.durationMs);
      const [perRollup] = await db.execute<{ parts: string }>(sql`
        select string_agg(substr(name, 8) || ' ' || round(duration_ms / 1000.0, 2) || ' s', ', ' order by name) as parts
        from rollup_state where name like 'rollup:%'`);
      say(`[bench]   time per rollup: ${perRollup?.parts ?? ""}`);
    }
    say(`[bench] refresh after ${fmt(NEW_TRANSACTIONS)} new transactions over ${ROUNDS} rounds: median ${seconds(percentile(refreshes, 50))}, slowest ${seconds(Math.max(...refreshes))}  (goal < 5 s)`);

    for (const set of REPORT_QUERY_SETS) {
      for (const query of await set(db)) {
        // The segment builder's live count is not a dashboard query (the issue sets no goal for it) and is slower.
        const builder = query.name.startsWith("segment count");
        await query.run(); // warm
        const times: number[] = [];
        for (let i = 0; i < (builder ? 5 : REPEAT); i++) {
          const started = performance.now();
          await query.run();
          times.push(performance.now() - started);
        }
        say(`[bench] ${query.name.padEnd(58)} p50 ${fmt(percentile(times, 50)).padStart(6)} ms, p95 ${fmt(percentile(times, 95)).padStart(6)} ms  (${builder ? "segment builder, 5 runs" : "goal p95 < 200 ms"})`);
      }
    }
  } finally {
    await close();
    await server.stop();
  }
}

await main();
