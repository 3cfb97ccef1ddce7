import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** The way back to the report a page belongs to. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
      <ArrowLeft className="size-3.5" aria-hidden="true" /> {children}
    </Link>
  );
}
