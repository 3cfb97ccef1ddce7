"use client";

import { Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { DEFAULT_PAGE_SIZE } from "@/components/ui/page-sizes";
import { MemberResults, MemberSearching, useMemberCombobox } from "./member-combobox";

/**
 * A member combobox inside a GET form to /members: results appear as the agent types (member id,
 * external id, email, phone or name prefix); arrow keys move through them, Enter opens the
 * highlighted member, or, with none highlighted, submits the form (every match, listed).
 */
function MemberCombobox({ q, label, placeholder, className }: { q?: string; label: string; placeholder: string; className?: string }) {
  const router = useRouter();
  const box = useMemberCombobox({ initial: q, onPick: (m) => router.push(memberHref(m)) });
  return (
    <div className={cn("relative w-full", className)}>
      <label htmlFor={box.id} className="sr-only">
        {label}
      </label>
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden="true" />
      <Input {...box.inputProps} name="q" placeholder={placeholder} className="pr-8 pl-8" />
      <MemberSearching box={box} />
      <MemberResults box={box} href={memberHref} testId="member-suggestion" className="max-h-96" />
    </div>
  );
}

const memberHref = (m: { id: string }) => `/members/${m.id}`;

/** The members list's search box, with Search and Clear. */
export function MemberSearch({ q, pageSize }: { q?: string; pageSize: number }) {
  return (
    <Form action="/members" role="search" className="flex items-start gap-2">
      {pageSize !== DEFAULT_PAGE_SIZE && <input type="hidden" name="pageSize" value={pageSize} />}
      <MemberCombobox q={q} label="Find a member" placeholder="Member id, external id, email, phone or name" className="max-w-md" />
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

/** The console header's quick member search, on every page for roles that may read members. */
export function HeaderMemberSearch() {
  return (
    <Form action="/members" role="search" className="w-full max-w-sm" aria-label="Quick member search">
      <MemberCombobox label="Quick member search" placeholder="Find a member: phone, name, email, id…" />
    </Form>
  );
}
