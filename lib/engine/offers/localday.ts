/**
 * Local calendar days for the hot path. Asking Intl for the wall clock of every transaction is the most
 * expensive step of an evaluation, so the zone's UTC offset is cached per UTC hour: an hour whose start
 * and end have the same offset is assumed to have it throughout (time-zone transitions are hours apart),
 * and the local day is then plain arithmetic. Hours that contain a transition are never cached.
 */
import { type CivilDate, civilFromDays, daysFromCivil, localDate, localParts, startOfLocalDay } from "../calendar";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MAX_ENTRIES = 100_000;

const offsetCache = new Map<string, Map<number, number>>();

/** Local time minus UTC at an instant, in ms (to the second, as Intl reports it). */
function offsetAt(instantMs: number, timeZone: string): number {
  const p = localParts(instantMs, timeZone);
  const wall = daysFromCivil(p) * DAY_MS + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000;
  return wall - Math.floor(instantMs / 1000) * 1000;
}

function cachedOffset(instantMs: number, timeZone: string): number | null {
  let zone = offsetCache.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const hour = Math.floor(instantMs / HOUR_MS);
  const hit = zone.get(hour);
  if (hit !== undefined) return hit;
  const start = offsetAt(hour * HOUR_MS, timeZone);
  const end = offsetAt(hour * HOUR_MS + HOUR_MS - 1000, timeZone);
  if (start !== end) return null;
  if (zone.size >= MAX_ENTRIES) zone.clear();
  zone.set(hour, start);
  return start;
}

/** The local calendar date of an instant (ms) in a time zone; equal to calendar.localDate. */
export function fastLocalDate(instantMs: number, timeZone: string): CivilDate {
  const offset = cachedOffset(instantMs, timeZone);
  if (offset === null) return localDate(new Date(instantMs), timeZone);
  return civilFromDays(Math.floor((Math.floor(instantMs / 1000) * 1000 + offset) / DAY_MS));
}

const deadlineCache = new Map<string, Map<number, number>>();

/** The end of the local day `days` after the local day of `nowMs`: the first instant of the day after. */
export function endOfLocalDayAfter(nowMs: number, days: number, timeZone: string): Date {
  return endOfLocalDayNumber(daysFromCivil(fastLocalDate(nowMs, timeZone)) + days, timeZone);
}

/** The first instant after local day number `day` (days since 1970-01-01). */
export function endOfLocalDayNumber(day: number, timeZone: string): Date {
  const target = day + 1;
  let zone = deadlineCache.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    deadlineCache.set(timeZone, zone);
  }
  let at = zone.get(target);
  if (at === undefined) {
    at = startOfLocalDay(civilFromDays(target), timeZone).getTime();
    if (zone.size >= MAX_ENTRIES) zone.clear();
    zone.set(target, at);
  }
  return new Date(at);
}
