import { FileSearch } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * What a report shows instead of its figures when the choices in its form cannot be used: why, and a
 * way back to its defaults. The field itself carries the message too (ReportRangeForm's `error`).
 */
export function CheckTheChoices({ startAgain, children }: { startAgain: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <EmptyState icon={FileSearch} title="Check the choices above" action={<Link href={startAgain} className={buttonVariants({ variant: "secondary", size: "sm" })}>Start again</Link>}>
        {children}
      </EmptyState>
    </div>
  );
}
