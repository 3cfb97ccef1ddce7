/**
 * Trackers: running aggregates of a member's activity over a window (spend, bill amount, line-item count,
 * quantity or price, visits), read by milestone offers and, later, tier rules.
 *
 * - transaction_amount: the purchase amount; with a line-item filter, the sum of the matching lines' amounts.
 * - gross_bill_amount: the bill before discounts (`grossAmount`, else `amount`); a line-item filter only gates.
 * - line_item_count / line_item_quantity / line_item_price: the number of lines, the sum of their
 *   quantities, the sum of their unit prices (matching lines only when a line-item filter is set).
 * - visits: 1 per qualifying transaction.
 * Only purchases count, and only those that pass the tracker's own filters.
 */
import { type CivilDate, localDate } from "../calendar";
import { EngineError } from "../errors";
import { type TrackerDefinition, trackerDefinitionSchema, type TrackerWindow } from "./definition-parts";
import { type CompiledFilters, compileFilters, lineMatches, matchTransaction, type NormalizedTransaction, normalizeTransaction } from "./filters";
import { safeAdd } from "./math";
import type { TransactionInput } from "./types";

export type CompiledTracker = {
  key: string;
  definition: TrackerDefinition;
  metric: TrackerDefinition["metric"];
  window: TrackerWindow;
  filters: CompiledFilters | null;
};

function parseTracker(def: TrackerDefinition): TrackerDefinition {
  const parsed = trackerDefinitionSchema.safeParse(def);
  if (!parsed.success) {
    throw new EngineError("invalid_tracker", parsed.error.issues.map((i) => i.message).join(" "));
  }
  return parsed.data;
}

/** Sorted keys, sorted de-duplicated string lists; empty lists and objects dropped except inside lineItems. */
function canonical(v: unknown, keepEmpty = false): unknown {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string")) return [...new Set(v as string[])].sort();
    return v.map((x) => canonical(x));
  }
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = canonical((v as Record<string, unknown>)[k], k === "lineItems");
      if (x === undefined) continue;
      if (!keepEmpty && Array.isArray(x) && x.length === 0) continue;
      if (k !== "lineItems" && x !== null && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 0) continue;
      out[k] = x;
    }
    return out;
  }
  return v;
}

/**
 * A stable key for a tracker: canonical JSON (sorted keys, sorted de-duplicated lists, codes normalised,
 * empty filter lists dropped since they mean "any"), so two definitions that track the same thing share
 * one key. A line-item filter is kept even when its lists are empty: it still requires line items.
 */
export function trackerKey(def: TrackerDefinition): string {
  return `tracker:${JSON.stringify(canonical(parseTracker(def)))}`;
}

export function compileTracker(def: TrackerDefinition, context: { homeCountry: string }): CompiledTracker {
  const d = parseTracker(def);
  return {
    key: trackerKey(d),
    definition: d,
    metric: d.metric,
    window: d.window,
    filters: d.filters ? compileFilters(d.filters, context.homeCountry) : null,
  };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const year4 = (y: number) => (y >= 0 && y < 10000 ? String(y).padStart(4, "0") : String(y));

/** The period key of a local date: "2026-11" (month), "2026-Q4" (quarter), "2026" (year), "rolling". */
export function periodKeyOfDate(window: TrackerWindow, date: CivilDate): string {
  switch (window.kind) {
    case "calendar_month":
      return `${year4(date.year)}-${pad2(date.month)}`;
    case "calendar_quarter":
      return `${year4(date.year)}-Q${Math.floor((date.month - 1) / 3) + 1}`;
    case "calendar_year":
      return year4(date.year);
    case "rolling_days":
      return "rolling";
  }
}

/**
 * The tracker period an instant falls in, in the programme's time zone. For a rolling window the key is
 * always "rolling" and the caller supplies the value over the window ending before the transaction.
 */
export function periodKey(window: TrackerWindow, occurredAt: Date, timeZone: string): string {
  if (window.kind === "rolling_days") return "rolling";
  return periodKeyOfDate(window, localDate(occurredAt, timeZone));
}

export const dayKey = (d: CivilDate) => `${year4(d.year)}-${pad2(d.month)}-${pad2(d.day)}`;
export const monthKey = (d: CivilDate) => `${year4(d.year)}-${pad2(d.month)}`;
export const yearKey = (d: CivilDate) => year4(d.year);

/** What one normalised transaction adds to a tracker (0 when it does not qualify). */
export function measureNormalized(t: CompiledTracker, tx: NormalizedTransaction): number {
  if (tx.src.type !== "purchase") return 0;
  const f = t.filters;
  if (f !== null && matchTransaction(f, tx) !== null) return 0;
  const lf = f?.lineItems ?? null;
  switch (t.metric) {
    case "visits":
      return 1;
    case "gross_bill_amount":
      return tx.src.grossAmount ?? tx.amount;
    case "transaction_amount":
      if (lf === null) return tx.amount;
      break;
    default:
      break;
  }
  const lines = tx.lines;
  if (lines === null) return 0;
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (lf !== null && !lineMatches(lf, line)) continue;
    switch (t.metric) {
      case "transaction_amount":
        total = safeAdd(total, line.amount);
        break;
      case "line_item_count":
        total += 1;
        break;
      case "line_item_quantity":
        total = safeAdd(total, line.quantity);
        break;
      case "line_item_price":
        total = safeAdd(total, line.unitPrice);
        break;
      default:
        break;
    }
  }
  return total;
}

/**
 * What a purchase adds to a tracker; a refund adds 0. A reversal use case can measure the original
 * purchase to know what to take back.
 */
export function measureTransaction(t: CompiledTracker, tx: TransactionInput): number {
  return measureNormalized(t, normalizeTransaction(tx));
}
