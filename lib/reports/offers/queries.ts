import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { offers, partners, programs, reportAwardDays, reportOfferReachDays } from "@/db/schema";
import type { ReportRange } from "@/lib/reports/range";
import { addTotals, costOf, emptyTotals, netValue, TOTAL_KEYS, type AwardDay, type AwardTotals, type Cost } from "./compute";

/**
 * The read side of the offer performance report: only the rollups (report_award_days,
 * report_offer_reach_days) and the small set-up tables (offers, programmes, partners).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** The sums of report_award_days, as exact text (bigint sums), read back as numbers. */
export const AWARD_SUMS = {
  awards: sql<string>`sum(${reportAwardDays.awards})::text`,
  value: sql<string>`sum(${reportAwardDays.value})::text`,
  pendingCount: sql<string>`sum(${reportAwardDays.pendingCount})::text`,
  pendingValue: sql<string>`sum(${reportAwardDays.pendingValue})::text`,
  postedCount: sql<string>`sum(${reportAwardDays.postedCount})::text`,
  postedValue: sql<string>`sum(${reportAwardDays.postedValue})::text`,
  failedCount: sql<string>`sum(${reportAwardDays.failedCount})::text`,
  failedValue: sql<string>`sum(${reportAwardDays.failedValue})::text`,
  reversedCount: sql<string>`sum(${reportAwardDays.reversedCount})::text`,
  reversedValue: sql<string>`sum(${reportAwardDays.reversedValue})::text`,
  takenBack: sql<string>`sum(${reportAwardDays.takenBack})::text`,
};
export const toTotals = (r: Record<keyof AwardTotals, string | number | null>): AwardTotals =>
  Object.fromEntries(TOTAL_KEYS.map((k) => [k, Number(r[k] ?? 0)])) as AwardTotals;

const inRange = (range: Pick<ReportRange, "from" | "to">) => sql`${reportAwardDays.day} between ${range.from} and ${range.to}`;

/** One outcome of an offer over the period: its totals, the unit they count and what they cost. */
export type OutcomeLine = { outcomeType: string; unit: string; unitLabel: string; totals: AwardTotals; net: number; cost: Cost };

/** What an offer (or a programme's base earn) is, for the report. */
export type OfferSubject = {
  key: string;
  name: string;
  baseEarn: boolean;
  status: string;
  programId: string;
  programName: string;
  programCode: string;
  outcomeType: string | null;
  budget: number | null;
  budgetUsed: number;
};

type Program = { id: string; name: string; code: string; pointsToCurrency: string; currency: string; timeZone: string; isDefault: boolean };
export type Lookup = { programs: Map<string, Program>; partners: Map<string, { name: string; currencyCode: string; currencyName: string }> };

/** The programmes and partners a report names and prices with: read once per page. */
export async function reportLookups(db: DbOrTx): Promise<Lookup> {
  const [ps, pas] = await Promise.all([
    db.select({ id: programs.id, name: programs.name, code: programs.code, pointsToCurrency: programs.pointsToCurrency, currency: programs.currency, timeZone: programs.timeZone, isDefault: programs.isDefault }).from(programs),
    db.select({ id: partners.id, name: partners.name, currencyCode: partners.currencyCode, currencyName: partners.currencyName }).from(partners),
  ]);
  return { programs: new Map(ps.map((p) => [p.id, p])), partners: new Map(pas.map((p) => [p.id, p])) };
}

/** Names what an outcome's value counts: "points", "INR", "Skyward Miles", "vouchers". */
export function unitLabel(outcomeType: string, unit: string, lookup: Lookup): string {
  if (outcomeType === "reward_points") return "points";
  if (outcomeType === "cashback") return unit || "minor units";
  if (outcomeType === "partner_points") return lookup.partners.get(unit)?.currencyName ?? "partner points";
  return "vouchers";
}

function outcomeLine(row: { outcomeType: string; unit: string; totals: AwardTotals }, programId: string | null, lookup: Lookup): OutcomeLine {
  const program = programId ? lookup.programs.get(programId) : undefined;
  const label = unitLabel(row.outcomeType, row.unit, lookup);
  const net = netValue(row.totals);
  return { ...row, unitLabel: label, net, cost: costOf(row.outcomeType, row.unit, net, { program: program ?? null, unitLabel: label }) };
}

