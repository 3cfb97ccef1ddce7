import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";
import { users } from "./users";

/**
 * A key for the public API. The secret is shown once; only its SHA-256 hash is kept.
 * `prefix` is the public, unique part of the key used to find the row.
 */
export const apiKeys = pgTable("api_keys", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  prefix: text().notNull().unique(),
  secretHash: text().notNull(),
  scopes: text().array().notNull(),
  /** A partner's key may act only for that partner (its earn transactions). */
  partnerId: uuid().references(() => partners.id),
  createdByUserId: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
  revokedByUserId: uuid().references(() => users.id),
});

/**
 * The first answer to a POST sent with an `Idempotency-Key`. Written in the same transaction as
 * the change it answers, so a repeat either finds the committed answer or waits for it.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    apiKeyId: uuid()
      .notNull()
      .references(() => apiKeys.id),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index("idempotency_keys_created_at_idx").on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
