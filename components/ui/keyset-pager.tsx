import { ChevronRight, ChevronsLeft } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "./button";
import { cn } from "./cn";

/**
 * Paging for deep, newest-first lists (keyset on id): "Newest" goes back to the top, "Older"
 * continues after the last row shown. `newestHref` is null when already at the top.
 */
export function KeysetPager({
  shown,
  newestHref,
  olderHref,
  noun = { one: "entry", other: "entries" },
}: {
  shown: number;
  newestHref: string | null;
  olderHref: string | null;
  noun?: { one: string; other: string };
}) {
  const linkClass = buttonVariants({ variant: "secondary", size: "sm" });
  const disabledClass = cn(linkClass, "pointer-events-none opacity-50");
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-[13px] text-slate-600">
      <p className="tabular-nums">
        {shown === 0 ? `No ${noun.other}` : `${shown} ${shown === 1 ? noun.one : noun.other} on this page`}
        {newestHref ? " · older entries" : " · newest first"}
      </p>
      <div className="flex items-center gap-1">
        {newestHref ? (
          <Link href={newestHref} className={linkClass}>
            <ChevronsLeft aria-hidden="true" /> Newest
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            <ChevronsLeft aria-hidden="true" /> Newest
          </span>
        )}
        {olderHref ? (
          <Link href={olderHref} className={linkClass} rel="next">
            Older <ChevronRight aria-hidden="true" />
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Older <ChevronRight aria-hidden="true" />
          </span>
        )}
      </div>
    </nav>
  );
}