/** Totals per offer key and outcome over the period (every offer, or the given ones). */
async function totalsByOffer(db: DbOrTx, range: Pick<ReportRange, "from" | "to">, keys?: string[]) {
  const where: SQL[] = [inRange(range)];
  if (keys) where.push(inArray(reportAwardDays.offerKey, keys));
  const rows = await db
    .select({ offerKey: reportAwardDays.offerKey, outcomeType: reportAwardDays.outcomeType, unit: reportAwardDays.unit, ...AWARD_SUMS })
    .from(reportAwardDays)
    .where(and(...where))
    .groupBy(reportAwardDays.offerKey, reportAwardDays.outcomeType, reportAwardDays.unit);
  const byKey = new Map<string, { outcomeType: string; unit: string; totals: AwardTotals }[]>();
  for (const r of rows) {
    const list = byKey.get(r.offerKey) ?? [];
    list.push({ outcomeType: r.outcomeType, unit: r.unit, totals: toTotals(r) });
    byKey.set(r.offerKey, list);
  }
  return byKey;
}

/** Members reached ever, and first reached within the period, per offer key. */
async function reachByOffer(db: DbOrTx, range: Pick<ReportRange, "from" | "to">, keys?: string[]) {
  const rows = await db
    .select({
      offerKey: reportOfferReachDays.offerKey,
      ever: sql<string>`sum(${reportOfferReachDays.members})::text`,
      inPeriod: sql<string>`coalesce(sum(${reportOfferReachDays.members}) filter (where ${reportOfferReachDays.day} between ${range.from} and ${range.to}), 0)::text`,
    })
    .from(reportOfferReachDays)
    .where(keys ? inArray(reportOfferReachDays.offerKey, keys) : undefined)
    .groupBy(reportOfferReachDays.offerKey);
  return new Map(rows.map((r) => [r.offerKey, { ever: Number(r.ever), inPeriod: Number(r.inPeriod) }]));
}

export type OfferReportRow = OfferSubject & { membersReached: number; membersReachedInPeriod: number; totals: AwardTotals; outcomes: OutcomeLine[] };

export const OFFER_STATUS_FILTERS = ["active", "paused", "approved", "submitted", "draft", "ended", "base_earn"] as const;

/**
 * Every offer (and each programme's base earn that awarded anything) with its figures over the period:
 * the rows of the offer performance list, before sorting and paging (offers are few; lib/reports/offers/compute sortAndPage).
 */
export async function offerReportRows(db: DbOrTx, lookup: Lookup, filters: { range: Pick<ReportRange, "from" | "to">; programId?: string; status?: string }): Promise<OfferReportRow[]> {
  const where: SQL[] = [];
  if (filters.programId) where.push(eq(offers.programId, filters.programId));
  if (filters.status && filters.status !== "base_earn") where.push(eq(offers.status, filters.status));
  const [offerRows, totals, reach] = await Promise.all([
    filters.status === "base_earn" ? [] : db.select().from(offers).where(and(...where)).orderBy(asc(offers.name)),
    totalsByOffer(db, filters.range),
    reachByOffer(db, filters.range),
  ]);
  const rows: OfferReportRow[] = [];
  const build = (subject: OfferSubject) => {
    const lines = (totals.get(subject.key) ?? []).map((l) => outcomeLine(l, subject.programId, lookup));
    const r = reach.get(subject.key);
    rows.push({ ...subject, membersReached: r?.ever ?? 0, membersReachedInPeriod: r?.inPeriod ?? 0, totals: lines.reduce((t, l) => addTotals(t, l.totals), emptyTotals()), outcomes: lines });
  };
  for (const o of offerRows) build(offerSubject(o, lookup));
  if (!filters.status || filters.status === "base_earn") {
    for (const p of lookup.programs.values()) {
      if (filters.programId && p.id !== filters.programId) continue;
      if (totals.has(p.id) || reach.has(p.id)) build(baseEarnSubject(p));
    }
  }
  return rows;
}

function offerSubject(o: typeof offers.$inferSelect, lookup: Lookup): OfferSubject {
  const p = lookup.programs.get(o.programId);
  return { key: o.id, name: o.name || "Untitled draft", baseEarn: false, status: o.status, programId: o.programId, programName: p?.name ?? "", programCode: p?.code ?? "", outcomeType: o.outcomeType, budget: o.budget, budgetUsed: o.budgetUsed };
}

