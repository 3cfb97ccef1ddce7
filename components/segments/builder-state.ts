/**
 * The segment builder's form state and its conversion to and from a definition (lib/segments). Money is
 * typed in major units and stored in minor units, through strings and BigInt only.
 */
import { majorAmountProblem, majorToMinor, minorDigits, minorToMajor } from "@/components/offers/convert";
import type { SegmentDefinition } from "@/lib/segments/definition";

export type BuilderAttribute = { key: string; op: "eq" | "neq" | "exists"; value: string };

export type BuilderState = {
  programId: string;
  tierIds: string[];
  spendOn: boolean;
  spendOp: "gte" | "lte";
  spendAmount: string;
  spendCurrency: string;
  windowKind: "last_months" | "months";
  lastMonths: string;
  fromMonth: string;
  toMonth: string;
  attributes: BuilderAttribute[];
};

export function initialState(d: SegmentDefinition, defaultCurrency: string): BuilderState {
  const spend = d.spend;
  const currency = spend?.currency ?? defaultCurrency;
  return {
    programId: d.programId ?? "",
    tierIds: d.tierIds ?? [],
    spendOn: spend !== undefined,
    spendOp: spend?.op ?? "gte",
    spendAmount: spend ? minorToMajor(spend.amount, minorDigits(currency)) : "",
    spendCurrency: currency,
    windowKind: spend?.window.kind ?? "last_months",
    lastMonths: spend?.window.kind === "last_months" ? String(spend.window.months) : "12",
    fromMonth: spend?.window.kind === "months" ? spend.window.from : "",
    toMonth: spend?.window.kind === "months" ? spend.window.to : "",
    attributes: (d.attributes ?? []).map((a) => ({ key: a.key, op: a.op, value: a.value ?? "" })),
  };
}

/** The definition the state describes, or the first problem a person must fix (shown next to the count). */
export function toDefinition(s: BuilderState): { ok: true; definition: SegmentDefinition } | { ok: false; problem: string } {
  const d: SegmentDefinition = {};
  if (s.programId) {
    d.programId = s.programId;
    if (s.tierIds.length > 0) d.tierIds = s.tierIds;
  }
  if (s.spendOn) {
    const digits = minorDigits(s.spendCurrency);
    const problem = majorAmountProblem(s.spendAmount, digits);
    if (problem) return { ok: false, problem: `Spend amount: ${problem}` };
    const amount = majorToMinor(s.spendAmount, digits)!;
    if (s.windowKind === "last_months") {
      const months = Number(s.lastMonths);
      if (!Number.isInteger(months) || months < 1 || months > 36) return { ok: false, problem: "The spend window is 1 to 36 months." };
      d.spend = { op: s.spendOp, amount, currency: s.spendCurrency, window: { kind: "last_months", months } };
    } else {
      if (!/^\d{4}-\d{2}$/.test(s.fromMonth) || !/^\d{4}-\d{2}$/.test(s.toMonth)) return { ok: false, problem: "Choose the first and last month of the spend window." };
      if (s.fromMonth > s.toMonth) return { ok: false, problem: "The first month must be on or before the last month." };
      d.spend = { op: s.spendOp, amount, currency: s.spendCurrency, window: { kind: "months", from: s.fromMonth, to: s.toMonth } };
    }
  }
  const attributes = [];
  for (const [i, a] of s.attributes.entries()) {
    if (!a.key.trim()) return { ok: false, problem: `Attribute condition ${i + 1}: name the attribute.` };
    if (a.op !== "exists" && !a.value.trim()) return { ok: false, problem: `Attribute condition ${i + 1}: give the value to compare with.` };
    attributes.push(a.op === "exists" ? { key: a.key.trim(), op: a.op } : { key: a.key.trim(), op: a.op, value: a.value.trim() });
  }
  if (attributes.length > 0) d.attributes = attributes;
  return { ok: true, definition: d };
}
