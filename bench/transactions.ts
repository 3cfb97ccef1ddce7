/**
 * `npm run bench` (part): transactions through the public API against the production build.
 *  1. POST /api/v1/transactions, 32 concurrent clients on loopback, 20 active offers: transactions/s, p50, p99,
 *     and the CPU each transaction costs the server, PostgreSQL and the benchmark's own client.
 *  2. The floor: the same route answering 401 (no API key), which is Next.js's request pipeline and
 *     nothing else: the most single requests one server process can answer on this machine.
 *  3. POST /api/v1/transactions/batch (1,000 per request, 4 at a time): transactions/s, the rows each
 *     transaction writes, and a bare multi-row INSERT of the transaction rows (the ceiling) with the ratio.
 * Builds the app first when the build is stale; a fresh embedded PostgreSQL (or DATABASE_URL).
 * env: BENCH_TRANSACTIONS (singles, default 8,000), BENCH_BATCHES (default 20).
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/db";
import { ensureProductionBuild, startProductionServer } from "./lib/app";
import { backendsCpu, backendsCpuSince, processTreeCpuMs } from "./lib/cpu";
import { startBenchDatabase } from "./lib/database";
import { httpClient, type Answer } from "./lib/http-client";
import { fmt, percentile, runConcurrently } from "./lib/stats";
import { benchTransaction as transaction, MEMBERS, setUpTransactionsBook } from "./lib/transactions-setup";

const CLIENTS = 32;
const SINGLE = Number(process.env.BENCH_TRANSACTIONS ?? 8_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const fmtMs = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function main() {
  await ensureProductionBuild();
  const database = await startBenchDatabase("coalition_bench_tx");
  const { db, sql: client } = createDb(database.url, { max: 4 });
  const web = await startProductionServer(database.url);
  const http = httpClient(web.base, CLIENTS);
  try {
    const { token } = await setUpTransactionsBook(db);
    await web.waitUntilUp();
    const auth = { authorization: `Bearer ${token}` };
    const expect = (status: number) => (answer: Answer) => {
      if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.body.slice(0, 300)}`);
    };
    const post = (path: string, body: unknown) => http.post(path, body, auth).then((a) => expect(a.status < 300 ? a.status : 201)(a));

    // CPU per request of the server (its process tree), the database's backends and this process (the client).
    const cpu = async () => ({ server: processTreeCpuMs(web.pid!), pg: await backendsCpu(db), client: process.cpuUsage() });
    const cpuText = (before: Awaited<ReturnType<typeof cpu>>, after: Awaited<ReturnType<typeof cpu>>, n: number) => {
      const clientUs = after.client.user + after.client.system - before.client.user - before.client.system;
      return `server ${fmtMs((after.server - before.server) / n)} ms + PostgreSQL ${fmtMs(backendsCpuSince(before.pg, after.pg) / n)} ms + the benchmark's client ${fmtMs(clientUs / 1000 / n)} ms`;
    };

    // 1. One transaction per request, 32 clients.
    for (let i = 0; i < 200; i++) await post("/api/v1/transactions", transaction(`M-${i % MEMBERS}`)); // warm-up
    const singleCpu = await cpu();
    const single = await runConcurrently(SINGLE, CLIENTS, (i) => post("/api/v1/transactions", transaction(`M-${(i * 13) % MEMBERS}`)));
    const singleCpuText = cpuText(singleCpu, await cpu(), SINGLE);

    // 2. The same route refusing a request without a key: the pipeline's own cost per request.
    const refused = expect(401);
    const floorCpu = await cpu();
    const floor = await runConcurrently(SINGLE / 2, CLIENTS, (i) => http.post("/api/v1/transactions", transaction(`M-${i % MEMBERS}`)).then(refused));
    const floorCpuText = cpuText(floorCpu, await cpu(), SINGLE / 2);

    // 3. Batches of 1,000, 4 requests at a time; the rows they add, table by table.
    const rowsBefore = await tableRows(db);
    const batchCpu = await cpu();
    const batch = await runConcurrently(BATCHES, 4, (b) =>
      post("/api/v1/transactions/batch", { transactions: Array.from({ length: 1_000 }, (_, k) => transaction(`M-${(b * 1_000 + k) % MEMBERS}`)) }),
    );
    const batchRate = batch.rate * 1_000;
    const batchCpuText = cpuText(batchCpu, await cpu(), BATCHES * 1_000);
    const added = [...(await tableRows(db))].map(([table, n]) => [table, (n - (rowsBefore.get(table) ?? 0)) / (BATCHES * 1_000)] as const).filter(([, n]) => n > 0);
    const rowsPerTransaction = added.reduce((sum, [, n]) => sum + n, 0);

    // The ceiling: the same transaction rows by bare multi-row INSERTs, 4 at a time.
    const [member] = await db.execute<{ id: string }>(sql`select id from members limit 1`);
    const ceiling = await runConcurrently(BATCHES, 4, (b) =>
      db.execute(sql`
        insert into transactions (external_id, member_id, type, amount, currency, occurred_at, merchant_name, mcc, country)
        select 'CEIL-' || ${b} || '-' || g, ${member!.id}::uuid, 'purchase', 10000 + g, 'INR', now(), 'Bench Mart', '5411', 'IN' from generate_series(1, 1000) g`),
    );
    const ceilingRate = ceiling.rate * 1_000;

    console.log(`Transactions benchmark (production build, loopback, 20 active offers + a base earn rule), ${new Date().toISOString()}`);
    console.log(`  POST /transactions, ${CLIENTS} clients: ${fmt(single.rate)} transactions/s, p50 ${fmt(percentile(single.latencies, 50))} ms, p99 ${fmt(percentile(single.latencies, 99))} ms  (goal ≥ 800/s, p99 < 100 ms)`);
    console.log(`    CPU per transaction: ${singleCpuText}`);
    console.log(`  the same route answering 401 (no API key: Next.js's request pipeline alone), ${CLIENTS} clients: ${fmt(floor.rate)} requests/s, p99 ${fmt(percentile(floor.latencies, 99))} ms`);
    console.log(`    CPU per request: ${floorCpuText}`);
    console.log(`  POST /transactions/batch (1,000 per request, 4 at a time): ${fmt(batchRate)} transactions/s  (goal ≥ 10,000/s)`);
    console.log(`    CPU per transaction: ${batchCpuText}`);
    console.log(`    rows written per transaction: ${fmt(rowsPerTransaction)} (${added.sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${fmt(n)}`).join(", ")})`);
    console.log(`  bare multi-row INSERT of the transaction rows: ${fmt(ceilingRate)} rows/s; ratio ${(batchRate / ceilingRate).toFixed(3)}; at that rate, ${fmt(rowsPerTransaction)} rows a transaction is ${fmt(ceilingRate / rowsPerTransaction)} transactions/s`);
  } finally {
    http.close();
    await web.stop();
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

/** Rows in every table of the public schema (the bench database is small: exact counts are cheap). */
async function tableRows(db: Db): Promise<Map<string, number>> {
  const rows = await db.execute<{ table_name: string; rows: string }>(sql`
    select table_name, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from public.%I', table_name), false, true, '')))[1]::text as rows
    from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  return new Map(rows.map((r) => [r.table_name, Number(r.rows)]));
}

void main();
