import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./index";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the checked-in drizzle-kit migrations on a one-connection client. */
export async function runMigrations(url: string): Promise<void> {
  const { sql, db } = createDb(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
