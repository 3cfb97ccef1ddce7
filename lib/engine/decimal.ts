import { EngineError } from "./errors";

/** Exact, non-negative decimal: value = units / 10^scale. */
export type Decimal = { units: bigint; scale: number };

export type Rounding = "half_even" | "floor" | "half_up";

export const MAX_DECIMAL_SCALE = 12;

const DECIMAL_RE = /^(\d+)(?:\.(\d{1,12}))?$/;

/** Parses "0.25", "1", "0.0035"... (no sign, no exponent, at most 12 fractional digits). */
export function parseDecimal(s: string): Decimal {
  const m = typeof s === "string" ? DECIMAL_RE.exec(s) : null;
  if (!m) throw new EngineError("invalid_decimal", `Not a non-negative decimal: ${JSON.stringify(s)}`);
  const frac = m[2] ?? "";
  return { units: BigInt(m[1] + frac), scale: frac.length };
}

/** numerator / denominator rounded as asked (denominator > 0). floor is toward -∞; half_up is half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator <= 0n) throw new EngineError("invalid_denominator");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let q = abs / denominator;
  const r = abs % denominator;
  if (r !== 0n) {
    const twice = r * 2n;
    switch (rounding) {
      case "floor":
        if (negative) q += 1n;
        break;
      case "half_up":
        if (twice >= denominator) q += 1n;
        break;
      case "half_even":
        if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
        break;
      default:
        throw new EngineError("invalid_rounding", `Unknown rounding: ${String(rounding)}`);
    }
  }
  return negative ? -q : q;
}

export function assertSafeInteger(n: number, code = "invalid_points"): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new EngineError(code, `Not a safe integer: ${String(n)}`);
  }
}

/**
 * points × ratio, in minor units of a currency with `minorDigits` digits, rounded as asked.
 * 7 points × "0.25" with 2 minor digits → 175. Money defaults to half_even.
 */
export function multiplyToMinorUnits(points: number, ratio: string, minorDigits: number, rounding: Rounding): number {
  assertSafeInteger(points);
  const result = pointsToMinorUnits(BigInt(points), ratio, minorDigits, rounding);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new EngineError("amount_out_of_range", "The amount is too large to represent exactly.");
  }
  return Number(result);
}

// ISO 4217 exponents that are not 2.
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** ISO 4217 minor-unit exponent of a currency code ("JPY" → 0, "INR" → 2, "KWD" → 3). */
export function currencyMinorDigits(currency: string): number {
  if (typeof currency !== "string" || !/^[A-Za-z]{3}$/.test(currency)) {
    throw new EngineError("invalid_currency", `Not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  }
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/** Minor units as a plain decimal string for display: (175, "INR") → "1.75"; (-5, "KWD") → "-0.005"; (175, "JPY") → "175". */
export function formatMinorUnits(minor: number, currency: string): string {
  assertSafeInteger(minor, "invalid_amount");
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * Points × a points-to-currency ratio in minor units, on BigInts (report totals can pass 2^53), rounded
 * once: the value of a programme's outstanding points, or of an offer's awards.
 */
export function pointsToMinorUnits(points: bigint, ratio: string, minorDigits: number, rounding: Rounding): bigint {
  if (!Number.isSafeInteger(minorDigits) || minorDigits < 0 || minorDigits > MAX_DECIMAL_SCALE) {
    throw new EngineError("invalid_minor_digits", `Minor digits must be 0–${MAX_DECIMAL_SCALE}: ${minorDigits}`);
  }
  const { units, scale } = parseDecimal(ratio);
  return divideRounded(points * units * 10n ** BigInt(minorDigits), 10n ** BigInt(scale), rounding);
}

/** part ÷ whole as a percentage with one decimal ("12.3%"), exact (half-even); null when whole ≤ 0. */
export function formatShare(part: bigint, whole: bigint): string | null {
  if (whole <= 0n) return null;
  const tenths = divideRounded(part * 1000n, whole, "half_even");
  const sign = tenths < 0n ? "-" : "";
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${abs / 10n}.${abs % 10n}%`;
}
