import "server-only";
import { eq, sql } from "drizzle-orm";
import { fulfilmentEvents, fulfilments, members, outbox, type Fulfilment } from "@/db/schema";
import type { Db, DbOrTx } from "@/db";
import { systemActor } from "@/lib/actor";
import { giveBackUsage } from "@/lib/transactions/fulfil";
import { callCoreBanking, type Delivery } from "./core-banking";

type OutboxRow = typeof outbox.$inferSelect;
type Handler = (db: Db, row: OutboxRow, f: Fulfilment, amount: number) => Promise<Delivery>;

/** A claimed row is not offered to another worker for this long: longer than any call's timeout. */
export const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 6;
const actor = systemActor("worker");

const HANDLERS: Record<string, Handler> = {
  async "cashback.credit"(db, row, f, amount) {
    const [member] = await db.select({ externalId: members.externalId }).from(members).where(eq(members.id, f.memberId));
    return callCoreBanking(db, "credits", `fulfilment-${f.id}`, { account: member?.externalId, amount, currency: f.currency, narration: f.narration, fulfilment_id: f.id });
  },
  async "cashback.reverse"(db, row, f, amount) {
    return callCoreBanking(db, `credits/${encodeURIComponent(f.externalReference ?? "")}/reverse`, `outbox-${row.id}`, { amount, fulfilment_id: f.id });
  },
};

/** The kinds this release delivers (partner points come with partners). */
export const DELIVERABLE_KINDS = Object.keys(HANDLERS);

/**
 * Delivers what is due in the outbox: claims up to `limit` rows (SKIP LOCKED, with a lease, so two
 * workers never take the same row, and a crashed worker's rows come back after the lease), calls the
 * other side with the row's idempotency key, and records the outcome on the fulfilment: posted with
 * the reference; failed when refused (and what it used of budget and cap is given back); retried with
 * exponential backoff on 5xx or timeouts, until MAX_ATTEMPTS.
 */
export async function dispatchOutbox(db: Db, options: { limit?: number; now?: Date } = {}): Promise<{ delivered: number; failed: number; retried: number }> {
  const now = options.now ?? new Date();
  const claimed = await db.execute<{ id: string }>(sql`
    update outbox set attempts = attempts + 1, available_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
    where id in (
      select id from outbox where done_at is null and available_at <= ${now.toISOString()}::timestamptz and kind = any(${`{${DELIVERABLE_KINDS.join(",")}}`}::text[])
      order by available_at, id limit ${options.limit ?? 20} for update skip locked)
    returning id::text`);
  const tally = { delivered: 0, failed: 0, retried: 0 };
  for (const { id } of claimed) {
    const [row] = await db.select().from(outbox).where(eq(outbox.id, Number(id)));
    const [f] = await db.select().from(fulfilments).where(eq(fulfilments.id, row!.fulfilmentId!));
    const credit = row!.kind.endsWith(".credit");
    if (credit && (f!.state !== "pending" || f!.value - f!.reversedValue <= 0)) {
      await db.update(outbox).set({ doneAt: now, lastError: "Nothing left to deliver" }).where(eq(outbox.id, row!.id));
      continue;
    }
    const amount = credit ? f!.value - f!.reversedValue : Number(row!.payload.value);
    const result = await HANDLERS[row!.kind]!(db, row!, f!, amount);
    const outcome = await record(db, row!, result, credit ? amount : null, now);
    tally[outcome]++;
  }
  return tally;
}

async function record(db: Db, row: OutboxRow, result: Delivery, credited: number | null, now: Date): Promise<"delivered" | "failed" | "retried"> {
  return db.transaction(async (tx) => {
    const [f] = await tx.select().from(fulfilments).where(eq(fulfilments.id, row.fulfilmentId!)).for("update");
    if (result.kind === "retry" && row.attempts < MAX_ATTEMPTS) {
      const backoffMs = 1000 * 2 ** row.attempts * (0.75 + Math.random() / 2);
      await tx.update(outbox).set({ availableAt: new Date(now.getTime() + backoffMs), lastError: result.reason }).where(eq(outbox.id, row.id));
      await event(tx, f!, f!.state, `Attempt ${row.attempts} failed: ${result.reason}; retrying`, now);
      return "retried";
    }
    await tx.update(outbox).set({ doneAt: now, lastError: result.kind === "ok" ? null : result.reason }).where(eq(outbox.id, row.id));
    if (credited === null) {
      await event(tx, f!, f!.state, result.kind === "ok" ? `Reversed at the bank (${result.reference})` : `The reversal was not done: ${result.reason}`, now);
      return result.kind === "ok" ? "delivered" : "failed";
    }
    if (result.kind === "ok") {
      // A refund may have come while the call was under way: what it took back is reversed at the bank too.
      const due = f!.value - f!.reversedValue;
      const state = due > 0 ? "posted" : "reversed";
      await tx.update(fulfilments).set({ state, externalReference: result.reference, updatedAt: now }).where(eq(fulfilments.id, f!.id));
      await event(tx, f!, state, `Credited by the bank (${result.reference})`, now);
      if (credited > due) await tx.insert(outbox).values({ kind: `${f!.outcomeType}.reverse`, fulfilmentId: f!.id, payload: { fulfilmentId: f!.id, value: credited - due }, availableAt: now });
      return "delivered";
    }
    const reason = result.kind === "retry" ? `Gave up after ${row.attempts} attempts: ${result.reason}` : result.reason;
    await tx.update(fulfilments).set({ state: "failed", updatedAt: now }).where(eq(fulfilments.id, f!.id));
    await event(tx, f!, "failed", reason, now);
    await giveBackUsage(tx, f!, f!.value - f!.reversedValue);
    return "failed";
  });
}

async function event(tx: DbOrTx, f: Fulfilment, toState: string, reason: string, at: Date): Promise<void> {
  await tx.insert(fulfilmentEvents).values({ fulfilmentId: f.id, fromState: f.state, toState, reason, actorLabel: actor.label, at });
}
