/**
 * `npm run bench` (part): transactions through the public API against the production build.
 *  1. POST /api/v1/transactions, 32 concurrent clients on loopback, 20 active offers: transactions/s, p50, p99.
 *  2. POST /api/v1/transactions/batch (1,000 per request): transactions/s, against a bare multi-row
 *     INSERT of the same transaction rows (the ceiling) and the ratio.
 * Builds the app first when the build is stale; a fresh embedded PostgreSQL (or DATABASE_URL).
 */
import { sql } from "drizzle-orm";
import { createDb } from "@/db";
import { systemActor } from "@/lib/actor";
import { createApiKey } from "@/lib/api-keys";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { enrolMember } from "@/lib/members";
import { approveOffer, createOfferDraft, saveOfferDraft, submitOffer } from "@/lib/offers";
import { createProgram } from "@/lib/programs";
import { setBaseEarnRule } from "@/lib/programs/earn-rule";
import { createUser } from "@/lib/users";
import { ensureProductionBuild, startProductionServer } from "./lib/app";
import { startBenchDatabase } from "./lib/database";
import { fmt, percentile } from "./lib/stats";

const CLIENTS = 32;
const SINGLE = Number(process.env.BENCH_TRANSACTIONS ?? 8_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const MEMBERS = 2_000;
const actor = systemActor("bench");

const MCCS = ["5411", "5812", "5814", "5999", "4511", "7011", "5732", "5651"];
function offerDefinition(programId: string, i: number): Record<string, unknown> {
  const rules = [
    { kind: "percentage", rate: String(1 + (i % 4)), capPerTransaction: 2_000 },
    { kind: "flat", value: 50 + i },
    { kind: "slab", mode: i % 2 ? "whole" : "banded", bands: [{ from: 0, to: 100_000, rate: "1" }, { from: 100_000, to: 500_000, rate: "2" }, { from: 500_000, rate: "3" }] },
  ];
  return {
    programId,
    name: `Bench offer ${i + 1}`,
    validFrom: "2026-01-01T00:00:00+05:30",
    funding: { kind: "bank" },
    trigger: { kind: "transaction" },
    target: i === 19 ? { kind: "milestone", tracker: { metric: "transaction_amount", window: { kind: "calendar_year" } }, threshold: 10_000_000 } : { kind: "each" },
    // As in a real book: most offers target a merchant category, a few international spend or big bills,
    // so a purchase typically earns the base rule and two to four offers.
    filters: i < 16 ? { mccs: [MCCS[i % MCCS.length]!] } : i < 18 ? { international: true } : i === 18 ? { minAmount: 500_000 } : {},
    outcome: { type: "reward_points" },
    rule: rules[i % 3],
    caps: i % 5 === 0 ? { perMember: { limit: 5_000, period: "month" } } : undefined,
    posting: { method: "automatic" },
    narration: "{points} points at {merchant}",
  };
}

let seq = 0;
const transaction = (memberExternalId: string) => ({
  external_id: `BENCH-${Date.now().toString(36)}-${++seq}`,
  member_id: `ext:${memberExternalId}`,
  type: "purchase",
  amount: 10_000 + ((seq * 7919) % 900_000),
  currency: "INR",
  occurred_at: new Date(Date.now() - 60_000).toISOString(),
  merchant_name: "Bench Mart",
  mcc: MCCS[seq % MCCS.length],
  country: seq % 10 === 0 ? "AE" : "IN",
});

async function main() {
  await ensureProductionBuild();
  const database = await startBenchDatabase("coalition_bench_tx");
  const { db, sql: client } = createDb(database.url, { max: 4 });
  const web = await startProductionServer(database.url);
  try {
    const program = await createProgram(db, actor, { code: "BENCH", name: "Bench", pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
    await setBaseEarnRule(db, actor, program.id, { rule: { kind: "percentage", rate: "1" }, narration: "{points} base points" });
    const maker = await createUser(db, actor, { email: "maker@bench.local", name: "Maker", password: "bench-password-1", roles: ["program_manager"] });
    const checker = await createUser(db, actor, { email: "checker@bench.local", name: "Checker", password: "bench-password-1", roles: ["admin"] });
    const asUser = (u: typeof maker) => ({ type: "user" as const, id: u.id, label: u.email, roles: u.roles });
    for (let i = 0; i < 20; i++) {
      const definition = offerDefinition(program.id, i);
      const offer = await createOfferDraft(db, asUser(maker), { programId: program.id, name: String(definition.name), draft: definition });
      await saveOfferDraft(db, asUser(maker), offer.id, definition, 5);
      await submitOffer(db, asUser(maker), offer.id);
      await approveOffer(db, asUser(checker), offer.id);
    }
    for (let i = 0; i < MEMBERS; i++) await enrolMember(db, actor, { externalId: `M-${i}`, programIds: [program.id], attributes: {} });
    const { token } = await createApiKey(db, actor, { name: "bench", scopes: [...API_SCOPES] });
    // Statistics for what the setup filled; the ledger tables start empty and autovacuum analyzes them as they grow
    // (an ANALYZE of an empty table would make the foreign-key checks scan it for a while).
    await db.execute(sql`analyze members, member_programs, programs, offers, offer_versions, api_keys, users`);
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

    // 2. Batches of 1,000, 4 requests at a time.
    let batch = 0;
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

    console.log("Transactions benchmark (production build, loopback, 20 active offers + a base earn rule)");
    console.log(`  POST /transactions, ${CLIENTS} clients: ${fmt(singleRate)} transactions/s, p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms  (goal ≥ 800/s, p99 < 100 ms)`);
    console.log(`  POST /transactions/batch (1,000 per request, 4 at a time): ${fmt(batchRate)} transactions/s  (goal ≥ 10,000/s)`);
    console.log(`  bare multi-row INSERT of the transaction rows: ${fmt(ceilingRate)} rows/s; ratio ${(batchRate / ceilingRate).toFixed(3)}`);
  } finally {
    await web.stop();
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

void main();
