/**
 * `npm run bench` (part): import 100,000 promotional points rows (issue 7). Generates the CSV
 * (members by external id, a third with a named expiry strategy, a fifth back-dated, half with an
 * external reference), uploads it (parse, check, store the rows) and runs the import job in-process
 * (chunks of 500 rows, each awarded in one transaction). Then checks every row landed once and the
 * ledger is whole, and imports the same rows again under a new file name to time the repeat check.
 */
import { sql } from "drizzle-orm";
import { createDb } from "@/db";
import { systemActor } from "@/lib/actor";
import { createImport, runImport } from "@/lib/imports";
import { checkLedgerIntegrity } from "@/lib/ledger/health";
import { enrolMember } from "@/lib/members";
import { addExpiryStrategy, createProgram } from "@/lib/programs";
import { createUser } from "@/lib/users";
import { startBenchDatabase } from "./lib/database";

const ROWS = 100_000;
const MEMBERS = 5_000;
const actor = systemActor("bench");
const seconds = (from: number) => (performance.now() - from) / 1000;

async function main() {
  const database = await startBenchDatabase("coalition_bench_promotions");
  const { db, sql: client } = createDb(database.url, { max: 6 });
  try {
    const program = await createProgram(db, actor, { code: "PROMO", name: "Bench", pointsToCurrency: "0.25", currency: "INR", timeZone: "Asia/Kolkata", minRedemptionPoints: 1, maxRedemptionPoints: null, redemptionMultipleOf: 1 });
    await addExpiryStrategy(db, actor, program.id, { name: "12 months", kind: "months", amount: 12, isDefault: false });
    const user = await createUser(db, actor, { email: "promotions@bench.local", name: "Bench", password: "bench-password-1", roles: ["program_manager"] });
    for (let i = 0; i < MEMBERS; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => enrolMember(db, actor, { externalId: `PB-${i + k}`, programIds: [program.id], attributes: {} })));
    }
    const lines = ["member,program,points,reason,expiry_strategy,awarded_at,external_reference"];
    for (let i = 0; i < ROWS; i++) {
      const strategy = i % 3 === 0 ? "12 months" : "";
      const awardedAt = i % 5 === 0 ? `2026-0${1 + (i % 3)}-1${i % 10}` : "";
      const reference = i % 2 === 0 ? `BENCH-${i}` : "";
      lines.push(`ext:PB-${i % MEMBERS},PROMO,${1 + (i % 500)},Bench campaign ${i % 7},${strategy},${awardedAt},${reference}`);
    }
    const content = lines.join("\n") + "\n";
    const expected = Array.from({ length: ROWS }, (_, i) => 1 + (i % 500)).reduce((a, b) => a + b, 0);

    let t = performance.now();
    const created = await createImport(db, actor, { kind: "promotional_points", fileName: "bench.csv", content, createdBy: user.id });
    const upload = seconds(t);
    t = performance.now();
    const run = await runImport(db, created.id);
    const job = seconds(t);
    const [totals] = await db.execute<{ points: string; awards: string }>(sql`select coalesce(sum(points), 0)::text as points, count(*)::text as awards from promotional_awards`);
    const report = await checkLedgerIntegrity(db);
    const whole = totals!.points === String(expected) && totals!.awards === String(ROWS) && run.processed === ROWS && report.ok;

    // The same rows under another file name (another hash): half are recognised by their external reference.
    t = performance.now();
    const again = await createImport(db, actor, { kind: "promotional_points", fileName: "bench-again.csv", content: content.replace(/\n$/, "\n\n"), createdBy: user.id });
    await runImport(db, again.id);
    const repeat = seconds(t);
    const [after] = await db.execute<{ awards: string }>(sql`select count(*)::text as awards from promotional_awards where external_reference is not null`);

    console.log(
      [
        `\nPromotional points import (${ROWS.toLocaleString("en-US")} rows, ${MEMBERS.toLocaleString("en-US")} members, chunks of 500 rows)`,
        `  upload (parse, check, store rows): ${upload.toFixed(1)} s`,
        `  import job: ${job.toFixed(1)} s  (${Math.round(ROWS / job).toLocaleString("en-US")} rows/s)`,
        `  total: ${(upload + job).toFixed(1)} s${whole ? "; every row awarded once, ledger whole" : " — MISMATCH: rows missing or doubled, or the ledger is not whole"}`,
        `  same rows in a new file: ${repeat.toFixed(1)} s (${after!.awards === String(ROWS / 2) ? "referenced rows recognised, none awarded twice" : "MISMATCH: a referenced row was awarded twice"})`,
      ].join("\n"),
    );
    if (!whole || after!.awards !== String(ROWS / 2)) process.exitCode = 1;
  } finally {
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

await main();
