import "server-only";
import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { partnerStatements, partners, pointBlocks, reportAwardDays, reportBlockDays } from "@/db/schema";
import { emptyTotals, failureRate, type AwardDay, type AwardTotals } from "@/lib/reports/offers/compute";
import { AWARD_SUMS as SUMS, isUuid, toTotals } from "@/lib/reports/offers/queries";
import type { ReportRange } from "@/lib/reports/range";

/**
 * The read side of the partner reports: partner points credited (report_award_days of outcome
 * partner_points, whose unit is the partner), point block usage (report_block_days), and the
 * post-paid statements (partner_statements, written once per cycle).
 */

const partnerPoints = eq(reportAwardDays.outcomeType, "partner_points");
const inRange = (range: Pick<ReportRange, "from" | "to">) => sql`${reportAwardDays.day} between ${range.from} and ${range.to}`;

export type PartnerSubject = { id: string; name: string; code: string; currencyCode: string; currencyName: string; fundingMode: string; status: string };

export type PartnerCreditRow = PartnerSubject & { totals: AwardTotals; failureRate: ReturnType<typeof failureRate> };

const partnerColumns = { id: partners.id, name: partners.name, code: partners.code, currencyCode: partners.currencyCode, currencyName: partners.currencyName, fundingMode: partners.fundingMode, status: partners.status };

/** Every partner with the partner points its members were credited over the period, by state, and its failure rate. */
export async function partnerCreditRows(db: DbOrTx, range: Pick<ReportRange, "from" | "to">): Promise<PartnerCreditRow[]> {
  const [list, sums] = await Promise.all([
    db.select(partnerColumns).from(partners).orderBy(asc(partners.name)),
    db
      .select({ unit: reportAwardDays.unit, ...SUMS })
      .from(reportAwardDays)
      .where(and(partnerPoints, inRange(range)))
      .groupBy(reportAwardDays.unit),
  ]);
  const byPartner = new Map(sums.map((s) => [s.unit, toTotals(s)]));
  return list.map((p) => {
    const totals = byPartner.get(p.id) ?? emptyTotals();
    return { ...p, totals, failureRate: failureRate(totals.failedCount, totals.postedCount) };
  });
}

export async function findPartnerSubject(db: DbOrTx, partnerId: string): Promise<PartnerSubject | null> {
  if (!isUuid(partnerId)) return null;
  const [p] = await db.select(partnerColumns).from(partners).where(eq(partners.id, partnerId));
  return p ?? null;
}

/** One partner's credits per local day of the period (the day each award was made). */
export async function partnerCreditDays(db: DbOrTx, partnerId: string, range: Pick<ReportRange, "from" | "to">): Promise<AwardDay[]> {
  const rows = await db
    .select({ day: reportAwardDays.day, ...SUMS })
    .from(reportAwardDays)
    .where(and(partnerPoints, eq(reportAwardDays.unit, partnerId), inRange(range)))
    .groupBy(reportAwardDays.day)
    .orderBy(reportAwardDays.day);
  return rows.map((r) => ({ day: r.day, outcomeType: "partner_points", unit: partnerId, ...toTotals(r) }));
}

export type BlockUsage = {
  id: string;
  kind: string;
  status: string;
  reference: string;
  points: number;
  /** What the block had given, net of returns, before the period (from the rollup). */
  usedBefore: number;
  days: { day: string; debited: number; returned: number }[];
  createdAt: Date;
};

/** A partner's point blocks (all but rejected ones) with their usage per day of the period. */
export async function partnerBlockUsage(db: DbOrTx, partnerId: string, range: Pick<ReportRange, "from" | "to">): Promise<BlockUsage[]> {
  const blocks = await db
    .select({ id: pointBlocks.id, kind: pointBlocks.kind, status: pointBlocks.status, reference: pointBlocks.reference, points: pointBlocks.points, createdAt: pointBlocks.createdAt })
    .from(pointBlocks)
    .where(and(eq(pointBlocks.partnerId, partnerId), ne(pointBlocks.status, "rejected")))
    .orderBy(asc(pointBlocks.createdAt), asc(pointBlocks.id));
  if (blocks.length === 0) return [];
  const ids = blocks.map((b) => b.id);
  const [before, days] = await Promise.all([
    db
      .select({ blockId: reportBlockDays.blockId, used: sql<string>`sum(${reportBlockDays.debited} - ${reportBlockDays.returned})::text` })
      .from(reportBlockDays)
      .where(and(inArray(reportBlockDays.blockId, ids), lt(reportBlockDays.day, range.from)))
      .groupBy(reportBlockDays.blockId),
    db
      .select({ blockId: reportBlockDays.blockId, day: reportBlockDays.day, debited: reportBlockDays.debited, returned: reportBlockDays.returned })
      .from(reportBlockDays)
      .where(and(eq(reportBlockDays.partnerId, partnerId), sql`${reportBlockDays.day} between ${range.from} and ${range.to}`))
      .orderBy(reportBlockDays.day),
  ]);
  const usedBefore = new Map(before.map((b) => [b.blockId, Number(b.used)]));
  return blocks.map((b) => ({
    ...b,
    usedBefore: usedBefore.get(b.id) ?? 0,
    days: days.filter((d) => d.blockId === b.id).map(({ day, debited, returned }) => ({ day, debited, returned })),
  }));
}

export type StatementSummary = { id: string; number: number; periodFrom: Date | null; periodTo: Date; transactionCount: number; points: number; amountDue: number; currency: string; closedAt: Date };

/** A post-paid partner's statements, newest first, one page of them. */
export async function partnerStatementPage(db: DbOrTx, partnerId: string, page: { page: number; pageSize: number }): Promise<{ rows: StatementSummary[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: partnerStatements.id,
        number: partnerStatements.number,
        periodFrom: partnerStatements.periodFrom,
        periodTo: partnerStatements.periodTo,
        transactionCount: partnerStatements.transactionCount,
        points: partnerStatements.points,
        amountDue: partnerStatements.amountDue,
        currency: partnerStatements.currency,
        closedAt: partnerStatements.closedAt,
      })
      .from(partnerStatements)
      .where(eq(partnerStatements.partnerId, partnerId))
      .orderBy(desc(partnerStatements.number))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: sql<string>`count(*)::text` }).from(partnerStatements).where(eq(partnerStatements.partnerId, partnerId)),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}
