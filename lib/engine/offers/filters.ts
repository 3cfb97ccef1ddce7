/** Transaction and member conditions, precompiled into Sets so that matching allocates nothing. */
import { assertValidDate } from "../calendar";
import { EngineError } from "../errors";
import type { MemberFilters, TransactionFilters } from "./definition-parts";
import type { LineItemInput, MemberContext, SkipReason, TransactionInput } from "./types";

export type CompiledLineItemFilter = { skus: ReadonlySet<string> | null; categories: ReadonlySet<string> | null };

export type CompiledFilters = {
  types: ReadonlySet<string> | null;
  channels: ReadonlySet<string> | null;
  merchantIds: ReadonlySet<string> | null;
  mccs: ReadonlySet<string> | null;
  categories: ReadonlySet<string> | null;
  countries: ReadonlySet<string> | null;
  international: boolean | null;
  minAmount: number | null;
  currency: string | null;
  lineItems: CompiledLineItemFilter | null;
  homeCountry: string;
};

const setOf = (xs: readonly string[] | undefined, norm?: (s: string) => string): ReadonlySet<string> | null =>
  xs && xs.length > 0 ? new Set(norm ? xs.map(norm) : xs) : null;
const lower = (s: string) => s.trim().toLowerCase();
const upper = (s: string) => s.trim().toUpperCase();

export function compileFilters(f: TransactionFilters | undefined, homeCountry: string): CompiledFilters {
  return {
    types: setOf(f?.types),
    channels: setOf(f?.channels, lower),
    merchantIds: setOf(f?.merchantIds),
    mccs: setOf(f?.mccs),
    categories: setOf(f?.categories, lower),
    countries: setOf(f?.countries, upper),
    international: f?.international ?? null,
    minAmount: f?.minAmount ?? null,
    currency: f?.currency ? upper(f.currency) : null,
    lineItems: f?.lineItems
      ? { skus: setOf(f.lineItems.skus), categories: setOf(f.lineItems.categories, lower) }
      : null,
    homeCountry: upper(homeCountry),
  };
}

/** A line item with its category lower-cased once. */
export type NormalizedLine = LineItemInput & { categoryKey: string | null };

/** A transaction validated and normalised once per evaluation (codes upper-cased, names lower-cased). */
export type NormalizedTransaction = {
  src: TransactionInput;
  occurredMs: number;
  amount: number;
  currency: string;
  channel: string | null;
  merchantId: string | null;
  mcc: string | null;
  category: string | null;
  country: string | null;
  lines: NormalizedLine[] | null;
};

const nonNegativeInt = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;

function invalid(message: string): EngineError {
  return new EngineError("invalid_transaction", message);
}

export function normalizeTransaction(tx: TransactionInput): NormalizedTransaction {
  if (!tx || (tx.type !== "purchase" && tx.type !== "refund")) throw invalid("A transaction is a purchase or a refund.");
  if (!nonNegativeInt(tx.amount)) throw invalid("The amount must be a whole, non-negative number of minor units.");
  if (tx.grossAmount !== undefined && !nonNegativeInt(tx.grossAmount)) throw invalid("The gross amount must be a whole, non-negative number of minor units.");
  if (typeof tx.currency !== "string" || !/^[A-Za-z]{3}$/.test(tx.currency)) throw invalid("The currency must be a three-letter ISO code.");
  let occurredMs: number;
  try {
    occurredMs = assertValidDate(tx.occurredAt);
  } catch {
    throw invalid("The transaction time is not a valid date.");
  }
  let lines: NormalizedLine[] | null = null;
  if (tx.lineItems && tx.lineItems.length > 0) {
    lines = tx.lineItems.map((l, i) => {
      if (!l || typeof l.sku !== "string") throw invalid(`Line item ${i + 1} needs a SKU.`);
      if (!nonNegativeInt(l.quantity) || !nonNegativeInt(l.unitPrice) || !nonNegativeInt(l.amount)) {
        throw invalid(`Line item ${i + 1}: quantity, unit price and amount must be whole, non-negative numbers.`);
      }
      return { ...l, categoryKey: l.category ? lower(l.category) : null };
    });
  }
  return {
    src: tx,
    occurredMs,
    amount: tx.amount,
    currency: tx.currency.toUpperCase(),
    channel: tx.channel ? lower(tx.channel) : null,
    merchantId: tx.merchantId ?? null,
    mcc: tx.mcc ?? null,
    category: tx.category ? lower(tx.category) : null,
    country: tx.country ? upper(tx.country) : null,
    lines,
  };
}

