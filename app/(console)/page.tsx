import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { SECTION_META } from "@/components/console/section-meta";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { sectionsFor } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await requireSignedIn();
  const sections = sectionsFor(user.roles);
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`Welcome, ${firstName}`}
        description="Choose where to work. You see the areas your role gives you access to."
      />
      {sections.length === 0 ? (
        <Card className="p-6 text-[13px] text-slate-600">
          Your account has no role with access to any area yet. Ask an administrator to give you a role.
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Areas you can use">
          {sections.map((section) => {
            const meta = SECTION_META[section.key];
            const Icon = meta.icon;
            return (
              <li key={section.key}>
                <Link
                  href={section.href}
                  className="group flex h-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-xs transition-colors hover:border-indigo-300 hover:bg-indigo-50/30 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  <div className="flex items-center justify-between">
                    <span className="flex size-9 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
                      <Icon className="size-[18px]" aria-hidden="true" />
                    </span>
                    <ArrowRight className="size-4 text-slate-400 transition-transform group-hover:translate-x-0.5 group-hover:text-indigo-600" aria-hidden="true" />
                  </div>
                  <div>
                    <h2 className="text-sm font-semibold text-slate-900">{section.label}</h2>
                    <p className="mt-1 text-[13px] text-slate-600">{meta.description}</p>
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
