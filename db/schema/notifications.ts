import { bigint, bigserial, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { members } from "./members";
import { programs } from "./programs";

/**
 * Something a member should be told, recorded for the notification senders to pick up later.
 * `points_expiring`: the member has `points` in the programme expiring within the reminder window,
 * the earliest of them at `expiresAt` (spendable until the end of `expiresOn`, the programme's
 * local date). One row per member, programme, kind and period (for `points_expiring`, the period is
 * `expiresOn`): the job that emits them can run any number of times and emits each reminder once.
 */
export const memberNotifications = pgTable(
  "member_notifications",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    programId: uuid()
      .notNull()
      .references(() => programs.id),
    /** points_expiring */
    kind: text().notNull(),
    periodKey: text().notNull(),
    points: bigint({ mode: "number" }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    expiresOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("member_notifications_once").on(t.memberId, t.programId, t.kind, t.periodKey),
    index("member_notifications_created_idx").on(t.createdAt, t.id),
  ],
);

export type MemberNotification = typeof memberNotifications.$inferSelect;
