"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { SECTION_META } from "./section-meta";

export type NavItem = { key: keyof typeof SECTION_META; label: string; href: string };

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(href + "/");
}

/** The console's sections the signed-in user may use; the current one is marked for sight and for screen readers. */
export function SidebarNav({ items, orientation = "vertical" }: { items: NavItem[]; orientation?: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  const horizontal = orientation === "horizontal";
  return (
    <nav
      aria-label={horizontal ? "Main (small screens)" : "Main"}
      className={horizontal ? "flex gap-1 overflow-x-auto border-b border-slate-200 bg-white px-3 py-2 md:hidden" : "flex flex-col gap-0.5"}
    >
      {items.map((item) => {
        const Icon = SECTION_META[item.key].icon;
        const active = isActive(pathname, item.href);
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex shrink-0 items-center gap-2.5 rounded-md px-2.5 py-1.5 text-[13px] font-medium whitespace-nowrap transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
              active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {!horizontal && <Icon className={cn("size-4 shrink-0", active ? "text-indigo-600" : "text-slate-500")} aria-hidden="true" />}
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
