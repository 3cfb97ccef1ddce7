/** The job worker: serves the pg-boss queues on the application's database. Run by `npm start`. */
import { closeDb, getDb } from "@/db";
import { createBoss, startOutboxLoop, startWorker } from "@/lib/jobs";
import { logger } from "@/lib/logger";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set; start the worker through `npm start`.");
  process.exit(1);
}

const boss = createBoss(url);
await startWorker(boss, getDb());
const stopOutbox = startOutboxLoop(getDb());
// The reports' rollups are refreshed every minute; one run now means a fresh start shows figures at once.
await boss.send("reports.refresh", {});
logger.info("worker started");

const shutdown = async () => {
  await stopOutbox();
  await boss.stop({ graceful: true, timeout: 10_000 });
  await closeDb();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
