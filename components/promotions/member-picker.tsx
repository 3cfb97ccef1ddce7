"use client";

import { useQuery } from "@tanstack/react-query";
import { Loader2, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { fetchSuggestions, SuggestionText, type MemberSuggestion } from "@/components/members/member-search";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";

/**
 * Choose one member by external id (or name, email, phone) as you type: an ARIA combobox whose
 * choice is sent as `name` (the member id). Arrow keys move through matches, Enter picks one.
 */
export function MemberPicker({
  name,
  value,
  onChange,
  invalid,
  describedBy,
  id: givenId,
}: {
  name: string;
  value: MemberSuggestion | null;
  onChange: (m: MemberSuggestion | null) => void;
  invalid?: boolean;
  describedBy?: string;
  id?: string;
}) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const listId = `${id}-results`;
  const [text, setText] = useState("");
  const [typed, setTyped] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const t = setTimeout(() => setTyped(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);
  const { data, isFetching, isError, error } = useQuery({
    queryKey: ["member-search", typed],
    queryFn: ({ signal }) => fetchSuggestions(typed, signal),
    enabled: typed.length > 0 && !value,
    staleTime: 10_000,
  });
  const results = typed ? (data ?? []) : [];
  const showList = open && typed.length > 0 && !value;
  const pick = (m: MemberSuggestion) => {
    onChange(m);
    setOpen(false);
    setActive(-1);
  };

  if (value) {
    return (
      <div className="flex h-9 items-center justify-between gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 text-sm" data-testid="picked-member">
        <input type="hidden" name={name} value={value.id} />
        <span className="truncate">
          <span className="font-medium text-slate-900">{value.name ?? "No name on file"}</span> <span className="font-mono text-xs text-slate-500">{value.externalId}</span>
        </span>
        <button
          type="button"
          onClick={() => onChange(null)}
          className="rounded p-0.5 text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          aria-label="Choose another member"
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
    );
  }
  return (
    <div className="relative">
      <input type="hidden" name={name} value="" />
      <Input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        placeholder="External id, name, email or phone"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && results.length) {
            e.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % results.length);
          } else if (e.key === "ArrowUp" && results.length) {
            e.preventDefault();
            setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
          } else if (e.key === "Enter" && showList) {
            e.preventDefault();
            const m = results[active >= 0 ? active : 0];
            if (m) pick(m);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {isFetching && <Loader2 className="absolute top-2.5 right-2.5 size-4 animate-spin text-slate-400" aria-hidden="true" />}
      {showList && (
        <ul id={listId} role="listbox" aria-label="Matching members" className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {isError ? (
            <li className="px-3 py-2 text-sm text-red-700">{error.message}</li>
          ) : results.length === 0 ? (
            <li className="px-3 py-2 text-sm text-slate-500">{isFetching || !data ? "Searching…" : `No member starts with “${typed}”.`}</li>
          ) : (
            results.map((m, i) => (
              <li
                key={m.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(m)}
                onMouseEnter={() => setActive(i)}
                className={cn("flex cursor-pointer flex-col px-3 py-1.5 text-sm", i === active ? "bg-indigo-50" : "hover:bg-slate-50")}
                data-testid="member-option"
              >
                <SuggestionText m={m} />
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
