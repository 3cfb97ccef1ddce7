import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { members, partnerStatements, partnerTransactions, partners, type PartnerStatement } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { statementAmountDue } from "@/lib/engine/partners";
import { DomainError } from "@/lib/errors";
import { getPartner, lockPartner } from "./index";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noPartner = (partnerId: string) => new DomainError("partner_not_found", "No such partner.", { partner_id: partnerId });

const unbilled = (partnerId: string) =>
  and(eq(partnerTransactions.partnerId, partnerId), eq(partnerTransactions.funding, "postpaid"), isNull(partnerTransactions.statementId));

/** What the open cycle of a post-paid partner holds so far: what closing it now would bill (give or take arrivals). */
export type OpenCycle = {
  periodFrom: Date | null;
  transactionCount: number;
  points: number;
  debitPoints: number;
  amountDue: number;
  currency: string;
  pricePerPoint: string;
  nextNumber: number;
};

export async function openBillingCycle(db: DbOrTx, partnerId: string): Promise<OpenCycle> {
  if (!UUID.test(partnerId)) throw noPartner(partnerId);
  const partner = await getPartner(db, partnerId);
  if (partner.fundingMode !== "postpaid" || !partner.pricePerPoint || !partner.billingCurrency) {
    throw new DomainError("not_postpaid", `${partner.name} is prepaid: its points are funded from blocks, not billed.`);
  }
  const [[totals], [last]] = await Promise.all([
    db
      .select({
        n: count(),
        points: sql<string>`coalesce(sum(${partnerTransactions.points}), 0)::text`,
        debit: sql<string>`coalesce(sum(${partnerTransactions.debitPoints}), 0)::text`,
      })
      .from(partnerTransactions)
      .where(unbilled(partnerId)),
    db.select().from(partnerStatements).where(eq(partnerStatements.partnerId, partnerId)).orderBy(desc(partnerStatements.number)).limit(1),
  ]);
  const debitPoints = Number(totals!.debit);
  return {
    periodFrom: last?.periodTo ?? null,
    transactionCount: totals!.n,
    points: Number(totals!.points),
    debitPoints,
    amountDue: statementAmountDue(debitPoints, partner.pricePerPoint, partner.billingCurrency),
    currency: partner.billingCurrency,
    pricePerPoint: partner.pricePerPoint,
    nextNumber: (last?.number ?? 0) + 1,
  };
}

/**
 * Closes a post-paid partner's cycle: one statement billing every unbilled partner transaction created
 * before the close. A transaction belongs to the statement that claimed it (its statementId), set by the
 * same UPDATE whose rows the statement sums, so nothing is billed twice or missed, however many earn
 * transactions or closes run at the same time; one that commits after the close waits for the next one.
 * `closedAt` (the demo's history only) closes as of an earlier moment, after the previous statement.
 */
export async function closeBillingCycle(db: DbOrTx, actor: Actor, partnerId: string, options: { closedAt?: Date } = {}): Promise<PartnerStatement> {
  if (!UUID.test(partnerId)) throw noPartner(partnerId);
  // One transaction under the partner's lock: two closes serialise, and the statement's number, period
  // and totals are written with the claim of its transactions or not at all.
  return db.transaction(async (tx) => {
    const partner = await lockPartner(tx, partnerId);
    if (partner.fundingMode !== "postpaid" || !partner.pricePerPoint || !partner.billingCurrency) {
      throw new DomainError("not_postpaid", `${partner.name} is prepaid: its points are funded from blocks, not billed.`);
    }
    const [last] = await tx.select().from(partnerStatements).where(eq(partnerStatements.partnerId, partnerId)).orderBy(desc(partnerStatements.number)).limit(1);
    const [{ closedAt }] = (await tx.execute<{ closedAt: string }>(sql`select clock_timestamp() as "closedAt"`)) as unknown as [{ closedAt: string }];
    const periodTo = options.closedAt ?? new Date(closedAt);
    if (options.closedAt && last && options.closedAt <= last.periodTo) throw new Error(`a statement of ${partner.name} already ends at ${last.periodTo.toISOString()}`);
    const id = randomUUID();
    const [claimed] = (await tx.execute<{ n: string; points: string; debit: string }>(sql`
      with billed as (
        update ${partnerTransactions} set statement_id = ${id}
        where partner_id = ${partnerId} and funding = 'postpaid' and statement_id is null and created_at < ${periodTo.toISOString()}
        returning points, debit_points
      )
      select count(*)::text as n, coalesce(sum(points), 0)::text as points, coalesce(sum(debit_points), 0)::text as debit from billed`)) as unknown as [
      { n: string; points: string; debit: string },
    ];
    const transactionCount = Number(claimed.n);
    if (transactionCount === 0) throw new DomainError("nothing_to_bill", `${partner.name} has no unbilled transactions: there is nothing to bill yet.`);
    const debitPoints = Number(claimed.debit);
    if (!Number.isSafeInteger(debitPoints)) throw new Error("statement total exceeds the safe integer range");
    const [statement] = await tx
      .insert(partnerStatements)
      .values({
        id,
        partnerId,
        number: (last?.number ?? 0) + 1,
        periodFrom: last?.periodTo ?? null,
        periodTo,
        transactionCount,
        points: debitPoints,
        amountDue: statementAmountDue(debitPoints, partner.pricePerPoint, partner.billingCurrency),
        currency: partner.billingCurrency,
        pricePerPoint: partner.pricePerPoint,
        closedBy: actor.type === "user" ? actor.id : null,
        closedAt: periodTo,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "partner_statement.close",
      entityType: "partner_statement",
      entityId: id,
      after: { ...statement!, pointsGiven: Number(claimed.points) },
    });
    return statement!;
  });
}

