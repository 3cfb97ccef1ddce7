import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { partnerTransactions, partners, pointBlockDebits, pointBlocks, programs, users, type PointBlock } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { DomainError } from "@/lib/errors";
import { partnerView, type PartnerView } from "./index";

/** The console's read side of partners and their point blocks: lists, summaries and a block's history. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Paging = { page?: number; pageSize?: number };
const paging = (o: Paging) => {
  const page = Math.max(1, o.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, o.pageSize ?? 25));
  return { limit: pageSize, offset: (page - 1) * pageSize };
};

/** Points still available in a partner's active blocks of one kind (points − used). */
const available = (kind: "prepaid" | "reserve") =>
  sql<string>`(select coalesce(sum(b.points - b.used), 0)::text from ${pointBlocks} b where b.partner_id = "partners"."id" and b.status = 'active' and b.kind = ${kind})`;
const pendingPoints = sql<string>`(select coalesce(sum(b.points), 0)::text from ${pointBlocks} b where b.partner_id = "partners"."id" and b.status = 'pending')`;

export type PartnerListRow = PartnerView & { availablePoints: number; reservePoints: number; pendingPoints: number };
export type PartnerFilters = { q?: string; type?: string; status?: string; fundingMode?: string } & Paging;

export async function listPartnersWithFunding(db: DbOrTx, filters: PartnerFilters = {}): Promise<{ rows: PartnerListRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(partners.name, like), ilike(partners.code, like), ilike(partners.currencyName, like))!);
  }
  if (filters.type) conditions.push(eq(partners.type, filters.type));
  if (filters.status) conditions.push(eq(partners.status, filters.status));
  if (filters.fundingMode) conditions.push(eq(partners.fundingMode, filters.fundingMode));
  const where = conditions.length ? and(...conditions) : undefined;
  const { limit, offset } = paging(filters);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ partner: partners, available: available("prepaid"), reserve: available("reserve"), pending: pendingPoints })
      .from(partners)
      .where(where)
      .orderBy(asc(partners.name), asc(partners.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(partners).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...partnerView(r.partner), availablePoints: Number(r.available), reservePoints: Number(r.reserve), pendingPoints: Number(r.pending) })),
    total,
  };
}

/** A partner's blocks at a glance: what is available now (prepaid, then reserve) and what waits for approval. */
export type BlockSummary = { availablePoints: number; reservePoints: number; pendingPoints: number; pendingBlocks: number; activeBlocks: number };

export async function partnerBlockSummary(db: DbOrTx, partnerId: string): Promise<BlockSummary> {
  const [row] = await db
    .select({
      available: sql<string>`coalesce(sum(points - used) filter (where status = 'active' and kind = 'prepaid'), 0)::text`,
      reserve: sql<string>`coalesce(sum(points - used) filter (where status = 'active' and kind = 'reserve'), 0)::text`,
      pending: sql<string>`coalesce(sum(points) filter (where status = 'pending'), 0)::text`,
      pendingBlocks: sql<number>`(count(*) filter (where status = 'pending'))::int`,
      activeBlocks: sql<number>`(count(*) filter (where status = 'active'))::int`,
    })
    .from(pointBlocks)
    .where(eq(pointBlocks.partnerId, partnerId));
  return {
    availablePoints: Number(row!.available),
    reservePoints: Number(row!.reserve),
    pendingPoints: Number(row!.pending),
    pendingBlocks: row!.pendingBlocks,
    activeBlocks: row!.activeBlocks,
  };
}

export type PointBlockRow = PointBlock & { partnerName: string; partnerCode: string; recordedByName: string | null; decidedByName: string | null };
export type BlockFilters = { partnerId?: string; status?: string; kind?: string } & Paging;

const recorder = alias(users, "recorder");
const decider = alias(users, "decider");

function blockRows(db: DbOrTx) {
  return db
    .select({ block: pointBlocks, partnerName: partners.name, partnerCode: partners.code, recordedByName: recorder.name, decidedByName: decider.name })
    .from(pointBlocks)
    .innerJoin(partners, eq(partners.id, pointBlocks.partnerId))
    .leftJoin(recorder, eq(recorder.id, pointBlocks.recordedBy))
    .leftJoin(decider, eq(decider.id, pointBlocks.decidedBy));
}
type BlockJoin = { block: PointBlock; partnerName: string; partnerCode: string; recordedByName: string | null; decidedByName: string | null };
const flatten = ({ block, ...names }: BlockJoin): PointBlockRow => ({ ...block, ...names });

/** Every block of every partner (or of one), newest first; pending blocks are not put first so that pages stay stable. */
export async function listPointBlocks(db: DbOrTx, filters: BlockFilters = {}): Promise<{ rows: PointBlockRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filters.partnerId && UUID.test(filters.partnerId)) conditions.push(eq(pointBlocks.partnerId, filters.partnerId));
  if (filters.status) conditions.push(eq(pointBlocks.status, filters.status));
  if (filters.kind) conditions.push(eq(pointBlocks.kind, filters.kind));
  const where = conditions.length ? and(...conditions) : undefined;
  const { limit, offset } = paging(filters);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    blockRows(db).where(where).orderBy(desc(pointBlocks.createdAt), desc(pointBlocks.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(pointBlocks).where(where),
  ]);
  return { rows: rows.map(flatten), total };
}

export async function getPointBlock(db: DbOrTx, blockId: string): Promise<PointBlockRow> {
  if (!UUID.test(blockId)) throw new DomainError("point_block_not_found", "No such point block.", { block_id: blockId });
  const [row] = await blockRows(db).where(eq(pointBlocks.id, blockId));
  if (!row) throw new DomainError("point_block_not_found", "No such point block.", { block_id: blockId });
  return flatten(row);
}

/** One use of a block: points it gave (positive) or got back (negative), and for which transaction or fulfilment. */
export type BlockDebitRow = { id: number; at: Date; points: number; partnerTransactionId: string | null; transactionExternalId: string | null; fulfilmentId: string | null };

export async function listBlockDebits(db: DbOrTx, blockId: string, options: Paging = {}): Promise<{ rows: BlockDebitRow[]; total: number }> {
  const { limit, offset } = paging(options);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: pointBlockDebits.id,
        at: pointBlockDebits.at,
        points: pointBlockDebits.points,
        partnerTransactionId: pointBlockDebits.partnerTransactionId,
        transactionExternalId: partnerTransactions.externalId,
        fulfilmentId: pointBlockDebits.fulfilmentId,
      })
      .from(pointBlockDebits)
      .leftJoin(partnerTransactions, eq(partnerTransactions.id, pointBlockDebits.partnerTransactionId))
      .where(eq(pointBlockDebits.blockId, blockId))
      .orderBy(desc(pointBlockDebits.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(pointBlockDebits).where(eq(pointBlockDebits.blockId, blockId)),
  ]);
  return { rows, total };
}

/** Partners for a filter or a picker, with the currency of their host programme (a block's usual price currency). */
export type PartnerChoice = { id: string; name: string; code: string; fundingMode: string; status: string; currency: string };

export async function partnerChoices(db: DbOrTx): Promise<PartnerChoice[]> {
  return db
    .select({ id: partners.id, name: partners.name, code: partners.code, fundingMode: partners.fundingMode, status: partners.status, currency: programs.currency })
    .from(partners)
    .innerJoin(programs, eq(programs.id, partners.hostProgramId))
    .orderBy(asc(partners.name));
}
