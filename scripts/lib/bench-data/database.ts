import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { ensureDatabase, maintenanceUrl, runningEmbeddedPort, startEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { generateBenchData, type BenchDataOptions, type BenchDataset } from "./generate";

/** Where `npm run bench:data` keeps its embedded PostgreSQL (gitignored), and the database's name. */
export const BENCH_DATA_ROOT = path.join(process.cwd(), ".bench-data");
export const BENCH_DATABASE = "coalition_bench";

export type BenchServer = { url: string; adminUrl: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The server the bench data set lives on: the database `coalition_bench` on DATABASE_URL's server
 * when set, otherwise an embedded PostgreSQL with its data under `.bench-data/pg` (kept between runs;
 * shared when another process already runs it).
 */
export async function openBenchServer(log?: (line: string) => void): Promise<BenchServer> {
  if (process.env.DATABASE_URL) {
    const adminUrl = maintenanceUrl(process.env.DATABASE_URL);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${BENCH_DATABASE}`;
    return { url: u.toString(), adminUrl, embedded: false, stop: async () => {} };
  }
  // Mode 755: when we are root the server runs as the `postgres` user, which must reach the data directory.
  mkdirSync(BENCH_DATA_ROOT, { recursive: true, mode: 0o755 });
  const dataDir = path.join(BENCH_DATA_ROOT, "pg");
  const port = runningEmbeddedPort(dataDir);
  if (port) {
    const adminUrl = `postgres://coalition:coalition@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, BENCH_DATABASE);
    return { url: `postgres://coalition:coalition@127.0.0.1:${port}/${BENCH_DATABASE}`, adminUrl, embedded: true, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir, database: BENCH_DATABASE, log });
  return { url: server.url, adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}

/** The data set recorded in the database by the generator, or null when there is none (or it was not finished). */
export async function readDataset(url: string): Promise<BenchDataset | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [found] = await sql<{ t: string | null }[]>`select to_regclass('bench.dataset')::text as t`;
    if (!found?.t) return null;
    const [row] = await sql<{ info: BenchDataset }[]>`select info from bench.dataset`;
    return row?.info ?? null;
  } catch (error) {
    // No such database yet.
    if ((error as { code?: string }).code === "3D000") return null;
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Builds the data set afresh: drops and recreates the database, migrates it, generates, and (for the
 * embedded server) writes `.bench-data/dataset.json` beside the data.
 */
export async function buildBenchDataset(server: BenchServer, options: BenchDataOptions): Promise<BenchDataset> {
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${BENCH_DATABASE}" with (force)`);
    await admin.unsafe(`create database "${BENCH_DATABASE}"`);
    if (server.embedded) {
      // A bulk load of gigabytes: fewer checkpoints (this server only holds bench data).
      await admin.unsafe(`alter system set max_wal_size = '8GB'`);
      await admin.unsafe(`alter system set checkpoint_timeout = '30min'`);
      await admin.unsafe(`select pg_reload_conf()`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  await runMigrations(server.url);
  const dataset = await generateBenchData(server.url, options);
  if (server.embedded) writeFileSync(path.join(BENCH_DATA_ROOT, "dataset.json"), JSON.stringify(dataset, null, 2) + "\n");
  return dataset;
}
