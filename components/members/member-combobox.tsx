"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";

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
 * The state of a member combobox (ARIA pattern): matches as the user types (debounced), arrow keys
 * move the highlight, Enter picks the highlighted match (or, with `enterPicksFirst`, the first one),
 * Escape closes. `inputProps` go on the text input; `MemberResults` shows the list.
 */
export function useMemberCombobox({ onPick, initial = "", disabled = false, enterPicksFirst = false }: { onPick: (m: MemberSuggestion) => void; initial?: string; disabled?: boolean; enterPicksFirst?: boolean }) {
  const id = useId();
  const listId = `${id}-results`;
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text.trim(), DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ["member-search", typed],
    queryFn: ({ signal }) => fetchSuggestions(typed, signal),
    enabled: typed.length > 0 && !disabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const results = typed ? (query.data ?? []) : [];
  const showList = open && typed.length > 0 && !disabled;
  const pick = (m: MemberSuggestion) => {
    setOpen(false);
    setActive(-1);
    onPick(m);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && results.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % results.length);
    } else if (e.key === "ArrowUp" && results.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
    } else if (e.key === "Enter" && showList) {
      const m = results[active >= 0 ? active : enterPicksFirst ? 0 : -1];
      if (!m) return;
      e.preventDefault();
      pick(m);
    } else if (e.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  return {
    id,
    listId,
    close,
    typed,
    results,
    showList,
    active,
    setActive,
    pick,
    query,
    inputProps: {
      id,
      type: "search",
      role: "combobox",
      autoComplete: "off",
      "aria-expanded": showList,
      "aria-controls": listId,
      "aria-autocomplete": "list" as const,
      "aria-activedescendant": showList && active >= 0 ? `${listId}-${active}` : undefined,
      value: text,
      onChange: (e: { target: { value: string } }) => {
        setText(e.target.value);
        setOpen(true);
        setActive(-1);
      },
      onFocus: () => setOpen(true),
      onBlur: () => setTimeout(() => setOpen(false), 150),
      onKeyDown,
    },
  };
}

export type MemberCombobox = ReturnType<typeof useMemberCombobox>;

/** The spinner while matches load. */
export function MemberSearching({ box }: { box: MemberCombobox }) {
  return box.query.isFetching ? <Loader2 className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2 animate-spin text-slate-400" aria-hidden="true" /> : null;
}

/**
 * The matches under the input: each a link to the member (`href`) or picked on click, with the
 * loading, error and no-match states.
 */
export function MemberResults({ box, href, testId, className }: { box: MemberCombobox; href?: (m: MemberSuggestion) => string; testId: string; className?: string }) {
  if (!box.showList) return null;
  const { isError, error, isFetching, data } = box.query;
  const optionClass = (i: number) => cn("flex flex-col px-3 py-1.5 text-sm", i === box.active ? "bg-indigo-50" : "hover:bg-slate-50");
  return (
    <ul id={box.listId} role="listbox" aria-label="Matching members" className={cn("absolute z-40 mt-1 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg", className)}>
      {isError ? (
        <li className="px-3 py-2 text-sm text-red-700">{error.message}</li>
      ) : box.results.length === 0 ? (
        <li className="px-3 py-2 text-sm text-slate-500">{isFetching || !data ? "Searching…" : `No member starts with “${box.typed}”.`}</li>
      ) : (
        box.results.map((m, i) => (
          <li
            key={m.id}
            id={`${box.listId}-${i}`}
            role="option"
            aria-selected={i === box.active}
            onMouseEnter={() => box.setActive(i)}
            onMouseDown={href ? undefined : (e) => e.preventDefault()}
            onClick={href ? undefined : () => box.pick(m)}
            className={href ? undefined : cn("cursor-pointer", optionClass(i))}
            data-testid={href ? undefined : testId}
          >
            {href ? (
              <Link href={href(m)} tabIndex={-1} onClick={box.close} className={optionClass(i)} data-testid={testId}>
                <SuggestionText m={m} />
              </Link>
            ) : (
              <SuggestionText m={m} />
            )}
          </li>
        ))
      )}
    </ul>
  );
}
