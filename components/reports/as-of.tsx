import { DateTime } from "@/components/ui/date-time";
import type { RollupStatus } from "@/lib/reports/refresh";
import { RefreshReportsButton } from "./refresh-button";

/** Says how current a report built from the rollups is, with a way to bring it up to date now. */
export function AsOf({ status }: { status: RollupStatus }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-[13px] text-slate-600" data-testid="report-as-of">
      {status.asOf ? (
        <span>
          Figures as of <DateTime value={status.asOf} withSeconds />; the worker refreshes them every minute.
        </span>
      ) : (
        <span>The figures have not been computed yet: the worker computes them within a minute of starting.</span>
      )}
      <RefreshReportsButton />
    </div>
  );
}
