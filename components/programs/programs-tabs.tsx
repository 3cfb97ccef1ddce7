"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { label: "Programmes", href: "/programs" },
  { label: "Ledger health", href: "/programs/health" },
] as const;

/** Tabs of the programmes area: the list and the ledger's health. */
export function ProgramsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Programmes" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {TABS.map((tab) => {
          const active = pathname === tab.href;
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
