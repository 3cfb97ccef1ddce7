import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One headline figure of a report: what it is, the number, and what it means or compares to. */
export function StatTile({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <Card className="flex flex-col gap-1 px-4 py-3" data-testid={testId}>
      <span className="text-[13px] text-slate-600">{label}</span>
      <span className="text-xl font-semibold text-slate-900 tabular-nums">{value}</span>
      {detail && <span className="text-xs text-slate-500">{detail}</span>}
    </Card>
  );
}
