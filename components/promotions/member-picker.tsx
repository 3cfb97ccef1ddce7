"use client";

import { X } from "lucide-react";
import { useMemberCombobox, MemberResults, MemberSearching, type MemberSuggestion } from "@/components/members/member-combobox";
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
  const box = useMemberCombobox({ onPick: onChange, disabled: Boolean(value), enterPicksFirst: true });
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
        {...box.inputProps}
        id={givenId ?? box.id}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder="External id, name, email or phone"
      />
      <MemberSearching box={box} />
      <MemberResults box={box} testId="member-option" className="max-h-72" />
    </div>
  );
}
