import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/**
 * A 403 / 404 message. Next renders it inside the console shell when a page calls forbidden() or
 * notFound(), and on its own for an unknown address, so it fits both.
 */
export function StatusPage({ icon: Icon, code, title, children, actions }: { icon: LucideIcon; code: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-xs">
        <div className="mx-auto mb-4 flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-600">
          <Icon className="size-5" aria-hidden="true" />
        </div>
        <p className="text-xs font-semibold tracking-wider text-slate-500 uppercase">Error {code}</p>
        <h1 className="mt-1 text-lg font-semibold text-slate-900">{title}</h1>
        <div className="mt-2 text-[13px] text-slate-600">{children}</div>
        <div className="mt-6 flex justify-center gap-2">{actions}</div>
      </div>
    </div>
  );
}
