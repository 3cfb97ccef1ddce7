import { sql } from "drizzle-orm";
import { bigserial, boolean, index, inet, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A person who signs in to the console. Roles decide what they may do (lib/auth/permissions.ts). */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    /** bcrypt hash; null for users who only sign in through the bank's single sign-on. */
    passwordHash: text(),
    roles: text().array().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
    deactivatedAt: timestamp({ withTimezone: true }),
    /** Sessions that began before this moment are ended (set when the password is reset). */
    sessionsValidAfter: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/** Every password sign-in attempt, kept to rate-limit failures per account and per address. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    email: text().notNull(),
    ip: inet(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(sql`lower(${t.email})`, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SignInAttempt = typeof signInAttempts.$inferSelect;
