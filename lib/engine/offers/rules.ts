/**
 * Calculation rules: flat, percentage, slab. A rule turns an amount (minor units) into an exact base
 * value over RULE_DEN, rounded once at the end.
 *
 * - flat: the value, once per application (per transaction, per event, or per matching line item).
 * - percentage: rate % of the amount in minor units (1 % of 250,000 paise = 2,500 points), then the
 *   optional capPerTransaction, in base units.
 * - slab "whole": the band with from ≤ amount < to applies to the whole amount (its flat value, or its
 *   rate × the whole amount). An amount below the first band or at/above a closed last band earns nothing.
 * - slab "banded": each rate band earns its rate on the part of the amount inside it
 *   (min(amount, to) − from); a flat band adds its value once the amount reaches it (amount ≥ from, > 0).
 *   The parts are summed exactly and rounded once.
 */
import type { Rounding } from "../decimal";
import type { CalculationRule } from "./definition-parts";
import { type ExactSum, percentToMicro, RULE_DEN } from "./math";
import { roundingWords } from "./format";

export type CompiledBand = { from: number; to: number; value: number | null; micro: number; rate: string | null };

export type CompiledRule =
  | { kind: "flat"; value: number }
  | { kind: "percentage"; micro: number; rate: string; cap: number | null }
  | { kind: "slab"; mode: "whole" | "banded"; bands: readonly CompiledBand[] };

export function compileRule(rule: CalculationRule): CompiledRule {
  switch (rule.kind) {
    case "flat":
      return { kind: "flat", value: rule.value };
    case "percentage":
      return { kind: "percentage", micro: percentToMicro(rule.rate), rate: rule.rate, cap: rule.capPerTransaction ?? null };
    case "slab":
      return {
        kind: "slab",
        mode: rule.mode,
        bands: rule.bands.map((b) => ({
          from: b.from,
          to: b.to ?? Infinity,
          value: b.value ?? null,
          micro: b.rate !== undefined ? percentToMicro(b.rate) : 0,
          rate: b.rate ?? null,
        })),
      };
  }
}

function wholeBand(bands: readonly CompiledBand[], amount: number): CompiledBand | null {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (amount >= b.from && amount < b.to) return b;
  }
  return null;
}

/** Adds the rule's exact result for one amount to `acc` (a numerator over RULE_DEN). Allocates nothing. */
export function accumulateRule(rule: CompiledRule, amount: number, acc: ExactSum): void {
  switch (rule.kind) {
    case "flat":
      acc.add(rule.value, RULE_DEN);
      return;
    case "percentage":
      acc.add(amount, rule.micro);
      return;
    case "slab": {
      const bands = rule.bands;
      if (rule.mode === "whole") {
        const b = wholeBand(bands, amount);
        if (b === null) return;
        if (b.value !== null) acc.add(b.value, RULE_DEN);
        else acc.add(amount, b.micro);
        return;
      }
      for (let i = 0; i < bands.length; i++) {
        const b = bands[i]!;
        if (b.value !== null) {
          if (amount >= b.from && amount > 0) acc.add(b.value, RULE_DEN);
        } else if (amount > b.from) {
          acc.add((amount < b.to ? amount : b.to) - b.from, b.micro);
        }
      }
    }
  }
}

/** How values and amounts are written in an explanation. */
export type ExplainUnits = {
  /** An amount the rule reads (money in minor units, or a tracker count). */
  amount: (n: number) => string;
  /** A rounded result: "37 points", "₹25.00 cashback", "1 voucher". */
  whole: (n: number) => string;
  /** An exact result, numerator over 10^8: "37.5", "₹0.01485". */
  exact: (numerator: number | bigint) => string;
};

/** One step of a rule: its text and exact result (numerator over RULE_DEN; a bigint only past 2^53). */
type Piece = { text: string; numerator: number | bigint; flat: number | null };
const DEN_BIG = BigInt(RULE_DEN);
const MAX = Number.MAX_SAFE_INTEGER;

function product(a: number, b: number): number | bigint {
  const p = a * b;
  return p <= MAX ? p : BigInt(a) * BigInt(b);
}

function sum(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number" && a + b <= MAX) return a + b;
  return BigInt(a) + BigInt(b);
}

const isWhole = (n: number | bigint) => (typeof n === "number" ? n % RULE_DEN === 0 : n % DEN_BIG === 0n);

const bandTexts = new WeakMap<CompiledBand, Map<(n: number) => string, string>>();