function baseEarnSubject(p: Program): OfferSubject {
  return { key: p.id, name: `Base earn — ${p.name}`, baseEarn: true, status: "base_earn", programId: p.id, programName: p.name, programCode: p.code, outcomeType: "reward_points", budget: null, budgetUsed: 0 };
}

/** The offer (or programme, for its base earn) a report is about, or null when there is none with that id. */
export async function findOfferSubject(db: DbOrTx, key: string, lookup?: Lookup): Promise<(OfferSubject & { timeZone: string }) | null> {
  if (!isUuid(key)) return null;
  lookup ??= await reportLookups(db);
  const [o] = await db.select().from(offers).where(eq(offers.id, key));
  if (o) return { ...offerSubject(o, lookup), timeZone: lookup.programs.get(o.programId)?.timeZone ?? "UTC" };
  const p = lookup.programs.get(key);
  return p ? { ...baseEarnSubject(p), timeZone: p.timeZone } : null;
}

export type OfferReport = {
  subject: OfferSubject;
  membersReached: number;
  membersReachedInPeriod: number;
  totals: AwardTotals;
  outcomes: OutcomeLine[];
  /** Per local day and outcome, within the period. */
  days: AwardDay[];
  reachDays: { day: string; n: number }[];
};

/** One offer's figures over the period, with its days for the charts. */
export async function offerReport(db: DbOrTx, lookup: Lookup, subject: OfferSubject, range: Pick<ReportRange, "from" | "to">): Promise<OfferReport> {
  const [totals, reach, days, reachDays] = await Promise.all([
    totalsByOffer(db, range, [subject.key]),
    reachByOffer(db, range, [subject.key]),
    db
      .select({ day: reportAwardDays.day, outcomeType: reportAwardDays.outcomeType, unit: reportAwardDays.unit, ...AWARD_SUMS })
      .from(reportAwardDays)
      .where(and(eq(reportAwardDays.offerKey, subject.key), inRange(range)))
      .groupBy(reportAwardDays.day, reportAwardDays.outcomeType, reportAwardDays.unit)
      .orderBy(reportAwardDays.day),
    db
      .select({ day: reportOfferReachDays.day, n: reportOfferReachDays.members })
      .from(reportOfferReachDays)
      .where(and(eq(reportOfferReachDays.offerKey, subject.key), sql`${reportOfferReachDays.day} between ${range.from} and ${range.to}`))
      .orderBy(reportOfferReachDays.day),
  ]);
  const outcomes = (totals.get(subject.key) ?? []).map((l) => outcomeLine(l, subject.programId, lookup));
  const r = reach.get(subject.key);
  return {
    subject,
    membersReached: r?.ever ?? 0,
    membersReachedInPeriod: r?.inPeriod ?? 0,
    totals: outcomes.reduce((t, l) => addTotals(t, l.totals), emptyTotals()),
    outcomes,
    days: days.map((d) => ({ day: d.day, outcomeType: d.outcomeType, unit: d.unit, ...toTotals(d) })),
    reachDays,
  };
}

/** The offers to pick from for a comparison: id and name, live ones first. */
export async function offerChoices(db: DbOrTx): Promise<{ id: string; name: string; status: string; programCode: string }[]> {
  const rows = await db
    .select({ id: offers.id, name: offers.name, status: offers.status, programCode: programs.code })
    .from(offers)
    .innerJoin(programs, eq(programs.id, offers.programId))
    .orderBy(sql`${offers.liveVersion} is null`, asc(offers.name));
  return rows.map((r) => ({ ...r, name: r.name || "Untitled draft" }));
}

/** The programmes for the filters, and the time zone "today" is taken in (the default programme's). */
export async function reportPrograms(db: DbOrTx, lookup?: Lookup): Promise<{ programs: Program[]; timeZone: string }> {
  lookup ??= await reportLookups(db);
  const list = [...lookup.programs.values()].sort((a, b) => a.name.localeCompare(b.name, "en"));
  return { programs: list, timeZone: list.find((p) => p.isDefault)?.timeZone ?? list[0]?.timeZone ?? "UTC" };
}
