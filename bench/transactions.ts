/**
 * `npm run bench` (part): transactions through the public API against the production build.
 *  1. POST /api/v1/transactions, 32 concurrent clients on loopback, 20 active offers: transactions/s, p50, p99.
 *  2. POST /api/v1/transactions/batch (1,000 per request): transactions/s, against a bare multi-row
 *     INSERT of the same transaction rows (the ceiling) and the ratio.
 * Builds the app first when the build is stale; a fresh embedded PostgreSQL (or DATABASE_URL).
 */
import { sql } from "drizzle-orm";
import { createDb } from "@/db";
import { ensureProductionBuild, startProductionServer } from "./lib/app";
import { backendsCpu, backendsCpuSince, processTreeCpuMs } from "./lib/cpu";
import { startBenchDatabase } from "./lib/database";
import { fmt, percentile } from "./lib/stats";
import { benchTransaction as transaction, MEMBERS, setUpTransactionsBook } from "./lib/transactions-setup";

const CLIENTS = 32;
const SINGLE = Number(process.env.BENCH_TRANSACTIONS ?? 8_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const fmtMs = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });

async function main() {
  await ensureProductionBuild();
  const database = await startBenchDatabase("coalition_bench_tx");
  const { db, sql: client } = createDb(database.url, { max: 4 });
  const web = await startProductionServer(database.url);
  try {
    const { token } = await setUpTransactionsBook(db);
    const base = web.base;
    await web.waitUntilUp();
    const post = async (pathName: string, body: unknown) => {
      const res = await fetch(`${base}${pathName}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${pathName}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };

    // 1. One transaction per request, 32 clients.
    for (let i = 0; i < 200; i++) await post("/api/v1/transactions", transaction(`M-${i % MEMBERS}`)); // warm-up
    const latencies: number[] = [];
    let next = 0;
    // CPU per transaction of the server (its process tree) and of the database's backends: comparable on a busy machine.
    const cpu = async () => ({ server: processTreeCpuMs(web.pid!), pg: await backendsCpu(db) });
    const perTransaction = (before: Awaited<ReturnType<typeof cpu>>, after: Awaited<ReturnType<typeof cpu>>, n: number) =>
      `CPU per transaction: server ${fmtMs((after.server - before.server) / n)} ms + PostgreSQL ${fmtMs(backendsCpuSince(before.pg, after.pg) / n)} ms`;
    const singleCpu = await cpu();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < SINGLE) {
          const i = next++;
          const t = performance.now();
          await post("/api/v1/transactions", transaction(`M-${(i * 13) % MEMBERS}`));
          latencies.push(performance.now() - t);
        }
      }),
    );
    const singleRate = SINGLE / ((performance.now() - started) / 1000);
    const singleCpuText = perTransaction(singleCpu, await cpu(), SINGLE);

    // 2. Batches of 1,000, 4 requests at a time.
    let batch = 0;
    const batchCpu = await cpu();
    const batchStarted = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (batch < BATCHES) {
          batch++;
          await post("/api/v1/transactions/batch", { transactions: Array.from({ length: 1_000 }, (_, k) => transaction(`M-${(batch * 1_000 + k) % MEMBERS}`)) });
        }
      }),
    );
    const batchRate = (BATCHES * 1_000) / ((performance.now() - batchStarted) / 1000);
    const batchCpuText = perTransaction(batchCpu, await cpu(), BATCHES * 1_000);

    // The ceiling: the same transaction rows by bare multi-row INSERTs, 4 at a time.
    const [member] = await db.execute<{ id: string }>(sql`select id from members limit 1`);
    let done = 0;
    const ceilingStarted = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (done < BATCHES * 1_000) {
          done += 1_000;
          await db.execute(sql`
            insert into transactions (external_id, member_id, type, amount, currency, occurred_at, merchant_name, mcc, country)
            select 'CEIL-' || ${done} || '-' || g, ${member!.id}::uuid, 'purchase', 10000 + g, 'INR', now(), 'Bench Mart', '5411', 'IN' from generate_series(1, 1000) g`);
        }
      }),
    );
    const ceilingRate = (BATCHES * 1_000) / ((performance.now() - ceilingStarted) / 1000);

    console.log(`Transactions benchmark (production build, loopback, 20 active offers + a base earn rule), ${new Date().toISOString()}`);
    console.log(`  POST /transactions, ${CLIENTS} clients: ${fmt(singleRate)} transactions/s, p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms  (goal ≥ 800/s, p99 < 100 ms)`);
    console.log(`    ${singleCpuText}`);
    console.log(`  POST /transactions/batch (1,000 per request, 4 at a time): ${fmt(batchRate)} transactions/s  (goal ≥ 10,000/s)`);
    console.log(`    ${batchCpuText}`);
    console.log(`  bare multi-row INSERT of the transaction rows: ${fmt(ceilingRate)} rows/s; ratio ${(batchRate / ceilingRate).toFixed(3)}`);
  } finally {
    await web.stop();
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

void main();
