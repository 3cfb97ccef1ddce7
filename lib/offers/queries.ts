import "server-only";
import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { offers, offerVersions, programs, tiers, users, type Offer } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { DomainError } from "@/lib/errors";

/**
 * Read-only queries of the offers console: the filtered list and one offer with its versions. The
 * writes are the use cases in ./index.ts.
 */

/** The list's status filter; "awaiting" is any offer with a version waiting for approval. */
export const OFFER_STATUS_FILTERS = ["draft", "awaiting", "scheduled", "active", "expired", "paused", "ended"] as const;
export type OfferStatusFilter = (typeof OFFER_STATUS_FILTERS)[number];
export const OUTCOME_TYPES = ["reward_points", "cashback", "voucher", "partner_points"] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export type OfferListFilter = {
  status?: OfferStatusFilter;
  programId?: string;
  outcomeType?: OutcomeType;
  /** A partner's id: offers that credit its points or that it funds. */
  partnerId?: string;
  page?: number;
  pageSize?: number;
  /** Decides scheduled / active / expired; defaults to the current time. */
  now?: Date;
};

export type OfferListRow = {
  id: string;
  name: string;
  programId: string;
  programName: string;
  programCode: string;
  status: string;
  outcomeType: string | null;
  /** The cashback currency, when the outcome is cashback (budgets are then money). */
  outcomeCurrency: string | null;
  liveVersion: number | null;
  pendingVersion: number | null;
  budget: number | null;
  budgetUsed: number;
  validFrom: string | null;
  validUntil: string | null;
  updatedAt: Date;
};

export type OfferPage = { rows: OfferListRow[]; total: number; page: number; pageSize: number };

const live = alias(offerVersions, "live");
/** The definition that describes the offer now: the live version's, else the draft being written. */
const current = sql`coalesce(${live.definition}, ${offers.draft})`;
const validFrom = sql`(${live.definition}->>'validFrom')::timestamptz`;
const validUntil = sql`(${live.definition}->>'validUntil')::timestamptz`;

function statusCondition(status: OfferStatusFilter, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (status) {
    case "draft":
      return and(eq(offers.status, "draft"), sql`${offers.pendingVersion} is null`)!;
    case "awaiting":
      return isNotNull(offers.pendingVersion);
    case "scheduled":
      return and(eq(offers.status, "active"), sql`${validFrom} > ${at}`)!;
    case "active":
      return and(eq(offers.status, "active"), sql`${validFrom} <= ${at}`, sql`(${validUntil} is null or ${validUntil} > ${at})`)!;
    case "expired":
      return and(eq(offers.status, "active"), sql`${validUntil} <= ${at}`)!;
    case "paused":
    case "ended":
      return eq(offers.status, status);
  }
}

/** Offers, most recently changed first, filtered, with offset pagination (page from 1) and the total. */
export async function listOffers(db: DbOrTx, filter: OfferListFilter = {}): Promise<OfferPage> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(filter.pageSize ?? 25)));
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(statusCondition(filter.status, filter.now ?? new Date()));
  if (filter.programId) conditions.push(eq(offers.programId, filter.programId));
  if (filter.outcomeType) conditions.push(sql`coalesce(${offers.outcomeType}, ${current}->'outcome'->>'type') = ${filter.outcomeType}`);
  if (filter.partnerId) {
    conditions.push(
      sql`(${offers.partnerId} = ${filter.partnerId}::uuid or ${current}->'outcome'->>'partnerId' = ${filter.partnerId} or ${current}->'funding'->>'partnerId' = ${filter.partnerId})`,
    );
  }
  const where = and(...conditions);
  const joinLive = and(eq(live.offerId, offers.id), eq(live.version, offers.liveVersion));
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: offers.id,
        name: offers.name,
        programId: offers.programId,
        programName: programs.name,
        programCode: programs.code,
        status: offers.status,
        outcomeType: sql<string | null>`coalesce(${offers.outcomeType}, ${current}->'outcome'->>'type')`,
        outcomeCurrency: sql<string | null>`${current}->'outcome'->>'currency'`,
        liveVersion: offers.liveVersion,
        pendingVersion: offers.pendingVersion,
        budget: offers.budget,
        budgetUsed: offers.budgetUsed,
        validFrom: sql<string | null>`${current}->>'validFrom'`,
        validUntil: sql<string | null>`${current}->>'validUntil'`,
        updatedAt: offers.updatedAt,
      })
      .from(offers)
      .innerJoin(programs, eq(programs.id, offers.programId))
      .leftJoin(live, joinLive)
      .where(where)
      .orderBy(desc(offers.updatedAt), desc(offers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(offers).leftJoin(live, joinLive).where(where),
  ]);
  return { rows, total, page, pageSize };
}

export type OfferVersionRow = {
  version: number;
  status: string;
  definition: Record<string, unknown>;
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
};

export type OfferProgramme = {
  id: string;
  code: string;
  name: string;
  currency: string;
  timeZone: string;
  homeCountry: string;
  tiers: { id: string; name: string }[];
};

export type OfferDetail = {
  offer: Offer;
  programme: OfferProgramme;
  /** Newest first. */
  versions: OfferVersionRow[];
};

const submitter = alias(users, "submitter");
const decider = alias(users, "decider");

/** One offer with its programme (and tiers) and every submitted version; offer_not_found when unknown. */
export async function getOfferDetail(db: DbOrTx, offerId: string): Promise<OfferDetail> {
  const [offer] = await db.select().from(offers).where(eq(offers.id, offerId));
  if (!offer) throw new DomainError("offer_not_found", "No such offer.", { offer_id: offerId });
  const [[programme], versions] = await Promise.all([
    offerProgrammes(db, offer.programId),
    db
      .select({
        version: offerVersions.version,
        status: offerVersions.status,
        definition: offerVersions.definition,
        submittedBy: offerVersions.submittedBy,
        submittedByName: submitter.name,
        submittedAt: offerVersions.submittedAt,
        decidedBy: offerVersions.decidedBy,
        decidedByName: decider.name,
        decidedAt: offerVersions.decidedAt,
        decisionNote: offerVersions.decisionNote,
      })
      .from(offerVersions)
      .leftJoin(submitter, eq(submitter.id, offerVersions.submittedBy))
      .leftJoin(decider, eq(decider.id, offerVersions.decidedBy))
      .where(eq(offerVersions.offerId, offerId))
      .orderBy(desc(offerVersions.version)),
  ]);
  if (!programme) throw new DomainError("program_not_found", "No such programme.");
  return { offer, programme, versions };
}

/** Programmes with what the offer wizard needs of them (currency, time zone, home country, tiers); one when `programId` is given. */
export async function offerProgrammes(db: DbOrTx, programId?: string): Promise<OfferProgramme[]> {
  const where = programId ? eq(programs.id, programId) : undefined;
  const [rows, tierRows] = await Promise.all([
    db
      .select({ id: programs.id, code: programs.code, name: programs.name, currency: programs.currency, timeZone: programs.timeZone, homeCountry: programs.homeCountry })
      .from(programs)
      .where(where)
      .orderBy(desc(programs.isDefault), asc(programs.name)),
    db
      .select({ id: tiers.id, name: tiers.name, programId: tiers.programId })
      .from(tiers)
      .where(programId ? eq(tiers.programId, programId) : undefined)
      .orderBy(asc(tiers.rank)),
  ]);
  return rows.map((p) => ({ ...p, tiers: tierRows.filter((t) => t.programId === p.id).map((t) => ({ id: t.id, name: t.name })) }));
}
