/**
 * `npm run bench` (part): the tier downgrade job over 1,000,000 member_programs rows (issue 7).
 * Set-based set-up on a fresh database: 60 % in the default tier, 20 % in Silver (downgrade: fewer than
 * 2 visits in 90 days; half of them short of visits), 20 % in Gold (downgrade: no transaction in 6
 * months; half of them inactive). Then one timed run of the job over all of them.
 * BENCH_TIER_MEMBERS sets the size (develop with 50,000).
 */
import { sql } from "drizzle-orm";
import { createDb } from "@/db";
import { systemActor } from "@/lib/actor";
import { trackerKey } from "@/lib/engine";
import { addTier, createProgram } from "@/lib/programs";
import { runTierDowngrades, setTierRules } from "@/lib/tiers";
import { startBenchDatabase } from "./lib/database";
import { fmt } from "./lib/stats";

const MEMBERS = Number(process.env.BENCH_TIER_MEMBERS ?? 1_000_000);
const GOAL_S = 60;
const actor = systemActor("bench");

async function main() {
  const database = await startBenchDatabase("coalition_bench_tiers");
  const { db, sql: client } = createDb(database.url, { max: 4 });
  try {
    const program = await createProgram(db, actor, { code: "TIERS", name: "Tiers", pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
    const silver = await addTier(db, actor, program.id, { name: "Silver" });
    const gold = await addTier(db, actor, program.id, { name: "Gold" });
    const none = { upgrade: null, earnMultiplier: null, upgradeBonusPoints: null };
    await setTierRules(db, actor, silver.id, { ...none, downgrade: { kind: "visits", minVisits: 2, days: 90 } });
    await setTierRules(db, actor, gold.id, { ...none, downgrade: { kind: "inactivity", months: 6 } });
    const [base] = await db.execute<{ id: string }>(sql`select id from tiers where program_id = ${program.id} and is_default`);
    const visitsKey = trackerKey({ metric: "visits", window: { kind: "rolling_days", days: 90 } });
    const now = new Date();
    const today = now.toISOString().slice(0, 10);

    const setupStarted = performance.now();
    await db.execute(sql`insert into members (external_id, first_name) select 'TB-' || g, 'Bench' from generate_series(1, ${MEMBERS}) g`);
    // Tier by the member's number: 0–5 default, 6–7 Silver, 8–9 Gold (mod 10); accounts are not needed here.
    await db.execute(sql`
      insert into member_programs (member_id, program_id, tier_id, account_id, enrolled_at)
      select id, ${program.id}::uuid,
        case when n % 10 >= 8 then ${gold.id}::uuid when n % 10 >= 6 then ${silver.id}::uuid else ${base!.id}::uuid end,
        n, ${now.toISOString()}::timestamptz - interval '2 years'
      from (select id, row_number() over (order by external_id) as n from members) m`);
    await db.execute(sql`
      insert into member_tier_changes (member_id, program_id, from_tier_id, to_tier_id, reason, actor_label, at)
      select member_id, program_id, null, tier_id, 'Bench', 'bench', ${now.toISOString()}::timestamptz - interval '1 year' from member_programs`);
    // Gold: every other member last bought 10 days ago, the others 300 days ago.
    await db.execute(sql`
      insert into transactions (external_id, member_id, type, amount, currency, occurred_at)
      select 'TBX-' || member_id, member_id, 'purchase', 10000, 'INR',
        ${now.toISOString()}::timestamptz - case when n % 2 = 0 then interval '10 days' else interval '300 days' end
      from (select member_id, row_number() over (order by member_id) as n from member_programs where tier_id = ${gold.id}::uuid) g`);
    // Silver: every other member made 3 visits today, the others 1.
    await db.execute(sql`
      insert into member_trackers (member_id, tracker_key, period_key, value)
      select member_id, ${visitsKey}, ${today}, case when n % 2 = 0 then 3 else 1 end
      from (select member_id, row_number() over (order by member_id) as n from member_programs where tier_id = ${silver.id}::uuid) s`);
    await client.unsafe("vacuum analyze members, member_programs, member_tier_changes, transactions, member_trackers");
    const setupS = (performance.now() - setupStarted) / 1000;

    const started = performance.now();
    const moved = await runTierDowngrades(db, { now });
    const seconds = (performance.now() - started) / 1000;
    const againStarted = performance.now();
    const again = await runTierDowngrades(db, { now });
    const againS = (performance.now() - againStarted) / 1000;

    console.log("Tiers benchmark");
    console.log(`  set-up of ${fmt(MEMBERS)} member_programs rows: ${fmt(setupS)} s`);
    console.log(`  downgrade evaluation over ${fmt(MEMBERS)} members: ${fmt(seconds)} s  (goal < ${GOAL_S} s) — ${fmt(moved)} moved one tier down; a second run moved ${fmt(again)} in ${fmt(againS)} s`);
    if (seconds >= GOAL_S) console.log("  ABOVE GOAL");
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
