"use client";

import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorAt, FieldSection } from "../fields";
import type { OfferFormValues } from "../form-values";
import type { WizardProgramme, WizardSegment } from "../types";

/** Which members qualify: tiers of the programme, saved segments and attribute rules. */
export function MemberFilters({ programme, segments }: { programme: WizardProgramme | undefined; segments: WizardSegment[] }) {
  const { control, register, setValue, formState } = useFormContext<OfferFormValues>();
  const tierIds = useWatch({ control, name: "memberFilters.tierIds" });
  const segmentIds = useWatch({ control, name: "memberFilters.segmentIds" }) ?? [];
  const attributes = useFieldArray({ control, name: "memberFilters.attributes" });
  const tiers = programme?.tiers ?? [];
  const errors = formState.errors;

  const toggleTier = (id: string, checked: boolean) =>
    setValue("memberFilters.tierIds", checked ? [...tierIds, id] : tierIds.filter((t) => t !== id), { shouldDirty: true });
  const toggleSegment = (id: string, checked: boolean) =>
    setValue("memberFilters.segmentIds", checked ? [...segmentIds, id] : segmentIds.filter((s) => s !== id), { shouldDirty: true });
  // A segment the offer targets that was deleted since still shows, so it can be unticked.
  const shownSegments = [...segments, ...segmentIds.filter((id) => !segments.some((s) => s.id === id)).map((id) => ({ id, name: "A deleted segment", memberCount: 0 }))];

  return (
    <FieldSection title="Member filters" description="Leave empty to include every member of the programme.">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Tiers</legend>
        {tiers.length === 0 ? (
          <p className="text-[13px] text-slate-500">Choose a programme to see its tiers.</p>
        ) : (
          <div className="flex flex-wrap gap-x-5 gap-y-2 rounded-md border border-slate-200 p-2.5">
            {tiers.map((t) => (
              <label key={t.id} className="flex cursor-pointer items-center gap-2 text-[13px] text-slate-800">
                <Checkbox checked={tierIds.includes(t.id)} onChange={(e) => toggleTier(t.id, e.target.checked)} />
                {t.name}
              </label>
            ))}
          </div>
        )}
        <p className="text-xs text-slate-500">{tierIds.length === 0 ? "No tier chosen: members of every tier qualify." : "Only members in the chosen tiers qualify."}</p>
        {errorAt(errors, "memberFilters.tierIds", true) && <p className="text-xs font-medium text-red-600">{errorAt(errors, "memberFilters.tierIds", true)}</p>}
      </fieldset>

      <fieldset className="flex flex-col gap-1.5" data-testid="offer-segments">
        <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Segments</legend>
        {shownSegments.length === 0 ? (
          <p className="text-[13px] text-slate-500">
            No saved segments yet. <Link href="/segments/new" className="font-medium text-indigo-700 hover:underline">Build one</Link> to target a group of members.
          </p>
        ) : (
          <div className="flex flex-wrap gap-x-5 gap-y-2 rounded-md border border-slate-200 p-2.5">
            {shownSegments.map((s) => (
              <label key={s.id} className="flex cursor-pointer items-center gap-2 text-[13px] text-slate-800">
                <Checkbox checked={segmentIds.includes(s.id)} onChange={(e) => toggleSegment(s.id, e.target.checked)} />
                {s.name}
                <span className="text-xs text-slate-500 tabular-nums">{s.memberCount.toLocaleString("en-GB")} members</span>
              </label>
            ))}
          </div>
        )}
        <p className="text-xs text-slate-500">{segmentIds.length === 0 ? "No segment chosen: segments do not matter." : "Only members in at least one of the chosen segments qualify (as of the segment’s last count)."}</p>
        {errorAt(errors, "memberFilters.segmentIds", true) && <p className="text-xs font-medium text-red-600">{errorAt(errors, "memberFilters.segmentIds", true)}</p>}
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Attribute rules</legend>
        {attributes.fields.length === 0 && <p className="text-[13px] text-slate-500">No attribute rules: a member’s attributes do not matter.</p>}
        {attributes.fields.map((field, i) => (
          <div key={field.id} className="grid items-start gap-2 sm:grid-cols-[minmax(0,1fr)_10rem_minmax(0,1.5fr)_auto]">
            <FormField label={`Rule ${i + 1}: attribute`} error={errorAt(errors, `memberFilters.attributes.${i}.key`)}>
              <Input placeholder="segment" spellCheck={false} {...register(`memberFilters.attributes.${i}.key`)} />
            </FormField>
            <FormField label="Condition">
              <Select {...register(`memberFilters.attributes.${i}.op`)}>
                <option value="eq">is</option>
                <option value="neq">is not</option>
                <option value="in">is one of</option>
              </Select>
            </FormField>
            <FormField label="Value" hint="For “is one of”, comma-separated." error={errorAt(errors, `memberFilters.attributes.${i}.values`, true)}>
              <Input placeholder="premium" {...register(`memberFilters.attributes.${i}.values`)} />
            </FormField>
            <Button variant="ghost" size="icon" className="sm:mt-6" aria-label={`Remove rule ${i + 1}`} onClick={() => attributes.remove(i)}>
              <Trash2 aria-hidden="true" />
            </Button>
          </div>
        ))}
        <div>
          <Button variant="secondary" size="sm" onClick={() => attributes.append({ key: "", op: "eq", values: "" })} disabled={attributes.fields.length >= 20}>
            <Plus aria-hidden="true" />
            Add attribute rule
          </Button>
        </div>
      </fieldset>
    </FieldSection>
  );
}
