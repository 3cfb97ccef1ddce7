/** Calendar days of date filters, read in the reader's time zone (components/ui/time-zone-input.tsx). */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The time zone, when the reader's browser sent a valid one; UTC otherwise. */
export function validTimeZone(tz: string | undefined): string {
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

/** Milliseconds to add to UTC to get the wall-clock time in `tz` at instant `t`. */
function offsetAt(t: number, tz: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - t;
}

/** The instant a calendar day starts in a time zone; `addDays` moves to a later day first. */
export function startOfDay(day: string, tz: string, addDays = 0): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnightUtc = Date.UTC(y, m - 1, d + addDays);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  const first = midnightUtc - offsetAt(midnightUtc, tz);
  const second = midnightUtc - offsetAt(first, tz);
  return new Date(second);
}

