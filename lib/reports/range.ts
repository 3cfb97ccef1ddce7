import { addDays, addMonths, civilFromDays, daysFromCivil, localDate, type CivilDate } from "@/lib/engine/calendar";

/** How a report's series are bucketed: calendar days, ISO weeks (from Monday) or calendar months. */
export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

/** Days a range may span at each grain, so a chart never has more than a few hundred points. */
export const MAX_RANGE_DAYS: Record<Grain, number> = { day: 366, week: 366 * 3, month: 366 * 10 };

/** A report's period: whole calendar days `from`..`to` (both included, "YYYY-MM-DD") and a grain. */
export type ReportRange = { from: string; to: string; grain: Grain };

export type RangeResult = { ok: true; range: ReportRange } | { ok: false; field: "from" | "to" | "grain"; message: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(value: string): CivilDate | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const back = civilFromDays(daysFromCivil(date));
  return back.year === date.year && back.month === date.month && back.day === date.day && date.year >= 2000 && date.year <= 2100 ? date : null;
}

export function formatDay({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads `from`, `to` and `grain` from a report's URL. Missing values default to the 30 days ending
 * today (in `timeZone`) by day; bad ones are a message for the field, and nothing is guessed.
 */
export function parseReportRange(params: { from?: string | null; to?: string | null; grain?: string | null }, options: { now: Date; timeZone: string; defaultDays?: number }): RangeResult {
  const today = localDate(options.now, options.timeZone);
  const grainText = params.grain?.trim() || "day";
  if (!(GRAINS as readonly string[]).includes(grainText)) return { ok: false, field: "grain", message: "Choose day, week or month." };
  const grain = grainText as Grain;
  const toText = params.to?.trim() || formatDay(today);
  const to = parseDay(toText);
  if (!to) return { ok: false, field: "to", message: "Enter the last day as YYYY-MM-DD." };
  const fromText = params.from?.trim() || formatDay(addDays(to, -((options.defaultDays ?? 30) - 1)));
  const from = parseDay(fromText);
  if (!from) return { ok: false, field: "from", message: "Enter the first day as YYYY-MM-DD." };
  const span = daysFromCivil(to) - daysFromCivil(from) + 1;
  if (span < 1) return { ok: false, field: "from", message: "The first day must be on or before the last day." };
  if (span > MAX_RANGE_DAYS[grain]) {
    const limit = { day: "a year by day", week: "3 years by week", month: "10 years by month" }[grain];
    return { ok: false, field: "from", message: `A report covers at most ${limit}: choose a shorter range or a coarser grain.` };
  }
  return { ok: true, range: { from: formatDay(from), to: formatDay(to), grain } };
}

/** The first day of the bucket a day falls in. */
export function bucketStart(day: CivilDate, grain: Grain): CivilDate {
  if (grain === "day") return day;
  if (grain === "month") return { year: day.year, month: day.month, day: 1 };
  // ISO weeks start on Monday; 1970-01-01 was a Thursday.
  const days = daysFromCivil(day);
  const weekday = (((days + 3) % 7) + 7) % 7; // Monday 0 … Sunday 6
  return civilFromDays(days - weekday);
}

/** Every bucket of the range, in order, as "YYYY-MM-DD" of its first day: charts show empty buckets as zero. */
export function bucketStarts(range: ReportRange): string[] {
  const from = parseDay(range.from)!;
  const to = parseDay(range.to)!;
  const starts: string[] = [];
  for (let b = bucketStart(from, range.grain); daysFromCivil(b) <= daysFromCivil(to); ) {
    starts.push(formatDay(b));
    b = range.grain === "day" ? addDays(b, 1) : range.grain === "week" ? addDays(b, 7) : addMonths(b, 1);
  }
  return starts;
}

/** How a bucket is labelled on a chart's axis and in its table. */
export function bucketLabel(start: string, grain: Grain): string {
  const day = parseDay(start)!;
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (grain === "month") return date.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  const label = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  return grain === "week" ? `w/c ${label}` : label;
}
