import { currencyMinorDigits } from "@/lib/engine/decimal";

/**
 * Display helpers for points, money and rates. Amounts go to Intl.NumberFormat as exact decimal
 * strings or BigInts, never through a float, so totals above 2^53 print exactly.
 */

const grouped = new Intl.NumberFormat("en-GB");

/** 1234567 → "1,234,567". */
export function formatPoints(points: number | bigint): string {
  return grouped.format(points);
}

/** "1 pt" / "12,000 pts". */
export function pointsNoun(points: number | bigint): string {
  return `${formatPoints(points)} ${points === 1 || points === 1n ? "pt" : "pts"}`;
}

/** Minor units as an exact decimal string: (123456n, 2) → "1234.56"; (-5n, 3) → "-0.005". */
export function minorToDecimalString(minor: number | bigint, digits: number): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString();
  if (digits === 0) return (negative ? "-" : "") + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Money in minor units with the currency's symbol and thousands separators: (123456, "INR") → "₹1,234.56". */
export function formatMoney(minor: number | bigint, currency: string): string {
  let digits = 2;
  try {
    digits = currencyMinorDigits(currency);
  } catch {
    return `${minorToDecimalString(minor, digits)} ${currency}`;
  }
  const format = new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(minorToDecimalString(minor, digits) as `${number}`);
}

/** A numeric column's text without the padding zeros Postgres adds: "0.250000000000" → "0.25". */
export function trimDecimal(value: string): string {
  if (!value.includes(".")) return value;
  const trimmed = value.replace(/0+$/, "");
  return trimmed.endsWith(".") ? trimmed.slice(0, -1) : trimmed;
}

/** "1 pt = 0.25 INR". */
export function pointValue(pointsToCurrency: string, currency: string): string {
  return `1 pt = ${trimDecimal(pointsToCurrency)} ${currency}`;
}

/** Sums with BigInt so that a column total never loses precision. */
export function sumBig(values: readonly (number | bigint)[]): bigint {
  return values.reduce<bigint>((total, v) => total + BigInt(v), 0n);
}
