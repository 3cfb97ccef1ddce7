/** Text for explanations, narrations and summaries: exact decimals, grouped digits, currency symbols. */
import { currencyMinorDigits } from "../decimal";
import type { Rounding } from "../decimal";
import { decimalText } from "./math";

/** "1234567.5" → "1,234,567.5" */
export function groupDigits(plain: string): string {
  const dot = plain.indexOf(".");
  const intLength = dot < 0 ? plain.length : dot;
  if (intLength <= 3) return plain;
  const first = intLength % 3 || 3;
  let out = plain.slice(0, first);
  for (let i = first; i < intLength; i += 3) out += `,${plain.slice(i, i + 3)}`;
  return dot < 0 ? out : out + plain.slice(dot);
}

export const formatCount = (n: number) => groupDigits(String(n));

const symbols = new Map<string, string>();

function currencyPrefix(currency: string): string {
  let s = symbols.get(currency);
  if (s === undefined) {
    try {
      const parts = new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "narrowSymbol" }).formatToParts(0);
      s = parts.find((p) => p.type === "currency")?.value ?? currency;
    } catch {
      s = currency;
    }
    if (/^[A-Za-z]+$/.test(s)) s += " ";
    symbols.set(currency, s);
  }
  return s;
}

const digitsCache = new Map<string, number>();

function digitsOf(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = currencyMinorDigits(currency);
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

/** Minor units as money text with its symbol: (250000, "INR") → "₹2,500.00". */
export function formatMoney(minor: number, currency: string): string {
  const digits = digitsOf(currency);
  return currencyPrefix(currency) + groupDigits(decimalText(minor, digits, digits));
}

const moneyFormatters = new Map<string, (minor: number) => string>();

/** A cached formatMoney bound to one currency (no closure per call on the hot path). */
export function moneyFormatter(currency: string): (minor: number) => string {
  let f = moneyFormatters.get(currency);
  if (f === undefined) {
    // A small direct-mapped memo: an evaluation formats the same few amounts for many outcomes.
    const keys = new Array<number>(16).fill(Number.NaN);
    const texts = new Array<string>(16).fill("");
    f = (minor: number) => {
      const slot = minor & 15;
      if (keys[slot] !== minor) {
        texts[slot] = formatMoney(minor, currency);
        keys[slot] = minor;
      }
      return texts[slot]!;
    };
    moneyFormatters.set(currency, f);
  }
  return f;
}

/** Minor units as a grouped decimal without symbol: (250000, "INR") → "2,500.00". */
export function formatAmount(minor: number, currency: string): string {
  const digits = digitsOf(currency);
  return groupDigits(decimalText(minor, digits, digits));
}

/** An exact fraction of minor units (numerator / 10^scale) as money: 1.485 paise → "₹0.01485". */
export function formatExactMoney(numerator: number | bigint, scale: number, currency: string): string {
  const digits = digitsOf(currency);
  return currencyPrefix(currency) + groupDigits(decimalText(numerator, scale + digits, digits));
}

/** An amount in minor units, or a plain grouped number when the currency is unknown. */
export function formatMaybeMoney(minor: number, currency: string | null): string {
  return currency ? formatMoney(minor, currency) : `${formatCount(minor)} (minor units)`;
}

export function roundingWords(r: Rounding): string {
  switch (r) {
    case "floor":
      return "rounded down";
    case "half_up":
      return "rounded half up";
    case "half_even":
      return "rounded half to even";
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The local date written in an ISO date-time with offset: "2026-12-01T00:00:00+05:30" → "1 Dec 2026". */
export function formatIsoDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
