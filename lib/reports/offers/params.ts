import { parseReportRange, type ReportRange } from "@/lib/reports/range";
import type { SortDirection } from "./compute";

/** What a bad report parameter gets: a code, the field and a message (a 400 from routes, a message on pages). */
export type ParamError = { code: "invalid_range" | "invalid_id" | "invalid_sort" | "invalid_status" | "same_offer"; field: string; message: string };

export const OFFER_SORTS = ["name", "awards", "members", "net", "budget_used", "failed"] as const;
export type OfferSort = (typeof OFFER_SORTS)[number];
export const OFFER_SORT_LABELS: Record<OfferSort, string> = { name: "Name", awards: "Awards", members: "Members reached", net: "Net value", budget_used: "Budget used", failed: "Failed" };

export const STATUS_FILTERS = ["active", "paused", "approved", "submitted", "draft", "ended", "base_earn"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Raw = Record<string, string | null | undefined>;

/** The period of a report: from, to and grain, with "today" in the given time zone. */
export function readRange(raw: Raw, now: Date, timeZone: string): { ok: true; range: ReportRange } | { ok: false; error: ParamError } {
  const parsed = parseReportRange({ from: raw.from, to: raw.to, grain: raw.grain }, { now, timeZone });
  return parsed.ok ? parsed : { ok: false, error: { code: "invalid_range", field: parsed.field, message: parsed.message } };
}

/** An id parameter (an offer, a programme, a partner): a uuid, or missing when optional. */
export function readId(raw: Raw, field: string, required: boolean): { ok: true; id: string | null } | { ok: false; error: ParamError } {
  const value = raw[field]?.trim() || null;
  if (value === null) return required ? { ok: false, error: { code: "invalid_id", field, message: "Choose one." } } : { ok: true, id: null };
  return UUID.test(value) ? { ok: true, id: value.toLowerCase() } : { ok: false, error: { code: "invalid_id", field, message: "That is not an id this report knows." } };
}

export type OfferListParams = { programId: string | null; status: string | null; sort: OfferSort; direction: SortDirection };

/** The offer list's filters and order. Defaults: every programme and status, most awards first. */
export function readOfferListParams(raw: Raw): { ok: true; params: OfferListParams } | { ok: false; error: ParamError } {
  const program = readId(raw, "program", false);
  if (!program.ok) return program;
  const status = raw.status?.trim() || null;
  if (status !== null && !(STATUS_FILTERS as readonly string[]).includes(status)) return { ok: false, error: { code: "invalid_status", field: "status", message: "Choose a status from the list." } };
  const sort = raw.sort?.trim() || "awards";
  if (!(OFFER_SORTS as readonly string[]).includes(sort)) return { ok: false, error: { code: "invalid_sort", field: "sort", message: "Sort by one of the columns." } };
  const dir = raw.dir?.trim() || (sort === "name" ? "asc" : "desc");
  if (dir !== "asc" && dir !== "desc") return { ok: false, error: { code: "invalid_sort", field: "dir", message: "Sort ascending or descending." } };
  return { ok: true, params: { programId: program.id, status, sort: sort as OfferSort, direction: dir } };
}

/** The two offers of a comparison (either may be missing on the page, which then asks for them). */
export function readComparePair(raw: Raw): { ok: true; a: string | null; b: string | null } | { ok: false; error: ParamError } {
  const a = readId(raw, "a", false);
  if (!a.ok) return a;
  const b = readId(raw, "b", false);
  if (!b.ok) return b;
  if (a.id !== null && a.id === b.id) return { ok: false, error: { code: "same_offer", field: "b", message: "Choose two different offers." } };
  return { ok: true, a: a.id, b: b.id };
}

/** A 400 answer with the error's code, for the report routes. */
export function badRequest(error: ParamError | { code: string; field: string; message: string }): Response {
  return Response.json({ error: { code: error.code, message: error.message, details: { field: error.field } } }, { status: 400, headers: { "cache-control": "no-store" } });
}

/** The period a page shows: the one read from its URL, or (when that was bad) the default 30 days, so the form can be corrected. */
export function shownRange(range: ReportRange | null, now: Date, timeZone: string): ReportRange {
  if (range) return range;
  const fallback = parseReportRange({}, { now, timeZone });
  return fallback.ok ? fallback.range : { from: "", to: "", grain: "day" };
}
