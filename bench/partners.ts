/**
 * `npm run bench`: partner credits delivered per second by outbox workers against the demo partner
 * ledger on loopback — one worker process, then two together — and a check that no credit was
 * delivered twice (one call and one ledger credit per fulfilment). Goal: at least 500/s with one worker.
 * Runs on a fresh embedded PostgreSQL in a temporary directory, or on DATABASE_URL when set.
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { startDemoPartnerLedger, type DemoPartnerLedger } from "@/lib/demo/partner-ledger";
import { enrolMember } from "@/lib/members";
import { createPartner } from "@/lib/partners";
import { createProgram } from "@/lib/programs";
import { killOutboxWorker, startOutboxWorker } from "../scripts/lib/outbox-workers";
import { startBenchDatabase } from "./lib/database";

const actor = systemActor("bench");
const CREDITS = Number(process.env.BENCH_PARTNER_CREDITS ?? 10_000);
const SECRET = "bench-partner-secret";
process.env.COALITION_ENCRYPTION_KEY ??= "coalition-bench-only-key";

async function queueCredits(db: Db, memberId: string, partnerId: string, count: number): Promise<void> {
  await db.execute(sql`
    with f as (
      insert into fulfilments (member_id, outcome_type, value, partner_id, state, posting_method, narration)
      select ${memberId}::uuid, 'partner_points', 100 + g % 900, ${partnerId}::uuid, 'pending', 'automatic', 'Bench miles'
      from generate_series(1, ${count}) g returning id)
    insert into outbox (kind, fulfilment_id, payload) select 'partner_points.credit', id, json_build_object('fulfilmentId', id) from f`);
  await db.execute(sql`analyze`);
}

/** Starts `workers` worker processes and answers credits per second until every queued credit is posted. */
async function run(db: Db, url: string, ledger: DemoPartnerLedger, partnerId: string, workers: number): Promise<{ rate: number; calls: number; credits: number }> {
  const callsBefore = ledger.calls.length;
  const creditsBefore = ledger.credits.size;
  const env = { DATABASE_URL: url, COALITION_OUTBOX_IDLE_MS: "50" };
  const started = await Promise.all(Array.from({ length: workers }, () => startOutboxWorker(env)));
  const t0 = performance.now();
  for (;;) {
    const [row] = await db.execute<{ pending: string }>(sql`select count(*)::text as pending from fulfilments where partner_id = ${partnerId} and state = 'pending'`);
    if (row!.pending === "0") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(started.map((w) => killOutboxWorker(w, "SIGTERM")));
  return { rate: CREDITS / seconds, calls: ledger.calls.length - callsBefore, credits: ledger.credits.size - creditsBefore };
}

async function main() {
  const database = await startBenchDatabase("coalition_bench_partners");
  const { db, sql: client } = createDb(database.url, { max: 4 });
  const ledger = await startDemoPartnerLedger({ secret: SECRET });
  try {
    const program = await createProgram(db, actor, { code: "BP", name: "Bench", pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
    const member = await enrolMember(db, actor, { externalId: "BENCH-FLYER", programIds: [program.id], attributes: {} });
    const figures: string[] = [];
    for (const workers of [1, 2]) {
      const partner = await createPartner(db, actor, {
        code: `BW${workers}`, name: `Bench Air ${workers}`, type: "airline", status: "active", currencyCode: `BW${workers}`, currencyName: "Bench Miles",
        conversionRate: "1", apiBaseUrl: `${ledger.url}/BW${workers}`, apiSecret: SECRET, apiTimeoutMs: 5000, hostProgramId: program.id, fundingMode: "prepaid",
        debitRate: "1", billingCycle: null, pricePerPoint: null, billingCurrency: null, autoBlockThreshold: null, autoBlockPoints: null, autoBlockPrice: null, autoApprove: false,
      });
      await queueCredits(db, member.id, partner.id, CREDITS);
      const r = await run(db, database.url, ledger, partner.id, workers);
      const [dup] = await db.execute<{ n: string }>(sql`select count(*)::text as n from fulfilments where partner_id = ${partner.id} and state <> 'posted'`);
      const twice = r.calls !== CREDITS || r.credits !== CREDITS || dup!.n !== "0";
      figures.push(
        `partner credits, ${workers} worker${workers > 1 ? "s" : " "}: ${Math.round(r.rate).toLocaleString("en-US")}/s  (${CREDITS.toLocaleString("en-US")} credits, ${r.calls.toLocaleString("en-US")} partner calls, ${r.credits.toLocaleString("en-US")} ledger credits${twice ? " — MISMATCH: a credit was delivered twice or not at all" : ", none twice"})`,
      );
      if (twice) process.exitCode = 1;
    }
    console.log(`\nPartner crediting (demo partner ledger on loopback, 48 calls in flight per worker)\n  ${figures.join("\n  ")}\n  goal: at least 500/s with one worker`);
  } finally {
    await ledger.close();
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
