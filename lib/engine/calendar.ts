import { EngineError } from "./errors";

/** A calendar date with no time zone: month 1–12, day 1–31. */
export type CivilDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm; no Date quirks). */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return civilFromDays(daysFromCivil(date) + n);
}

/** Adds calendar months, clamping the day to the target month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const total = date.year * 12 + (date.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return daysFromCivil(a) - daysFromCivil(b);
}

type LocalParts = CivilDate & { hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone, hourCycle: "h23", era: "short",
        year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
      });
    } catch {
      throw new EngineError("invalid_time_zone", `Unknown time zone: ${JSON.stringify(timeZone)}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offsets (local time minus UTC) of each time zone per 15-minute window of time, for the windows in
 * which the offset does not change (null for a window with a transition in it). Every transaction
 * asks for local dates several times, and Intl formatting is slow, so localParts works out most of
 * them by arithmetic. A deterministic memo of Intl's answers: no clock, no I/O.
 */
const OFFSET_WINDOW_MS = 15 * 60_000;
const OFFSET_WINDOWS_KEPT = 20_000;
const offsetWindows = new Map<string, Map<number, number | null>>();

/** Wall-clock date and time (to the second) of an instant in an IANA time zone. */
export function localParts(instantMs: number, timeZone: string): LocalParts {
  if (!(Math.abs(instantMs) <= MAX_DATE_MS)) throw new EngineError("invalid_date", "The date is out of range.");
  if (instantMs < 0) return formatLocalParts(instantMs, timeZone); // before 1970: seconds-precise historic offsets, eras
  const window = Math.floor(instantMs / OFFSET_WINDOW_MS);
  let offset = offsetWindows.get(timeZone)?.get(window);
  if (offset === undefined) {
    const start = window * OFFSET_WINDOW_MS;
    const first = offsetAt(start, timeZone); // throws for an unknown time zone, before anything is kept
    offset = first === offsetAt(start + OFFSET_WINDOW_MS - 1000, timeZone) ? first : null;
    let windows = offsetWindows.get(timeZone);
    if (!windows) offsetWindows.set(timeZone, (windows = new Map()));
    if (windows.size >= OFFSET_WINDOWS_KEPT) windows.clear();
    windows.set(window, offset);
  }
  if (offset === null) return formatLocalParts(instantMs, timeZone);
  const wall = Math.floor(instantMs / 1000) * 1000 + offset;
  const days = Math.floor(wall / DAY_MS);
  const seconds = (wall - days * DAY_MS) / 1000;
  return { ...civilFromDays(days), hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
}

/** localParts by Intl formatting, for every instant (the reference the fast path must agree with). */
export function formatLocalParts(instantMs: number, timeZone: string): LocalParts {
  if (!(Math.abs(instantMs) <= MAX_DATE_MS)) throw new EngineError("invalid_date", "The date is out of range.");
  const values: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instantMs)) values[p.type] = p.value;
  const n = (k: string) => Number(values[k]);
  const year = values.era === "BC" || values.era === "B" ? 1 - n("year") : n("year");
  return { year, month: n("month"), day: n("day"), hour: n("hour") % 24, minute: n("minute"), second: n("second") };
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): CivilDate {
  const { year, month, day } = localParts(assertValidDate(instant), timeZone);
  return { year, month, day };
}

/** Local time minus UTC, in ms, at an instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const p = formatLocalParts(instantMs, timeZone);
  const wall = daysFromCivil(p) * DAY_MS + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000;
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The first instant of a local calendar day: local midnight, DST-correct. When midnight does not exist
 * (clocks jump from 00:00 to 01:00, e.g. America/Santiago), the instant the day actually starts.
 * When it happens twice, the earlier one.
 */
export function startOfLocalDay(date: CivilDate, timeZone: string): Date {
  const guess = daysFromCivil(date) * DAY_MS;
  const offsets = new Set<number>();
  for (const probe of [guess - DAY_MS, guess, guess + DAY_MS]) {
    const o = offsetAt(probe, timeZone);
    offsets.add(o);
    offsets.add(offsetAt(guess - o, timeZone));
  }
  let best: number | null = null;
  for (const o of offsets) {
    const candidate = guess - o;
    if (compareCivil(localParts(candidate, timeZone), date) < 0) continue;
    if (compareCivil(localParts(candidate - 1000, timeZone), date) >= 0) continue; // not the first second of the day
    if (best === null || candidate < best) best = candidate;
  }
  if (best === null) throw new EngineError("invalid_date", `Cannot find the start of ${JSON.stringify(date)} in ${timeZone}`);
  return new Date(best);
}

export function assertValidDate(d: Date): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new EngineError("invalid_date", "Not a valid date.");
  return t;
}
