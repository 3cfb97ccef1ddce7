import { StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { percentDone, type ImportStatus } from "@/lib/imports/format";

const number = new Intl.NumberFormat("en-GB");
export const formatCount = (n: number) => number.format(n);

/** What an import's state is called; a finished import with bad rows says so. */
export function importStatus(status: string, errorRows: number): { label: string; tone: BadgeTone } {
  switch (status as ImportStatus) {
    case "queued":
      return { label: "Queued", tone: "neutral" };
    case "running":
      return { label: "Running", tone: "accent" };
    case "done":
      return errorRows > 0 ? { label: "Done with errors", tone: "warning" } : { label: "Done", tone: "success" };
    case "failed":
      return { label: "Failed", tone: "danger" };
    default:
      return { label: status, tone: "neutral" };
  }
}

export function ImportStatusBadge({ status, errorRows }: { status: string; errorRows: number }) {
  const { label, tone } = importStatus(status, errorRows);
  return (
    <span data-testid="import-status" data-status={status}>
      <StatusBadge tone={tone}>{label}</StatusBadge>
    </span>
  );
}

export const isActive = (status: string) => status === "queued" || status === "running";

/**
 * Rows processed out of the total: imported rows in green, rows in error in red, the rest still to
 * do. A progressbar for assistive technology, with the percentage in words beside it.
 */
export function ImportProgressBar({
  total,
  ok,
  errors,
  size = "sm",
  label,
}: {
  total: number;
  ok: number;
  errors: number;
  size?: "sm" | "lg";
  label: string;
}) {
  const processed = ok + errors;
  const pct = percentDone(processed, total);
  const width = (n: number) => `${total > 0 ? (n / total) * 100 : 0}%`;
  return (
    <div className={cn("flex items-center gap-2.5", size === "sm" ? "min-w-40" : "w-full")}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={processed}
        aria-valuetext={`${formatCount(processed)} of ${formatCount(total)} rows (${pct} %)`}
        className={cn("flex flex-1 overflow-hidden rounded-full bg-slate-100 ring-1 ring-slate-200 ring-inset", size === "sm" ? "h-1.5" : "h-2.5")}
      >
        <div className="h-full bg-emerald-500 transition-[width] duration-500" style={{ width: width(ok) }} />
        <div className="h-full bg-red-400 transition-[width] duration-500" style={{ width: width(errors) }} />
      </div>
      <span className={cn("shrink-0 text-right tabular-nums", size === "sm" ? "w-10 text-xs text-slate-600" : "w-12 text-[13px] font-medium text-slate-900")} data-testid="import-percent">
        {pct} %
      </span>
    </div>
  );
}
