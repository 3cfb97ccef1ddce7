/**
 * CPU per transaction, in process (no HTTP): what Node and PostgreSQL spend on the use cases behind
 * POST /api/v1/transactions (the group commit, 32 concurrent callers) and POST /transactions/batch
 * (ingestBatch, 1,000 rows per call). CPU, unlike wall-clock time, is comparable on a shared machine.
 *   node --conditions=react-server --import tsx bench/transactions-cpu.ts
 * env: BENCH_TRANSACTIONS (singles, default 4,000), BENCH_BATCHES (default 8), DATABASE_URL (else embedded).
 */
import { createDb } from "@/db";
import { systemActor } from "@/lib/actor";
import { ingestBatch } from "@/lib/transactions/batch";
import { TransactionGroupCommit } from "@/lib/transactions/group-commit";
import { transactionFieldsFromJson } from "@/lib/transactions/json";
import { backendsCpu, backendsCpuSince } from "./lib/cpu";
import { startBenchDatabase } from "./lib/database";
import { benchTransaction, MEMBERS, setUpTransactionsBook } from "./lib/transactions-setup";

const CLIENTS = 32;
const SINGLE = Number(process.env.BENCH_TRANSACTIONS ?? 4_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 8);
const actor = { type: "api_key" as const, id: "00000000-0000-0000-0000-000000000000", label: "bench", scopes: [] };
const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

async function measure(label: string, count: number, db: Parameters<typeof backendsCpu>[0], run: () => Promise<void>) {
  const pgBefore = await backendsCpu(db);
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const node = process.cpuUsage(nodeBefore);
  const pg = backendsCpuSince(pgBefore, await backendsCpu(db));
  const nodeMs = (node.user + node.system) / 1000;
  console.log(`  ${label}: ${fmt(count / (wall / 1000), 0)}/s wall; CPU per transaction: Node ${fmt(nodeMs / count, 3)} ms + PostgreSQL ${fmt(pg / count, 3)} ms = ${fmt((nodeMs + pg) / count, 3)} ms`);
}

async function main() {
  const database = await startBenchDatabase("coalition_bench_txcpu");
  const { db, sql: client } = createDb(database.url, { max: 10 });
  try {
    await setUpTransactionsBook(db);
    void systemActor;
    const committer = new TransactionGroupCommit(db);
    const single = (i: number) => {
      const body = benchTransaction(`M-${(i * 13) % MEMBERS}`);
      return committer.submit(actor, { memberRef: body.member_id, input: transactionFieldsFromJson(body) }).then((o) => {
        if (!o.ok) throw o.error;
      });
    };
    for (let i = 0; i < 200; i++) await single(i); // warm-up
    console.log(`Transactions CPU benchmark (in process, 20 active offers + a base earn rule), ${new Date().toISOString()}`);
    let next = 0;
    await measure(`group commit, ${CLIENTS} callers, ${SINGLE} transactions`, SINGLE, db, () =>
      Promise.all(Array.from({ length: CLIENTS }, async () => { while (next < SINGLE) await single(next++); })).then(() => {}),
    );
    let batch = 0;
    await measure(`ingestBatch, ${BATCHES} × 1,000 rows, 2 at a time`, BATCHES * 1_000, db, () =>
      Promise.all(
        Array.from({ length: 2 }, async () => {
          while (batch < BATCHES) {
            const b = batch++;
            const results = await ingestBatch(db, actor, Array.from({ length: 1_000 }, (_, k) => benchTransaction(`M-${(b * 1_000 + k) % MEMBERS}`)));
            const failed = results.find((r) => "error" in r);
            if (failed) throw new Error(JSON.stringify(failed));
          }
        }),
      ).then(() => {}),
    );
  } finally {
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

void main();
