import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Prefix search on external id, email, phone or name; a GET form, so the search lives in the URL and resets to page 1. */
export function MemberSearch({ q, pageSize }: { q?: string; pageSize: number }) {
  return (
    <Form action="/members" role="search" className="flex items-center gap-2">
      {pageSize !== 25 && <input type="hidden" name="pageSize" value={pageSize} />}
      <label htmlFor="member-search" className="sr-only">
        Search members by external id, email, phone or name
      </label>
      <div className="relative w-full max-w-sm">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden="true" />
        <Input id="member-search" name="q" type="search" defaultValue={q} placeholder="External id, email, phone or name" className="pl-8" />
      </div>
      <button type="submit" className={buttonVariants({ variant: "secondary" })}>
        Search
      </button>
      {q && (
        <Link href="/members" className={buttonVariants({ variant: "ghost" })}>
          Clear
        </Link>
      )}
    </Form>
  );
}
