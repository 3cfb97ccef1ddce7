/**
 * `npm run db:migrate | db:seed | db:reset`: against the embedded database under .data/ (started
 * for the command, or shared with a running `npm start`) or DATABASE_URL when set.
 */
import { createInterface } from "node:readline/promises";
import postgres from "postgres";
import { createDb } from "@/db";
import { resolveDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemoData } from "@/lib/seed";
import { dataDir } from "./lib/prepare";

const command = process.argv[2];
const yes = process.argv.includes("--yes");

async function confirmReset(where: string): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    console.error("db:reset deletes every row. Run it in a terminal to confirm, or pass --yes: npm run db:reset -- --yes");
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`This deletes ALL data in ${where}. Type "reset" to continue: `);
  rl.close();
  return answer.trim() === "reset";
}

async function main() {
  if (!["migrate", "seed", "reset"].includes(command ?? "")) {
    console.error("Usage: npm run db:migrate | npm run db:seed | npm run db:reset [-- --yes]");
    process.exit(2);
  }
  const database = await resolveDatabase({ dataDir: dataDir() });
  const where = database.embedded ? "the embedded database" : "the database at DATABASE_URL";
  try {
    if (command === "reset") {
      if (!(await confirmReset(where))) process.exit(1);
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      // Everything the app owns lives in these schemas; dropping them empties the database.
      await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;");
      await sql.end();
      console.log(`Emptied ${where}.`);
    }
    if (command === "migrate" || command === "reset") {
      await runMigrations(database.url);
      console.log("Migrations applied.");
    }
    if (command === "seed" || command === "reset") {
      const client = createDb(database.url, { max: 2 });
      const { created } = await seedDemoData(client.db);
      await client.sql.end();
      console.log(created.length ? `Demo data loaded (${created.join(", ")}; password ${DEMO_PASSWORD}).` : "Demo data already present; nothing changed.");
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
