/**
 * Exact integer arithmetic of the offer engine. Rates are percentages with at most 6 decimal places, so
 * every rate is an integer number of "micro-percent" (rate × 10^6) and every rule result is an exact
 * fraction over RULE_DEN = 10^8 (100 % × 10^6). Number math is used while every product stays below
 * 2^53; past that the same sums continue in BigInt. Nothing here uses floating-point fractions.
 */
import { divideRounded, parseDecimal, type Rounding } from "../decimal";
import { EngineError } from "../errors";

export const RULE_DEN = 100_000_000;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const RULE_DEN_BIG = BigInt(RULE_DEN);
const MAX = Number.MAX_SAFE_INTEGER;

export const PERCENT_RE = /^\d{1,3}(?:\.\d{1,6})?$/;

/** "1.5" → 1,500,000 (the rate × 10^6). The caller checks the format with PERCENT_RE. */
export function percentToMicro(rate: string): number {
  const m = PERCENT_RE.exec(rate);
  if (!m) throw new EngineError("invalid_rate", `Not a percentage with at most 6 decimal places: ${JSON.stringify(rate)}`);
  const [int, frac = ""] = rate.split(".");
  return Number(int) * 1_000_000 + Number(frac.padEnd(6, "0"));
}

/** floor / half_up / half_even of n ÷ d for safe integers n ≥ 0, d > 0, in Number math (exact). */
export function roundDivNumber(n: number, d: number, rounding: Rounding): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (r === 0 || rounding === "floor") return q;
  const twice = r * 2;
  if (rounding === "half_up") return twice >= d ? q + 1 : q;
  return twice > d || (twice === d && q % 2 === 1) ? q + 1 : q;
}

export function toSafeNumber(v: bigint): number {
  if (v > BigInt(MAX) || v < -BigInt(MAX)) {
    throw new EngineError("amount_out_of_range", "The value is too large to represent exactly.");
  }
  return Number(v);
}

/**
 * An exact non-negative sum of products a × b (safe integers), kept in a Number until it would pass
 * 2^53, then in a BigInt. One instance is reused by the evaluator (evaluation is synchronous).
 */
export class ExactSum {
  n = 0;
  big: bigint | null = null;

  reset(): this {
    this.n = 0;
    this.big = null;
    return this;
  }

  add(a: number, b: number): void {
    if (this.big === null) {
      const p = a * b; // a float product ≥ 2^53 whenever the exact product exceeds MAX
      if (p <= MAX) {
        const s = this.n + p;
        if (s <= MAX) {
          this.n = s;
          return;
        }
      }
      this.big = BigInt(this.n);
    }
    this.big += BigInt(a) * BigInt(b);
  }

  isZero(): boolean {
    return this.big === null ? this.n === 0 : this.big === 0n;
  }

  /** The sum as a bigint numerator. */
  value(): bigint {
    return this.big ?? BigInt(this.n);
  }

  /** The sum ÷ RULE_DEN, rounded. */
  rounded(rounding: Rounding): number {
    if (this.big === null) return roundDivNumber(this.n, RULE_DEN, rounding);
    return toSafeNumber(divideRounded(this.big, RULE_DEN_BIG, rounding));
  }
}

/** An exact positive decimal factor (a partner conversion): value = units / 10^scale. */
export type Factor = { text: string; units: number; den: number; unitsBig: bigint; denBig: bigint };

export function parseFactor(text: string, code: string, what: string): Factor {
  let d;
  try {
    d = parseDecimal(text);
  } catch {
    throw new EngineError(code, `${what} must be a positive decimal such as 0.5: ${JSON.stringify(text)}`);
  }
  if (d.units === 0n) throw new EngineError(code, `${what} must be above zero.`);
  if (d.units > BigInt(MAX)) throw new EngineError(code, `${what} has too many digits.`);
  const den = 10n ** BigInt(d.scale);
  return { text, units: Number(d.units), den: Number(den), unitsBig: d.units, denBig: den };
}

/** round(value × factor) for a safe integer value ≥ 0. */
export function multiplyFactor(value: number, f: Factor, rounding: Rounding): number {
  const p = value * f.units;
  if (p <= MAX) return roundDivNumber(p, f.den, rounding);
  return toSafeNumber(divideRounded(BigInt(value) * f.unitsBig, f.denBig, rounding));
}

/** Exact decimal text of numerator / 10^scale for numerator ≥ 0, trailing zeros dropped but at least minFrac digits. */
export function decimalText(numerator: bigint | number, scale: number, minFrac = 0): string {
  if (typeof numerator === "number" && numerator >= 0 && scale <= 15) {
    // Number fast path: exact, since numerator < 2^53 and den is a power of ten.
    const den = POW10[scale]!;
    const frac = numerator % den;
    const int = (numerator - frac) / den;
    if (frac === 0 && minFrac === 0) return String(int);
    let f = frac === 0 ? "" : String(frac);
    if (f.length > 0 && f.length < scale) f = "0".repeat(scale - f.length) + f;
    const keep = minFrac < scale ? minFrac : scale;
    let end = f.length;
    while (end > keep && f.charCodeAt(end - 1) === 48) end--;
    if (end < f.length) f = f.slice(0, end);
    if (f.length < minFrac) f += "0".repeat(minFrac - f.length);
    return f.length > 0 ? `${int}.${f}` : String(int);
  }
  let digits = String(numerator);
  if (scale === 0) return minFrac > 0 ? `${digits}.${"0".repeat(minFrac)}` : digits;
  if (digits.length <= scale) digits = "0".repeat(scale + 1 - digits.length) + digits;
  const cut = digits.length - scale;
  const keep = cut + (minFrac < scale ? minFrac : scale);
  let end = digits.length;
  while (end > keep && digits.charCodeAt(end - 1) === 48) end--;
  const int = digits.slice(0, cut);
  let frac = digits.slice(cut, end);
  if (frac.length < minFrac) frac = frac.padEnd(minFrac, "0");
  return frac.length > 0 ? `${int}.${frac}` : int;
}

/** Adds two safe integers, failing instead of losing precision. */
export function safeAdd(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new EngineError("amount_out_of_range", "The value is too large to represent exactly.");
  return s;
}
