import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { fulfilments } from "./transactions";

/** A pool of voucher codes (uploaded or generated) that voucher offers give out, one code per voucher. */
export const voucherPools = pgTable("voucher_pools", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  description: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One code; `fulfilmentId` is set when it is given out, so a code goes to one member only. */
export const voucherCodes = pgTable(
  "voucher_codes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    poolId: uuid()
      .notNull()
      .references(() => voucherPools.id),
    code: text().notNull(),
    fulfilmentId: uuid().references(() => fulfilments.id),
    issuedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("voucher_codes_pool_code").on(t.poolId, t.code), index("voucher_codes_free_idx").on(t.poolId, t.id).where(sql`${t.fulfilmentId} is null`)],
);

/** Settings of the installation an admin changes in the console (e.g. the core-banking credit hook). */
export const appSettings = pgTable("app_settings", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
