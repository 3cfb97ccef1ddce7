import type { ReactNode } from "react";

/** One figure of a summary card: a label, the number, and an optional line beneath. */
export function Figure({ label, children, hint, testId }: { label: string; children: ReactNode; hint?: string; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 px-5 py-4">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
