import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/db";
import { maintenanceUrl, startEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";

/** A fresh, migrated database for a benchmark: embedded PostgreSQL in a temporary directory, or a new database on DATABASE_URL. */
export async function startBenchDatabase(prefix: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  if (process.env.DATABASE_URL) {
    const admin = createDb(maintenanceUrl(process.env.DATABASE_URL), { max: 1 });
    await admin.sql.unsafe(`create database "${name}"`);
    await admin.sql.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    await runMigrations(u.toString());
    return {
      url: u.toString(),
      stop: async () => {
        const drop = createDb(maintenanceUrl(process.env.DATABASE_URL!), { max: 1 });
        await drop.sql.unsafe(`drop database if exists "${name}" with (force)`);
        await drop.sql.end();
      },
    };
  }
  // Under /tmp with mode 755 so that the `postgres` user (when we are root) can write it.
  const tmp = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  chmodSync(tmp, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), database: name });
  await runMigrations(database.url);
  return {
    url: database.url,
    stop: async () => {
      await database.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
