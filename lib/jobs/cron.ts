/**
 * The five-field cron expressions of the scheduled jobs (minute hour day-of-month month day-of-week,
 * UTC, as pg-boss reads them): in words for the jobs page, and the next time one fires. Pure: the
 * clock is an argument. Supports numbers, `*`, lists, ranges and steps (`*\/15`, `1-5`, `0,30`).
 */

type Field = { values: Set<number>; any: boolean };
export type Cron = { minute: Field; hour: Field; dayOfMonth: Field; month: Field; dayOfWeek: Field };

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function parseField(text: string, [min, max]: [number, number]): Field {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let [from, to] = [min, max];
    if (range !== "*") {
      const [a, b] = range.split("-");
      from = Number(a);
      to = b === undefined ? (stepText === undefined ? from : max) : Number(b);
    }
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) throw new Error(`invalid cron field "${text}"`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { values, any: text === "*" };
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`a cron expression has five fields: "${expression}"`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts.map((p, i) => parseField(p, RANGES[i]!)) as [Field, Field, Field, Field, Field];
  if (dayOfWeek.values.has(7)) dayOfWeek.values.add(0);
  return { minute, hour, dayOfMonth, month, dayOfWeek };
}

function dayMatches(c: Cron, d: Date): boolean {
  if (!c.month.values.has(d.getUTCMonth() + 1)) return false;
  const dom = c.dayOfMonth.values.has(d.getUTCDate());
  const dow = c.dayOfWeek.values.has(d.getUTCDay());
  // As cron does: when both day fields are restricted, either may match.
  if (!c.dayOfMonth.any && !c.dayOfWeek.any) return dom || dow;
  return dom && dow;
}

/** The first minute strictly after `after` at which the expression fires (UTC). */
export function nextRun(expression: string, after: Date): Date {
  const c = parseCron(expression);
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // At most eight years of days (29 February on a Monday), then hours and minutes within a day.
  for (let days = 0; days < 366 * 8; days++) {
    if (dayMatches(c, t)) {
      for (let h = t.getUTCHours(); h < 24; h++) {
        if (!c.hour.values.has(h)) continue;
        const fromMinute = h === t.getUTCHours() ? t.getUTCMinutes() : 0;
        for (let m = fromMinute; m < 60; m++) {
          if (c.minute.values.has(m)) return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), h, m));
        }
      }
    }
    t.setUTCDate(t.getUTCDate() + 1);
    t.setUTCHours(0, 0, 0, 0);
  }
  throw new Error(`cron expression "${expression}" never fires`);
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number) => String(n).padStart(2, "0");
const sorted = (f: Field) => [...f.values].sort((a, b) => a - b);
const joinWords = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/** "Every hour at minute 17", "Every day at 03:23 UTC", "Every Monday at 02:00 UTC", "Every 15 minutes". */
export function describeCron(expression: string): string {
  const c = parseCron(expression);
  const minutes = sorted(c.minute);
  const hours = sorted(c.hour);
  let time: string;
  if (c.minute.any && c.hour.any) time = "every minute";
  else if (c.hour.any) {
    const step = minutes.length > 1 && minutes[0] === 0 ? minutes[1]! - minutes[0]! : 0;
    const even = step > 0 && minutes.every((m, i) => m === i * step) && 60 % step === 0;
    time = even ? `every ${step} minutes` : `every hour at minute${minutes.length > 1 ? "s" : ""} ${joinWords(minutes.map(String))}`;
  } else if (c.minute.any) time = `every minute of hour${hours.length > 1 ? "s" : ""} ${joinWords(hours.map(pad))} UTC`;
  else time = `at ${joinWords(hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`)))} UTC`;

  const parts: string[] = [];
  if (!c.dayOfWeek.any) parts.push(`on ${joinWords([...new Set(sorted(c.dayOfWeek).map((d) => DAYS[d % 7]!))])}`);
  if (!c.dayOfMonth.any) parts.push(`on the ${joinWords(sorted(c.dayOfMonth).map(ordinal))}`);
  if (!c.month.any) parts.push(`in ${joinWords(sorted(c.month).map((m) => MONTHS[m - 1]!))}`);
  const sentence = time.startsWith("every") ? [time, ...parts].join(" ") : parts.length ? [...parts, time].join(" ") : `every day ${time}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
