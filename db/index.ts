import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Use-case functions take this first, so they compose inside one transaction. */
export type DbOrTx = Db | Tx;

type Client = { sql: postgres.Sql; db: Db };
const globalForDb = globalThis as unknown as { coalitionDb?: Client };

/** Opens a Drizzle client over postgres.js; the same code path for embedded and external PostgreSQL. */
export function createDb(url: string, options: { max?: number } = {}): Client {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // numeric and bigint arrive as strings from postgres.js: money and rates never become JS floats.
    onnotice: () => {},
  });
  return { sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
}

/**
 * The postgres.js client behind a Drizzle handle (for a transaction, its connection), for the few hot
 * statements that are sent as named prepared statements: planned once per connection, not per call.
 */
export function clientOf(db: DbOrTx): postgres.Sql {
  return (db._.session as unknown as { client: postgres.Sql }).client;
}

/** The process-wide client, created on first use from DATABASE_URL. */
export function getDb(): Db {
  if (!globalForDb.coalitionDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it to a PostgreSQL URL.");
    globalForDb.coalitionDb = createDb(url);
  }
  return globalForDb.coalitionDb.db;
}

/** Closes the process-wide client (scripts and tests). */
export async function closeDb(): Promise<void> {
  const client = globalForDb.coalitionDb;
  globalForDb.coalitionDb = undefined;
  await client?.sql.end({ timeout: 5 });
}

export { schema };
