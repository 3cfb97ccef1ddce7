import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { fulfilmentEvents, fulfilments, offers, partners, programs } from "@/db/schema";
import type { DbOrTx } from "@/db";

/**
 * Read-only queries for the console's member fulfilments view. Every query is scoped to one member,
 * so a page can never show another member's outcomes or their history.
 */

export type MemberFulfilmentRow = {
  id: string;
  transactionId: string | null;
  eventId: string | null;
  /** reward_points | cashback | voucher | partner_points */
  outcomeType: string;
  /** As awarded (points, minor units of `currency`, partner points or a voucher count). */
  value: number;
  /** Taken back by refunds so far, in the same units. */
  reversedValue: number;
  currency: string | null;
  partnerId: string | null;
  /** The partner's name and loyalty currency ("Skyward Miles"), for partner points. */
  partnerName: string | null;
  partnerCurrency: string | null;
  voucherCode: string | null;
  /** pending | posted | failed | reversed */
  state: string;
  /** automatic | claim */
  postingMethod: string;
  claimExpiresAt: Date | null;
  narration: string;
  explanation: string[];
  externalReference: string | null;
  /** Null for a programme's base earn rule. */
  offerId: string | null;
  offerVersion: number | null;
  offerName: string | null;
  programId: string | null;
  programCode: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type FulfilmentEventRow = {
  id: number;
  fulfilmentId: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
  actorLabel: string;
  at: Date;
};

/** One page of a member's fulfilments, newest first (offset pagination, page from 1), and how many there are. */
export async function listMemberFulfilmentsPage(
  db: DbOrTx,
  memberId: string,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ rows: MemberFulfilmentRow[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 25)));
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: fulfilments.id,
        transactionId: fulfilments.transactionId,
        eventId: fulfilments.eventId,
        outcomeType: fulfilments.outcomeType,
        value: fulfilments.value,
        reversedValue: fulfilments.reversedValue,
        currency: fulfilments.currency,
        partnerId: fulfilments.partnerId,
        partnerName: partners.name,
        partnerCurrency: partners.currencyName,
        voucherCode: fulfilments.voucherCode,
        state: fulfilments.state,
        postingMethod: fulfilments.postingMethod,
        claimExpiresAt: fulfilments.claimExpiresAt,
        narration: fulfilments.narration,
        explanation: fulfilments.explanation,
        externalReference: fulfilments.externalReference,
        offerId: fulfilments.offerId,
        offerVersion: fulfilments.offerVersion,
        offerName: offers.name,
        programId: fulfilments.programId,
        programCode: programs.code,
        createdAt: fulfilments.createdAt,
        updatedAt: fulfilments.updatedAt,
      })
      .from(fulfilments)
      .leftJoin(offers, eq(offers.id, fulfilments.offerId))
      .leftJoin(programs, eq(programs.id, fulfilments.programId))
      .leftJoin(partners, eq(partners.id, fulfilments.partnerId))
      .where(eq(fulfilments.memberId, memberId))
      // The (member_id, created_at) index serves the order; the id breaks ties between awards of one transaction.
      .orderBy(desc(fulfilments.createdAt), desc(fulfilments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(fulfilments).where(eq(fulfilments.memberId, memberId)),
  ]);
  return { rows, total, page, pageSize };
}

/** The state changes of the given fulfilments of one member, oldest first, grouped by fulfilment. */
export async function listFulfilmentHistory(db: DbOrTx, memberId: string, fulfilmentIds: readonly string[]): Promise<Map<string, FulfilmentEventRow[]>> {
  const history = new Map<string, FulfilmentEventRow[]>();
  if (fulfilmentIds.length === 0) return history;
  const rows = await db
    .select({
      id: fulfilmentEvents.id,
      fulfilmentId: fulfilmentEvents.fulfilmentId,
      fromState: fulfilmentEvents.fromState,
      toState: fulfilmentEvents.toState,
      reason: fulfilmentEvents.reason,
      actorLabel: fulfilmentEvents.actorLabel,
      at: fulfilmentEvents.at,
    })
    .from(fulfilmentEvents)
    .innerJoin(fulfilments, eq(fulfilments.id, fulfilmentEvents.fulfilmentId))
    .where(and(eq(fulfilments.memberId, memberId), inArray(fulfilmentEvents.fulfilmentId, [...fulfilmentIds])))
    .orderBy(asc(fulfilmentEvents.fulfilmentId), asc(fulfilmentEvents.id));
  for (const row of rows) {
    const list = history.get(row.fulfilmentId);
    if (list) list.push(row);
    else history.set(row.fulfilmentId, [row]);
  }
  return history;
}
