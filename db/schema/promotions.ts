import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { imports } from "./imports";
import { journalEntries, lots } from "./ledger";
import { members } from "./members";
import { programs } from "./programs";

/**
 * A promotional award: points given to a member outside any transaction, from the console or an
 * import. The ledger entry and lot hold the points; this row remembers where the award came from so
 * that it is never applied twice — once per external reference in a programme, and once per line of
 * an imported file (the same file uploaded again, e.g. after a failed import, changes nothing).
 */
export const promotionalAwards = pgTable(
  "promotional_awards",
  {
    id: uuid().primaryKey().defaultRandom(),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    lotId: bigint({ mode: "number" })
      .notNull()
      .references(() => lots.id),
    points: bigint({ mode: "number" }).notNull(),
    reason: text().notNull(),
    externalReference: text(),
    /** The import and line it came from (null for an award made in the console). */
    importId: uuid().references(() => imports.id),
    fileSha256: text(),
    line: integer(),
    actorLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("promotional_awards_reference_key").on(t.programId, t.externalReference).where(sql`${t.externalReference} is not null`),
    uniqueIndex("promotional_awards_file_line_key").on(t.fileSha256, t.line).where(sql`${t.fileSha256} is not null`),
    index("promotional_awards_recent_idx").on(t.createdAt.desc(), t.id),
  ],
);

export type PromotionalAward = typeof promotionalAwards.$inferSelect;
