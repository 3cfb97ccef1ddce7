/**
 * A worker that only delivers the outbox (no scheduled jobs): to add delivery capacity beside
 * `npm run worker`, and what the partner-crediting chaos test and benchmark start and kill.
 * COALITION_OUTBOX_CONCURRENCY sets the calls in flight (default 48).
 */
import { closeDb, getDb } from "@/db";
import { logger } from "@/lib/logger";
import { DEFAULT_CONCURRENCY, startDispatchLoop } from "@/lib/outbox/dispatch";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const stop = startDispatchLoop(getDb(), {
  idleMs: Number(process.env.COALITION_OUTBOX_IDLE_MS ?? 1000),
  concurrency: Number(process.env.COALITION_OUTBOX_CONCURRENCY ?? DEFAULT_CONCURRENCY),
});
logger.info("outbox worker started");
process.stdout.write("outbox worker ready\n");

const shutdown = async () => {
  await stop();
  await closeDb();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
