"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type TabLink = { label: string; href: string };

/**
 * Tabs that are links (one page each). A tab is current on its own path, and with `nested` also
 * on the paths below it.
 */
export function TabsNav({ label, tabs, nested = false }: { label: string; tabs: readonly TabLink[]; nested?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {tabs.map((tab) => {
          const active = pathname === tab.href || (nested && pathname.startsWith(tab.href + "/"));
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center border-b-2 px-3 text-[13px] font-medium transition-colors",
                  "focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600",
                  active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
