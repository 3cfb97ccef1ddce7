import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/db";
import { resolveDatabase, type RunningDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { seedDemoData } from "@/lib/seed";

export const root = process.cwd();
export const dataDir = () => process.env.COALITION_DATA_DIR ?? path.join(root, ".data", "pg");

/** Starts (or finds) the database, applies migrations and, unless told not to, loads the demo data. */
export async function prepareDatabase(options: { seed?: boolean; log?: (line: string) => void } = {}): Promise<RunningDatabase> {
  const database = await resolveDatabase({ dataDir: dataDir(), log: options.log });
  try {
    await runMigrations(database.url);
    if (options.seed !== false) {
      const client = createDb(database.url, { max: 2 });
      try {
        await seedDemoData(client.db);
      } finally {
        await client.sql.end({ timeout: 5 });
      }
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

/** AUTH_SECRET from the environment, or one generated once and kept beside the data. */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(dataDir()), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
