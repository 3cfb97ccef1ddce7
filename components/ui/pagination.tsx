"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { buttonVariants } from "./button";
import { cn } from "./cn";
import { hrefWith } from "./href";
import { PAGE_SIZES } from "./page-sizes";

const number = new Intl.NumberFormat("en-GB");

/**
 * "Showing 1–25 of 312", previous / next and the page size. Everything is held in the URL
 * (`page`, `pageSize`), so a list can be bookmarked, shared and reloaded.
 */
export function Pagination({
  page,
  pageSize,
  total,
  params,
  noun = "rows",
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The current query parameters other than page and pageSize (filters, search). */
  params: Record<string, string | undefined>;
  noun?: string;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const base = { ...params, pageSize: pageSize === 25 ? undefined : String(pageSize) };
  const prevPage = Math.min(page - 1, pages);
  const prev = page > 1 ? hrefWith(pathname, base, { page: prevPage > 1 ? String(prevPage) : undefined }) : null;
  const next = page < pages ? hrefWith(pathname, base, { page: String(page + 1) }) : null;
  const linkClass = buttonVariants({ variant: "secondary", size: "sm" });
  const disabledClass = cn(linkClass, "pointer-events-none opacity-50");

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-[13px] text-slate-600">
      <p aria-live="polite" className="tabular-nums">
        {total === 0 ? (
          `No ${noun}`
        ) : first > total ? (
          `Page ${page} is past the end of ${number.format(total)} ${noun}`
        ) : (
          <>
            Showing <span className="font-medium text-slate-900">{number.format(first)}–{number.format(last)}</span> of{" "}
            <span className="font-medium text-slate-900">{number.format(total)}</span> {noun}
          </>
        )}
      </p>
      <div className="flex items-center gap-3">
        <div className="flex items-center gap-1.5">
          <label htmlFor={sizeId}>Rows per page</label>
          <select
            id={sizeId}
            value={pageSize}
            onChange={(event) => router.push(hrefWith(pathname, params, { pageSize: event.target.value === "25" ? undefined : event.target.value }))}
            className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-[13px] text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <span className="tabular-nums">
          Page {number.format(Math.min(page, pages))} of {number.format(pages)}
        </span>
        <div className="flex items-center gap-1">
          {prev ? (
            <Link href={prev} className={linkClass} rel="prev">
              <ChevronLeft aria-hidden="true" /> Previous
            </Link>
          ) : (
            <span className={disabledClass} aria-disabled="true">
              <ChevronLeft aria-hidden="true" /> Previous
            </span>
          )}
          {next ? (
            <Link href={next} className={linkClass} rel="next">
              Next <ChevronRight aria-hidden="true" />
            </Link>
          ) : (
            <span className={disabledClass} aria-disabled="true">
              Next <ChevronRight aria-hidden="true" />
            </span>
          )}
        </div>
      </div>
    </nav>
  );
}
