/** Plain formatting for the jobs page, shared by the server and the browser. */

const number = new Intl.NumberFormat("en-GB");
const tenths = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** "35 ms", "4.2 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${tenths.format(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

/** "1 row", "12,480 rows". */
export const formatRows = (n: number) => `${number.format(n)} ${n === 1 ? "row" : "rows"}`;

export const TRIGGER_LABELS = { schedule: "Schedule", manual: "Run now", upload: "Upload" } as const;
