import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DEFAULT_PAGE_SIZE } from "@/components/ui/page-sizes";

/**
 * A list's search box: a GET form to `action`, so the search lives in the URL and resets to page 1
 * (the page size is kept). "Clear" appears once something was searched.
 */
export function SearchForm({ action, q, pageSize, label, placeholder }: { action: string; q?: string; pageSize: number; label: string; placeholder: string }) {
  const id = `search-${action.replaceAll("/", "-")}`;
  return (
    <Form action={action} role="search" className="flex items-center gap-2">
      {pageSize !== DEFAULT_PAGE_SIZE && <input type="hidden" name="pageSize" value={pageSize} />}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="relative w-full max-w-sm">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden="true" />
        <Input id={id} name="q" type="search" defaultValue={q} placeholder={placeholder} className="pl-8" />
      </div>
      <button type="submit" className={buttonVariants({ variant: "secondary" })}>
        Search
      </button>
      {q && (
        <Link href={action} className={buttonVariants({ variant: "ghost" })}>
          Clear
        </Link>
      )}
    </Form>
  );
}
