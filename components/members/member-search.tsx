"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Loader2, Search } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { DEFAULT_PAGE_SIZE } from "@/components/ui/page-sizes";

const DEBOUNCE_MS = 150;

/** One match, as the search route answers (app/(console)/members/search/route.ts). */
export type MemberSuggestion = { id: string; externalId: string; name: string | null; email: string | null; phone: string | null };

export async function fetchSuggestions(q: string, signal: AbortSignal): Promise<MemberSuggestion[]> {
  const res = await fetch(`/members/search?q=${encodeURIComponent(q)}`, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(res.status === 401 ? "Your session has ended. Sign in again." : "Search is not available right now.");
  return ((await res.json()) as { members: MemberSuggestion[] }).members;
}

/** One match as a list shows it: name and external id, then phone and email. */
export function SuggestionText({ m }: { m: MemberSuggestion }) {
  return (
    <>
      <span className="font-medium text-slate-900">
        {m.name ?? <span className="text-slate-500">No name on file</span>} <span className="font-mono text-xs font-normal text-slate-500">{m.externalId}</span>
      </span>
      <span className="text-xs text-slate-500">{[m.phone, m.email].filter(Boolean).join(" · ") || "No phone or email"}</span>
    </>
  );
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/**
 * A member combobox inside a GET form to /members: results appear as the agent types (member id,
 * external id, email, phone or name prefix); arrow keys move through them, Enter opens the
 * highlighted member, or, with none highlighted, submits the form (every match, listed). ARIA combobox.
 */
function MemberCombobox({ q, label, className }: { q?: string; label: string; className?: string }) {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-results`;
  const [text, setText] = useState(q ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text.trim(), DEBOUNCE_MS);
  const { data, isFetching, isError, error } = useQuery({
    queryKey: ["member-search", typed],
    queryFn: ({ signal }) => fetchSuggestions(typed, signal),
    enabled: typed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const results = typed ? (data ?? []) : [];
  const showList = open && typed.length > 0;

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && results.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % results.length);
    } else if (e.key === "ArrowUp" && results.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
    } else if (e.key === "Enter" && showList && active >= 0 && results[active]) {
      e.preventDefault();
      setOpen(false);
      router.push(`/members/${results[active].id}`);
    } else if (e.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className={cn("relative w-full", className)}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" aria-hidden="true" />
      <Input
        id={id}
        name="q"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        placeholder="Member id, external id, email, phone or name"
        className="pr-8 pl-8"
      />
      {isFetching && <Loader2 className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2 animate-spin text-slate-400" aria-hidden="true" />}
      {showList && (
        <ul id={listId} role="listbox" aria-label="Matching members" className="absolute z-40 mt-1 max-h-96 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {isError ? (
            <li className="px-3 py-2 text-sm text-red-700">{error.message}</li>
          ) : results.length === 0 ? (
            <li className="px-3 py-2 text-sm text-slate-500">{isFetching || !data ? "Searching…" : `No member starts with “${typed}”.`}</li>
          ) : (
            results.map((m, i) => (
              <li key={m.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
                <Link
                  href={`/members/${m.id}`}
                  tabIndex={-1}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => setOpen(false)}
                  className={cn("flex flex-col px-3 py-1.5 text-sm", i === active ? "bg-indigo-50" : "hover:bg-slate-50")}
                  data-testid="member-suggestion"
                >
                  <SuggestionText m={m} />
                </Link>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}

/** The members list's search box, with Search and Clear. */
export function MemberSearch({ q, pageSize }: { q?: string; pageSize: number }) {
  return (
    <Form action="/members" role="search" className="flex items-start gap-2">
      {pageSize !== DEFAULT_PAGE_SIZE && <input type="hidden" name="pageSize" value={pageSize} />}
      <MemberCombobox q={q} label="Find a member" className="max-w-md" />
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
      <MemberCombobox label="Quick member search" />
    </Form>
  );
}
