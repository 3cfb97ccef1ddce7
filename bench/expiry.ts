/**
 * `npm run bench` (this part: `node --conditions=react-server --import tsx bench/expiry.ts`): expiring
 * 1,000,000 lots. Builds 200,000 members × 5 expired lots in 2 programmes (3 in one, 2 in the other),
 * each lot with its award entry and postings, by set-based SQL; then times the expiry job expiring
 * them all, and checks the ledger after. BENCH_EXPIRY_MEMBERS sets the member count (5 lots each).
 * Runs on a fresh embedded PostgreSQL in a temporary directory, or on DATABASE_URL when set.
 */
import { sql } from "drizzle-orm";
import { createDb } from "@/db";
import { systemActor } from "@/lib/actor";
import { expirePoints } from "@/lib/expiry/expire";
import { checkLedgerIntegrity } from "@/lib/ledger/health";
import { systemAccountId } from "@/lib/ledger/posting";
import { createProgram } from "@/lib/programs";
import { startBenchDatabase } from "./lib/database";

const MEMBERS = Number(process.env.BENCH_EXPIRY_MEMBERS ?? 200_000);
const GOAL_SECONDS = 60;
const actor = systemActor("bench");
const fmt = (n: number) => n.toLocaleString("en-US");
const seconds = (from: number) => (performance.now() - from) / 1000;

async function main() {
  const database = await startBenchDatabase("coalition_bench_expiry");
  const { db, sql: client } = createDb(database.url, { max: 4 });
  try {
    const build = performance.now();
    const mkProgram = (code: string) =>
      createProgram(db, actor, { code, name: code, pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
    const programs = [await mkProgram("EXA"), await mkProgram("EXB")];

    // Members, their accounts and balance rows, in the programmes' default tiers.
    await db.execute(sql`insert into members (external_id) select 'EXP-' || g from generate_series(1, ${MEMBERS}) g`);
    await db.execute(sql`
      insert into ledger_accounts (program_id, member_id, kind)
      select p.id, m.id, 'member' from members m cross join programs p`);
    await db.execute(sql`
      insert into member_programs (member_id, program_id, tier_id, account_id)
      select a.member_id, a.program_id, t.id, a.id from ledger_accounts a join tiers t on t.program_id = a.program_id and t.is_default
      where a.kind = 'member'`);

    // Five lots per member (1–3 in the first programme, 4–5 in the second), each awarded by a balanced
    // entry (issued → member), all past their expiry; one statement per lot number.
    for (let k = 1; k <= 5; k++) {
      const program = programs[k <= 3 ? 0 : 1]!;
      const issued = await systemAccountId(db, program.id, "issued");
      await db.execute(sql`
        with src as materialized (
          select mp.member_id, mp.program_id, mp.account_id, nextval('journal_entries_id_seq') as entry_id,
                 (10 + (abs(hashtext(mp.member_id::text || ${k}::text)) % 490))::bigint as points,
                 timestamptz '2025-01-01 06:00+00' + make_interval(days => ${k * 7}) as awarded_at
          from member_programs mp where mp.program_id = ${program.id}::uuid),
        e as (insert into journal_entries (id, kind, member_id, memo, actor_label, at) select entry_id, 'award', member_id, 'bench', 'bench', awarded_at from src),
        p as (insert into postings (entry_id, account_id, amount) select entry_id, account_id, points from src union all select entry_id, ${issued}, -points from src),
        l as (insert into lots (member_id, program_id, entry_id, source, awarded_at, expires_at, points, points_left)
              select member_id, program_id, entry_id, 'award', awarded_at, awarded_at + interval '180 days', points, points from src)
        update member_programs mp set current = mp.current + s.points, lifetime = mp.lifetime + s.points
        from src s where mp.member_id = s.member_id and mp.program_id = s.program_id`);
    }
    // As autovacuum would leave a live system: visibility map set, planner statistics fresh.
    await client.unsafe("vacuum analyze members, ledger_accounts, member_programs, journal_entries, postings, lots, lot_movements, audit_log");
    const [built] = await db.execute<{ lots: string; points: string }>(sql`select count(*)::text as lots, sum(points_left)::text as points from lots`);
    const { lots, points } = built!;
    console.log(`Built ${fmt(MEMBERS)} members × 5 lots = ${fmt(Number(lots))} expired lots (${fmt(Number(points))} points) in ${seconds(build).toFixed(1)} s`);

    // The job, as the scheduler runs it.
    const started = performance.now();
    const run = await expirePoints(db, { now: new Date() });
    const elapsed = seconds(started);

    const idleStarted = performance.now();
    const idle = await expirePoints(db, { now: new Date() });
    const idleElapsed = seconds(idleStarted);

    console.log("Expiry benchmark (2-core machine figures are the goal's frame of reference)");
    console.log(`  expire ${fmt(run.lots)} lots of ${fmt(run.memberPrograms)} member-programmes (${fmt(run.points)} points) in ${run.batches} batches: ${elapsed.toFixed(1)} s  (goal < ${GOAL_SECONDS} s) ${elapsed < GOAL_SECONDS ? "✓" : "✗"}`);
    console.log(`  ${fmt(Math.round(run.lots / elapsed))} lots/s; ${run.deferred} member-programmes deferred; a second run with nothing due: ${(idleElapsed * 1000).toFixed(0)} ms`);
    const checkStarted = performance.now();
    // Fresh statistics for the check's plans (lot_movements was empty when last analyzed), as autovacuum would give.
    await client.unsafe("analyze lots, lot_movements, postings, journal_entries, member_programs");
    const health = await checkLedgerIntegrity(db);
    const [left] = await db.execute<{ due: string; expired: string; current: string }>(sql`
      select (select count(*) from lots where points_left > 0)::text as due,
             (select sum(expired) from member_programs)::text as expired, (select sum(current) from member_programs)::text as current`);
    const ok = health.ok && left!.due === "0" && left!.expired === points && left!.current === "0" && run.lots === Number(lots) && idle.lots === 0;

    console.log(`  ledger after: ${ok ? "consistent" : "INCONSISTENT"} (entries balanced, balances = postings = lots, nothing left due; checked in ${seconds(checkStarted).toFixed(1)} s)`);
    if (!ok) {
      console.log(JSON.stringify({ health, left, run, idle }));
      process.exitCode = 1;
    }
  } finally {
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

void main();
