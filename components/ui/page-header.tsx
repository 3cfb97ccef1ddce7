import type { ReactNode } from "react";
import { cn } from "./cn";

/** The title of a page or a section, a one-line description, and its main actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  level = 1,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  level?: 1 | 2;
  className?: string;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className={cn("flex flex-wrap items-start justify-between gap-x-6 gap-y-3", className)}>
      <div className="min-w-0">
        <Heading className={cn("font-semibold tracking-tight text-slate-900", level === 1 ? "text-xl" : "text-base")}>{title}</Heading>
        {description && <p className="mt-1 max-w-3xl text-[13px] text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
  );
}
