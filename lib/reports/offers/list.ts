import "server-only";
import type { DbOrTx } from "@/db";
import type { ReportRange } from "@/lib/reports/range";
import { readComparePair, readId, readOfferListParams, readRange, type OfferListParams, type ParamError } from "./params";
import { findOfferSubject, offerReport, offerReportRows, reportLookups, reportPrograms, type OfferReport, type OfferReportRow, type OfferSubject } from "./queries";

export type OfferListLoad =
  | { ok: true; range: ReportRange; params: OfferListParams; rows: OfferReportRow[] }
  | { ok: false; error: ParamError; range: ReportRange | null; params: OfferListParams | null };

/**
 * The offer performance list from a URL's parameters (page and CSV alike): the period, the filters, and
 * every matching offer sorted by the caller (present.ts offerSortKey); bad parameters are an error with a code.
 */
export async function loadOfferList(db: DbOrTx, raw: Record<string, string | null | undefined>, now: Date): Promise<OfferListLoad> {
  const lookup = await reportLookups(db);
  const { timeZone } = await reportPrograms(db, lookup);
  // A list has no chart: any period up to ten years (the limit of a monthly report).
  const range = readRange({ ...raw, grain: "month" }, now, timeZone);
  const params = readOfferListParams(raw);
  if (!range.ok) return { ok: false, error: range.error, range: null, params: params.ok ? params.params : null };
  if (!params.ok) return { ok: false, error: params.error, range: range.range, params: null };
  const rows = await offerReportRows(db, lookup, { range: range.range, programId: params.params.programId ?? undefined, status: params.params.status ?? undefined });
  return { ok: true, range: range.range, params: params.params, rows };
}

export type OfferDetailLoad =
  | { ok: true; subject: OfferSubject & { timeZone: string }; range: ReportRange; report: OfferReport }
  | { ok: false; error: ParamError | { code: "unknown_offer"; field: string; message: string }; subject: (OfferSubject & { timeZone: string }) | null; range: ReportRange | null };

/** One offer's report from its id (an offer, or a programme for its base earn) and the URL's period. */
export async function loadOfferDetail(db: DbOrTx, offerId: string, raw: Record<string, string | null | undefined>, now: Date): Promise<OfferDetailLoad> {
  const id = readId({ offer: offerId }, "offer", true);
  if (!id.ok) return { ok: false, error: id.error, subject: null, range: null };
  const lookup = await reportLookups(db);
  const subject = await findOfferSubject(db, id.id!, lookup);
  if (!subject) return { ok: false, error: { code: "unknown_offer", field: "offer", message: "There is no offer (or programme) with this id." }, subject: null, range: null };
  const range = readRange(raw, now, subject.timeZone);
  if (!range.ok) return { ok: false, error: range.error, subject, range: null };
  return { ok: true, subject, range: range.range, report: await offerReport(db, lookup, subject, range.range) };
}

export type CompareLoad =
  | { ok: true; range: ReportRange; a: OfferReport | null; b: OfferReport | null }
  | { ok: false; error: ParamError | { code: "unknown_offer"; field: string; message: string }; range: ReportRange | null; a: string | null; b: string | null };

/** Two offers side by side over one period; either may still be to choose (null). */
export async function loadComparison(db: DbOrTx, raw: Record<string, string | null | undefined>, now: Date): Promise<CompareLoad> {
  const pair = readComparePair(raw);
  const lookup = await reportLookups(db);
  const { timeZone } = await reportPrograms(db, lookup);
  const range = readRange(raw, now, timeZone);
  if (!pair.ok) return { ok: false, error: pair.error, range: range.ok ? range.range : null, a: null, b: null };
  if (!range.ok) return { ok: false, error: range.error, range: null, a: pair.a, b: pair.b };
  const subjects = await Promise.all([pair.a, pair.b].map((id) => (id ? findOfferSubject(db, id, lookup) : null)));
  for (const [i, id] of [pair.a, pair.b].entries()) {
    if (id && !subjects[i]) return { ok: false, error: { code: "unknown_offer", field: i === 0 ? "a" : "b", message: "There is no offer (or programme) with this id." }, range: range.range, a: pair.a, b: pair.b };
  }
  const [a, b] = await Promise.all(subjects.map((s) => (s ? offerReport(db, lookup, s, range.range) : null)));
  return { ok: true, range: range.range, a: a ?? null, b: b ?? null };
}
