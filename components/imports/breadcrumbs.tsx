import { ChevronRight } from "lucide-react";
import Link from "next/link";

/** Where the page sits: each level a link, the current page last and marked as such. */
export function Breadcrumbs({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-[13px] text-slate-600">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`} className="flex min-w-0 items-center gap-1">
            {i > 0 && <ChevronRight className="size-3.5 shrink-0 text-slate-400" aria-hidden="true" />}
            {item.href && i < items.length - 1 ? (
              <Link href={item.href} className="rounded-sm hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                {item.label}
              </Link>
            ) : (
              <span aria-current={i === items.length - 1 ? "page" : undefined} className="truncate font-medium text-slate-900">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