/** A statement with the points its members were given (its `points` are the partner account points billed). */
export type StatementRow = PartnerStatement & { pointsGiven: number };

export async function listStatements(db: DbOrTx, partnerId: string, options: { page?: number; pageSize?: number } = {}): Promise<{ rows: StatementRow[]; total: number }> {
  if (!UUID.test(partnerId)) throw noPartner(partnerId);
  const page = Math.max(1, options.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 25));
  const given = sql<string>`(select coalesce(sum(t.points), 0)::text from ${partnerTransactions} t where t.statement_id = "partner_statements"."id")`;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ statement: partnerStatements, given })
      .from(partnerStatements)
      .where(eq(partnerStatements.partnerId, partnerId))
      .orderBy(desc(partnerStatements.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(partnerStatements).where(eq(partnerStatements.partnerId, partnerId)),
  ]);
  return { rows: rows.map((r) => ({ ...r.statement, pointsGiven: Number(r.given) })), total };
}

export async function getStatement(db: DbOrTx, partnerId: string, statementId: string): Promise<PartnerStatement & { partnerCode: string }> {
  if (!UUID.test(partnerId) || !UUID.test(statementId)) throw new DomainError("statement_not_found", "No such statement.");
  const [row] = await db
    .select({ statement: partnerStatements, partnerCode: partners.code })
    .from(partnerStatements)
    .innerJoin(partners, eq(partners.id, partnerStatements.partnerId))
    .where(and(eq(partnerStatements.id, statementId), eq(partnerStatements.partnerId, partnerId)));
  if (!row) throw new DomainError("statement_not_found", "No such statement.", { statement_id: statementId });
  return { ...row.statement, partnerCode: row.partnerCode };
}

export type StatementLine = { id: string; createdAt: Date; occurredAt: Date; externalId: string; memberExternalId: string; points: number; debitPoints: number };

/** A statement's lines in order, a batch at a time (keyset on created_at, id), for the CSV download. */
export async function* statementLines(db: DbOrTx, statementId: string, batchSize = 2000): AsyncGenerator<StatementLine[]> {
  // The cursor keeps created_at as Postgres text: a JS Date would drop its microseconds.
  let after: { cursor: string; id: string } | null = null;
  for (;;) {
    const page: (StatementLine & { cursor: string })[] = await db
      .select({
        cursor: sql<string>`${partnerTransactions.createdAt}::text`,
        id: partnerTransactions.id,
        createdAt: partnerTransactions.createdAt,
        occurredAt: partnerTransactions.occurredAt,
        externalId: partnerTransactions.externalId,
        memberExternalId: members.externalId,
        points: partnerTransactions.points,
        debitPoints: partnerTransactions.debitPoints,
      })
      .from(partnerTransactions)
      .innerJoin(members, eq(members.id, partnerTransactions.memberId))
      .where(
        and(
          eq(partnerTransactions.statementId, statementId),
          after ? sql`(${partnerTransactions.createdAt}, ${partnerTransactions.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(partnerTransactions.createdAt), asc(partnerTransactions.id))
      .limit(batchSize);
    if (page.length === 0) return;
    yield page.map(({ cursor: _cursor, ...line }) => line);
    if (page.length < batchSize) return;
    const lastLine = page[page.length - 1]!;
    after = { cursor: lastLine.cursor, id: lastLine.id };
  }
}
