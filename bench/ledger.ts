/**
 * `npm run bench`: ledger figures on this machine, printed (not a timed test).
 *  1. Awards per second through the use case with 16 concurrent connections, against the ceiling
 *     of the same rows inserted by bare multi-row INSERTs on the same database.
 *  2. Group redemption latency (p50, p99) for a member with 5 programmes and 10,000 lots.
 * Runs on a fresh embedded PostgreSQL in a temporary directory, or on DATABASE_URL when set.
 */
import { sql } from "drizzle-orm";
import { createDb, type Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { awardPoints, awardPointsBatch } from "@/lib/ledger/award";
import { redeemPoints } from "@/lib/ledger/redeem";
import { enrolMember } from "@/lib/members";
import { createProgram, setDefaultProgram } from "@/lib/programs";
import { startBenchDatabase } from "./lib/database";
import { fmt, percentile, runConcurrently } from "./lib/stats";

const actor = systemActor("bench");
const AWARDS = Number(process.env.BENCH_AWARDS ?? 20_000);
const CONCURRENCY = 16;

/** Inserts the rows of `count` awards (entry, 2 postings, lot, audit) by bare multi-row INSERTs, 500 per statement, 16 at a time. */
async function bareAwards(db: Db, count: number, memberId: string, programId: string): Promise<void> {
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (done < count) {
        const n = Math.min(500, count - done);
        done += n;
        await db.execute(sql`
          with e as (insert into journal_entries (kind, member_id, actor_label) select 'award', ${memberId}::uuid, 'ceiling' from generate_series(1, ${n}) returning id),
               p as (insert into postings (entry_id, account_id, amount) select id, 1, 10 from e union all select id, 2, -10 from e returning 1),
               l as (insert into lots (member_id, program_id, entry_id, source, awarded_at, points, points_left) select ${memberId}::uuid, ${programId}::uuid, id, 'award', now(), 10, 10 from e returning 1)
          insert into audit_log (actor_type, actor_label, action, entity_type) select 'system', 'ceiling', 'points.award', 'member' from e`);
      }
    }),
  );
}

async function main() {
  const database = await startBenchDatabase("coalition_bench");
  const { db, sql: client } = createDb(database.url, { max: CONCURRENCY + 2 });
  try {
    const mkProgram = (code: string) =>
      createProgram(db, actor, { code, name: code, pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
    const programs: Awaited<ReturnType<typeof mkProgram>>[] = [];
    for (let i = 0; i < 5; i++) programs.push(await mkProgram(`B${i}`));
    await setDefaultProgram(db, actor, programs[0]!.id);
    const memberIds: string[] = [];
    for (let i = 0; i < 1000; i++) memberIds.push((await enrolMember(db, actor, { externalId: `BENCH-${i}`, programIds: programs.map((p) => p.id), attributes: {} })).id);

    // A ledger that already holds history, with fresh planner statistics, as in production: on empty,
    // never-analyzed tables the figures swing with when autovacuum first analyzes them.
    await bareAwards(db, 100_000, memberIds[0]!, programs[0]!.id);
    await db.execute(sql`analyze`);

    // 1. Awards through the use case, 16 at a time.
    const { rate: useCaseRate } = await runConcurrently(AWARDS, CONCURRENCY, (i) =>
      awardPoints(db, actor, { memberId: memberIds[i % memberIds.length]!, programId: programs[i % 5]!.id, points: 10 + (i % 90), reason: "bench" }),
    );

    // The same through the batch use case (transaction batches, imports): 500 awards per call, 16 at a time.
    let nextBatch = 0;
    const batchStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextBatch < AWARDS) {
          const from = nextBatch;
          nextBatch += 500;
          const inputs = Array.from({ length: Math.min(500, AWARDS - from) }, (_, k) => {
            const i = from + k;
            return { memberId: memberIds[i % memberIds.length]!, programId: programs[i % 5]!.id, points: 10 + (i % 90), reason: "bench" };
          });
          const outcomes = await awardPointsBatch(db, actor, inputs);
          if (outcomes.some((o) => !o.ok)) throw new Error("a bench award was refused");
        }
      }),
    );
    const batchRate = AWARDS / ((performance.now() - batchStarted) / 1000);

    // The ceiling: the same rows (entry, 2 postings, lot, audit) by bare multi-row INSERTs, 16 at a time.
    const ceilingStarted = performance.now();
    await bareAwards(db, AWARDS, memberIds[0]!, programs[0]!.id);
    const ceilingRate = AWARDS / ((performance.now() - ceilingStarted) / 1000);

    // For scale: the rate of one-row commits (one tiny INSERT per transaction), 16 at a time.
    // No per-award transaction can beat this on the same machine and disk.
    const commits = Math.min(AWARDS, 10_000);
    let c = 0;
    const commitStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (c < commits) {
          c++;
          await db.execute(sql`insert into journal_entries (kind, actor_label) values ('probe', 'ceiling')`);
        }
      }),
    );
    const commitRate = commits / ((performance.now() - commitStarted) / 1000);
    // Remove the ceiling's rows so the ledger stays consistent for the redemption figures.
    await db.execute(sql`delete from lots where entry_id in (select id from journal_entries where actor_label = 'ceiling')`);
    await db.execute(sql`delete from postings where entry_id in (select id from journal_entries where actor_label = 'ceiling')`);
    await db.execute(sql`delete from journal_entries where actor_label = 'ceiling'`);
    // As autovacuum would do on a live system: no dead rows from the clean-up in the way of the measurement.
    await client.unsafe("vacuum analyze lots, lot_movements, postings, journal_entries, member_programs, audit_log");

    // 2. Group redemption for a member with 5 programmes and 10,000 lots.
    const rich = (await enrolMember(db, actor, { externalId: "BENCH-RICH", programIds: programs.map((p) => p.id), attributes: {} })).id;
    const day = 86_400_000;
    for (let i = 0; i < 10_000; i++) {
      await awardPoints(db, actor, { memberId: rich, programId: programs[i % 5]!.id, points: 100, reason: "history", awardedAt: new Date(Date.now() - (i % 700) * day) });
    }
    const latencies: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await redeemPoints(db, actor, { memberId: rich, programId: programs[0]!.id, points: 150, group: true });
      latencies.push(performance.now() - t);
    }

    console.log("Ledger benchmark (2-core machine figures are the goal's frame of reference)");
    console.log(`  awards one by one through the use case, ${CONCURRENCY} concurrent callers: ${fmt(useCaseRate)} awards/s  (goal ≥ 2,000)`);
    console.log(`  awards in batches of 500 through the use case, ${CONCURRENCY} connections: ${fmt(batchRate)} awards/s`);
    console.log(`  bare multi-row INSERT ceiling, same rows:          ${fmt(ceilingRate)} awards/s`);
    console.log(`  one-row commits (1 INSERT per transaction):       ${fmt(commitRate)} commits/s`);
    console.log(`  ratio use case (batches) / ceiling:                ${(batchRate / ceilingRate).toFixed(3)}  (goal ≥ 0.3; one by one: ${(useCaseRate / ceilingRate).toFixed(3)})`);
    console.log(`  group redemption, 5 programmes, 10,000 lots:       p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms  (goal p99 < 20 ms)`);
  } finally {
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

void main();
