import { formatPoints } from "@/components/programs/format";
import { cn } from "@/components/ui/cn";

/** Points used and left of a block, with a bar (a meter for assistive technology). */
export function BlockUsage({ points, used, compact = false }: { points: number; used: number; compact?: boolean }) {
  const left = points - used;
  // Whole per-mille, from integers: the bar never needs a float's precision.
  const perMille = points > 0 ? Math.floor((used * 1000) / points) : 0;
  return (
    <div className={cn("flex flex-col gap-1", compact ? "min-w-36" : "min-w-64")}>
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={points}
        aria-valuenow={used}
        aria-valuetext={`${formatPoints(used)} of ${formatPoints(points)} points used, ${formatPoints(left)} left`}
        className="h-1.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={cn("h-full rounded-full", left === 0 ? "bg-red-500" : perMille >= 800 ? "bg-amber-500" : "bg-indigo-500")} style={{ width: `${perMille / 10}%` }} />
      </div>
      <div className="flex justify-between gap-3 text-xs text-slate-600 tabular-nums">
        <span data-testid="block-used">{formatPoints(used)} used</span>
        <span data-testid="block-left">{formatPoints(left)} left</span>
      </div>
    </div>
  );
}