export function lineMatches(f: CompiledLineItemFilter, line: NormalizedLine): boolean {
  if (f.skus !== null && !f.skus.has(line.sku)) return false;
  if (f.categories !== null && (line.categoryKey === null || !f.categories.has(line.categoryKey))) return false;
  return true;
}

export function hasMatchingLine(f: CompiledLineItemFilter, lines: NormalizedLine[] | null): boolean {
  if (lines === null) return false;
  for (let i = 0; i < lines.length; i++) if (lineMatches(f, lines[i]!)) return true;
  return false;
}

/** The first condition the transaction fails, or null when it qualifies. */
export function matchTransaction(f: CompiledFilters, tx: NormalizedTransaction): SkipReason | null {
  if (f.types !== null && !f.types.has(tx.src.type)) return "filter_type";
  if (f.currency !== null && tx.currency !== f.currency) return "filter_currency";
  if (f.minAmount !== null && tx.amount < f.minAmount) return "filter_min_amount";
  if (f.channels !== null && (tx.channel === null || !f.channels.has(tx.channel))) return "filter_channel";
  if (f.merchantIds !== null && (tx.merchantId === null || !f.merchantIds.has(tx.merchantId))) return "filter_merchant";
  if (f.mccs !== null && (tx.mcc === null || !f.mccs.has(tx.mcc))) return "filter_mcc";
  if (f.categories !== null && (tx.category === null || !f.categories.has(tx.category))) return "filter_category";
  if (f.countries !== null && (tx.country === null || !f.countries.has(tx.country))) return "filter_country";
  if (f.international !== null && (tx.country === null || (tx.country !== f.homeCountry) !== f.international)) return "filter_international";
  if (f.lineItems !== null && !hasMatchingLine(f.lineItems, tx.lines)) return "no_matching_line_items";
  return null;
}

type AttributeCondition = { key: string; op: "eq" | "neq" | "in"; values: ReadonlySet<string> };

export type CompiledMemberFilters = {
  tierIds: ReadonlySet<string> | null;
  enrolledProgramIds: readonly string[];
  attributes: readonly AttributeCondition[];
  /** The member must be in one of these saved segments; null: any member. */
  segmentIds: ReadonlySet<string> | null;
};

export function compileMemberFilters(f: MemberFilters | undefined): CompiledMemberFilters | null {
  if (!f) return null;
  const compiled: CompiledMemberFilters = {
    tierIds: setOf(f.tierIds),
    enrolledProgramIds: f.enrolledProgramIds ?? [],
    attributes: (f.attributes ?? []).map((a) => ({ key: a.key, op: a.op, values: new Set(a.values) })),
    segmentIds: setOf(f.segmentIds),
  };
  if (compiled.tierIds === null && compiled.enrolledProgramIds.length === 0 && compiled.attributes.length === 0 && compiled.segmentIds === null) return null;
  return compiled;
}

function inAnySegment(wanted: ReadonlySet<string>, memberSegments: readonly string[] | undefined): boolean {
  if (!memberSegments) return false;
  for (let i = 0; i < memberSegments.length; i++) if (wanted.has(memberSegments[i]!)) return true;
  return false;
}

/**
 * The first member condition not met, or null. The tier is the member's tier in `programId` (the offer's
 * programme); the member must be enrolled in every listed programme; a missing attribute is not equal
 * to anything (so it passes "neq" and fails "eq" and "in"); with segments, the member must be in one of them.
 */
export function matchMember(f: CompiledMemberFilters, member: MemberContext, programId: string): SkipReason | null {
  if (f.tierIds !== null) {
    const tier = member.tierIdByProgram[programId];
    if (tier === undefined || !f.tierIds.has(tier)) return "member_tier";
  }
  for (let i = 0; i < f.enrolledProgramIds.length; i++) {
    if (!member.programIds.includes(f.enrolledProgramIds[i]!)) return "member_programs";
  }
  for (let i = 0; i < f.attributes.length; i++) {
    const c = f.attributes[i]!;
    const v = member.attributes[c.key];
    const hit = v !== undefined && c.values.has(v);
    if (c.op === "neq" ? hit : !hit) return "member_attribute";
  }
  if (f.segmentIds !== null && !inAnySegment(f.segmentIds, member.segmentIds)) return "member_segment";
  return null;
}
