"use client";

import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};
/** False while rendering on the server and hydrating, true after: dates then switch to the reader's time zone. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

// One shared clock for relative times, ticking every 30 seconds while any is on screen.
let clock = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
function subscribeClock(onChange: () => void) {
  if (listeners.size === 0) clock = Date.now();
  listeners.add(onChange);
  timer ??= setInterval(() => {
    clock = Date.now();
    listeners.forEach((listener) => listener());
  }, 30_000);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
function readClock(): number {
  if (clock === 0) clock = Date.now();
  return clock;
}
/** Now, in milliseconds, for relative times; 0 on the server and while hydrating. */
function useNow(): number {
  return useSyncExternalStore(subscribeClock, readClock, () => 0);
}

type Format = "datetime" | "date" | "relative";

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function absolute(date: Date, hydrated: boolean, withSeconds = false): string {
  return new Intl.DateTimeFormat(hydrated ? undefined : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: withSeconds ? "2-digit" : undefined,
    timeZone: hydrated ? undefined : "UTC",
    timeZoneName: "short",
  }).format(date);
}

function dateOnly(date: Date, hydrated: boolean): string {
  return new Intl.DateTimeFormat(hydrated ? undefined : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: hydrated ? undefined : "UTC",
  }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago", against a given now. */
export function relativeTime(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  const fmt = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return fmt.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/**
 * A point in time for people: "23 Nov 2025, 11:54 CET" in the reader's time zone (UTC until the
 * page has hydrated), the exact ISO time in the tooltip and the datetime attribute. "relative"
 * shows "3 hours ago" with the absolute time beneath.
 */
export function DateTime({
  value,
  format = "datetime",
  withSeconds = false,
  empty = "—",
}: {
  value: Date | string | number | null | undefined;
  format?: Format;
  withSeconds?: boolean;
  empty?: string;
}) {
  const hydrated = useHydrated();
  if (value === null || value === undefined) return <span className="text-slate-500">{empty}</span>;
  const date = toDate(value);
  const iso = date.toISOString();
  const full = absolute(date, hydrated, true);
  if (format === "date") {
    return (
      <time dateTime={iso} title={full} className="whitespace-nowrap tabular-nums">
        {dateOnly(date, hydrated)}
      </time>
    );
  }
  if (format === "relative") return <RelativeDateTime date={date} />;
  return (
    <time dateTime={iso} title={full} className="whitespace-nowrap tabular-nums">
      {absolute(date, hydrated, withSeconds)}
    </time>
  );
}

function RelativeDateTime({ date }: { date: Date }) {
  const now = useNow();
  const hydrated = now !== 0;
  return (
    <time dateTime={date.toISOString()} title={absolute(date, hydrated, true)} className="flex flex-col leading-tight tabular-nums">
      <span>{hydrated ? relativeTime(date, now) : absolute(date, false)}</span>
      {hydrated && <span className="text-xs text-slate-500">{absolute(date, true)}</span>}
    </time>
  );
}