/** "₹0.00 to under ₹1,000.00", memoised per band and amount formatter. */
function bandText(b: CompiledBand, u: ExplainUnits): string {
  let byFormat = bandTexts.get(b);
  if (byFormat === undefined) {
    byFormat = new Map();
    bandTexts.set(b, byFormat);
  }
  let text = byFormat.get(u.amount);
  if (text === undefined) {
    text = b.to === Infinity ? `${u.amount(b.from)} and above` : `${u.amount(b.from)} to under ${u.amount(b.to)}`;
    if (byFormat.size < 16) byFormat.set(u.amount, text);
  }
  return text;
}
const flatPiece = (text: string, value: number): Piece => ({ text, numerator: product(value, RULE_DEN), flat: value });

function rulePieces(rule: CompiledRule, amount: number, u: ExplainUnits): Piece[] {
  switch (rule.kind) {
    case "flat":
      return [flatPiece("flat", rule.value)];
    case "percentage":
      return [{ text: `${rule.rate} % of ${u.amount(amount)}`, numerator: product(amount, rule.micro), flat: null }];
    case "slab": {
      if (rule.mode === "whole") {
        const b = wholeBand(rule.bands, amount);
        if (b === null) return [];
        const head = `${u.amount(amount)} is in the band ${bandText(b, u)}: `;
        if (b.value !== null) return [flatPiece(`${head}flat`, b.value)];
        return [{ text: `${head}${b.rate} % of ${u.amount(amount)}`, numerator: product(amount, b.micro), flat: null }];
      }
      const pieces: Piece[] = [];
      for (const b of rule.bands) {
        if (b.value !== null) {
          if (amount >= b.from && amount > 0) pieces.push(flatPiece(`band ${bandText(b, u)}: flat`, b.value));
        } else if (amount > b.from) {
          const part = Math.min(amount, b.to) - b.from;
          pieces.push({ text: `band ${bandText(b, u)}: ${b.rate} % of ${u.amount(part)}`, numerator: product(part, b.micro), flat: null });
        }
      }
      return pieces;
    }
  }
}

function pieceLine(p: Piece, label: string, u: ExplainUnits): string {
  return p.flat !== null ? `${label}${p.text} ${u.whole(p.flat)}` : `${label}${p.text} = ${u.exact(p.numerator)}`;
}

function ending(total: number | bigint, result: number, rounding: Rounding, u: ExplainUnits): string {
  return isWhole(total) ? u.whole(result) : `${u.exact(total)} → ${u.whole(result)} (${roundingWords(rounding)})`;
}

/**
 * Plain-language steps of a rule over one amount, or over matching line items (labelled), appended to
 * `out` and ending with the rounded result: "1.5 % of ₹2,500.00 = 37.5 → 37 points (rounded down)".
 */
export function explainRule(
  rule: CompiledRule,
  amounts: number | readonly { label: string; amount: number }[],
  rounding: Rounding,
  result: number,
  u: ExplainUnits,
  out: string[],
): void {
  if (typeof amounts === "number") {
    // The common cases, without intermediate pieces.
    if (rule.kind === "flat") {
      out.push(`flat ${u.whole(rule.value)}`);
      return;
    }
    if (rule.kind === "percentage") {
      out.push(`${rule.rate} % of ${u.amount(amounts)} = ${ending(product(amounts, rule.micro), result, rounding, u)}`);
      return;
    }
  }
  const list = typeof amounts === "number" ? [{ label: "", amount: amounts }] : amounts;
  const pieces: Piece[] = [];
  const labels: string[] = [];
  let total: number | bigint = 0;
  for (const { label, amount } of list) {
    for (const p of rulePieces(rule, amount, u)) {
      total = sum(total, p.numerator);
      pieces.push(p);
      labels.push(label ? `${label}: ` : "");
    }
  }
  if (pieces.length === 1) {
    const only = pieces[0]!;
    out.push(only.flat !== null ? pieceLine(only, labels[0]!, u) : `${labels[0]}${only.text} = ${ending(total, result, rounding, u)}`);
    return;
  }
  if (pieces.length === 0) {
    const outside = list.length === 1 ? `${u.amount(list[0]!.amount)} is outside every band` : "no amount earns";
    out.push(`${outside} = ${u.whole(result)}`);
    return;
  }
  for (let i = 0; i < pieces.length; i++) out.push(pieceLine(pieces[i]!, labels[i]!, u));
  out.push(`total ${ending(total, result, rounding, u)}`);
}
