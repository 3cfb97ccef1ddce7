/**
 * Conversions between what a person types in the offer wizard and what the definition stores: money in
 * major units ("1,000.50") ↔ integer minor units, comma lists ↔ arrays, and a wall-clock date and
 * time in the programme's time zone ↔ an ISO date-time with its offset. String and BigInt math only:
 * an amount never passes through a float.
 */
import { currencyMinorDigits } from "@/lib/engine/decimal";

/** Minor-unit digits of a currency; 2 for a code that is not (yet) a valid ISO code. */
export function minorDigits(currency: string | undefined): number {
  try {
    return currencyMinorDigits((currency ?? "").trim());
  } catch {
    return 2;
  }
}

const MAJOR_RE = /^\d{1,15}(?:\.\d*)?$/;

/** Why a major-unit amount is not valid, or null: "1,000.50" with at most `digits` decimals. */
export function majorAmountProblem(text: string, digits: number): string | null {
  const plain = text.trim().replaceAll(",", "");
  if (!MAJOR_RE.test(plain)) return "Enter an amount such as 1,000.00.";
  const decimals = plain.split(".")[1] ?? "";
  if (decimals.length > digits) return digits === 0 ? "This currency has no decimals." : `At most ${digits} decimal places.`;
  return null;
}

/** "1,000.5" (2 digits) → 100050. Returns null when the text is not an amount; call majorAmountProblem for why. */
export function majorToMinor(text: string, digits: number): number | null {
  if (majorAmountProblem(text, digits) !== null) return null;
  const [int = "0", frac = ""] = text.trim().replaceAll(",", "").split(".");
  const minor = BigInt(int) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, "0") || "0");
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** 100050 (2 digits) → "1000.50"; what an input shows for a stored amount. */
export function minorToMajor(minor: number, digits: number): string {
  const abs = BigInt(Math.trunc(Math.abs(minor))).toString();
  const sign = minor < 0 ? "-" : "";
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** A whole number typed with optional thousands separators ("12,500"), or null. */
export function parseWhole(text: string): number | null {
  const plain = text.trim().replaceAll(",", "");
  if (!/^\d{1,15}$/.test(plain)) return null;
  return Number(plain);
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function joinList(values: unknown): string {
  return Array.isArray(values) ? values.filter((v) => typeof v === "string").join(", ") : "";
}

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(t / 1000) * 1000;
}

function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A datetime-local value ("2026-12-01T00:00") read in the programme's time zone, as an ISO date-time
 * with that zone's offset ("2026-12-01T00:00:00+05:30"); null when it is not a date and time.
 */
export function localToIso(local: string, timeZone: string): string | null {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  let offset = 0;
  try {
    offset = offsetAt(wall, timeZone);
    offset = offsetAt(wall - offset, timeZone);
  } catch {
    offset = 0;
  }
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${offsetText(offset)}`;
}

/** An ISO date-time as the wall-clock value of a datetime-local input in `timeZone`. */
export function isoToLocal(iso: unknown, timeZone: string): string {
  if (typeof iso !== "string") return "";
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  try {
    const wall = new Date(t + offsetAt(t, timeZone));
    return wall.toISOString().slice(0, 16);
  } catch {
    return iso.slice(0, 16);
  }
}

/** "UTC+05:30" for a time zone now, for hints. */
export function zoneOffsetLabel(timeZone: string, at = Date.now()): string {
  try {
    return `UTC${offsetText(offsetAt(at, timeZone))}`;
  } catch {
    return "UTC";
  }
}
