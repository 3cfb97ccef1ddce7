import Form from "next/form";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TimeZoneInput } from "@/components/ui/time-zone-input";
import { TIMELINE_KIND_LABELS, TIMELINE_KINDS } from "@/lib/members/timeline";
import type { ParsedTimelineFilter, TimelineFilterInput } from "./filters";

/** The timeline's filters: a GET form, so a filter is a link and starts from the newest entry. */
export function TimelineFilters({
  path,
  input,
  errors,
  programmes,
}: {
  path: string;
  input: TimelineFilterInput;
  errors: ParsedTimelineFilter["errors"];
  programmes: { id: string; code: string; name: string }[];
}) {
  const filtered = Boolean(input.programId || input.kind || input.from || input.to);
  return (
    <Form action={path} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label="Filter the timeline">
      <TimeZoneInput />
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.8fr)_minmax(0,0.8fr)_auto]">
        <FormField label="Programme">
          <Select name="programme" defaultValue={input.programId ?? ""}>
            <option value="">All programmes</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Kind">
          <Select name="kind" defaultValue={input.kind ?? ""}>
            <option value="">Everything</option>
            {TIMELINE_KINDS.map((k) => (
              <option key={k} value={k}>
                {TIMELINE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="From" error={errors.from}>
          <Input name="from" type="date" defaultValue={input.from} />
        </FormField>
        <FormField label="To (inclusive)" error={errors.to}>
          <Input name="to" type="date" defaultValue={input.to} />
        </FormField>
        <div className="flex items-center gap-2 lg:pt-[25px]">
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            Apply
          </button>
          {filtered && (
            <Link href={path} className={buttonVariants({ variant: "ghost" })}>
              Reset
            </Link>
          )}
        </div>
      </div>
    </Form>
  );
}
