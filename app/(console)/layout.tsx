import { LogOut } from "lucide-react";
import Link from "next/link";
import { Providers } from "@/components/providers";
import { Logo } from "@/components/console/logo";
import { HeaderMemberSearch } from "@/components/members/member-search";
import { SidebarNav, type NavItem } from "@/components/console/sidebar-nav";
import { Button } from "@/components/ui/button";
import { can, ROLE_LABELS, sectionsFor } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  const items: NavItem[] = [
    { key: "home", label: "Home", href: "/" },
    ...sectionsFor(user.roles).map((s) => ({ key: s.key, label: s.label, href: s.href })),
  ];
  const roles = user.roles.map((r) => ROLE_LABELS[r]).join(", ") || "No role";

  return (
    <Providers>
      <a
        href="#content"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen">
        <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
          <div className="flex h-14 items-center border-b border-slate-200 px-4">
            <Link href="/" className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              <Logo withName />
            </Link>
          </div>
          <div className="flex-1 overflow-y-auto p-3">
            <SidebarNav items={items} />
          </div>
          <p className="border-t border-slate-200 px-4 py-3 text-xs text-slate-500">Open-source loyalty engine</p>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white/95 px-4 backdrop-blur md:px-6">
            <div className="flex items-center gap-3 md:hidden">
              <Link href="/" aria-label="Coalition home">
                <Logo />
              </Link>
            </div>
            {can(user.roles, "members:read") ? (
              <div className="hidden flex-1 md:flex">
                <HeaderMemberSearch />
              </div>
            ) : (
              <div className="hidden md:block" />
            )}
            <div className="flex items-center gap-3">
              <div className="text-right leading-tight" data-testid="current-user">
                <p className="text-[13px] font-medium text-slate-900">{user.name}</p>
                <p className="text-xs text-slate-500">{roles}</p>
              </div>
              <span
                className="flex size-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700"
                aria-hidden="true"
              >
                {initials(user.name)}
              </span>
              <form action={signOutAction}>
                <Button type="submit" variant="ghost" size="sm">
                  <LogOut aria-hidden="true" />
                  Sign out
                </Button>
              </form>
            </div>
          </header>
          <SidebarNav items={items} orientation="horizontal" />
          <main id="content" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}
