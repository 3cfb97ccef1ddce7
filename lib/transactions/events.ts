import "server-only";
import { memberEvents } from "@/db/schema";
import type { Tx } from "@/db";
import type { Actor } from "@/lib/actor";
import { evaluateEvent, type ActivityEventInput } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { lockEarner } from "./earner";
import { fulfil, type AwardView } from "./fulfil";
import { loadUsage } from "./state";

/** Clocks drift: a few minutes ahead is not the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * A member activity event (referral, survey completed, social engagement, sign-up, custom): recorded,
 * evaluated against the event-triggered offers of the member's programmes, and fulfilled like a
 * transaction's outcomes. Repeats are made safe by the Idempotency-Key of the API.
 */
export async function recordEvent(tx: Tx, actor: Actor, input: ActivityEventInput & { memberId: string }, now = new Date()): Promise<{ eventId: string; awards: AwardView[] }> {
  if (Number.isNaN(input.occurredAt.getTime()) || input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError("validation_failed", "occurred_at must be a valid time, not in the future.", { field: "occurred_at" });
  }
  const earner = await lockEarner(tx, input.memberId);
  const [event] = await tx
    .insert(memberEvents)
    .values({ memberId: input.memberId, type: input.type, customType: input.customType ?? null, occurredAt: input.occurredAt, attributes: input.attributes })
    .returning({ id: memberEvents.id });
  const offers = earner.candidates.filter((o) => o.trigger.kind === "event");
  const usage = await loadUsage(tx, input.memberId, offers, input.occurredAt, earner.timeZone);
  const result = evaluateEvent({ offers, member: earner.context, event: input, usage, timeZone: earner.timeZone, now });
  const awards = await fulfil(tx, actor, { memberId: input.memberId, eventId: event!.id, outcomes: result.outcomes, offers, budgeted: earner.budgeted, debts: earner.debts, now });
  return { eventId: event!.id, awards };
}
