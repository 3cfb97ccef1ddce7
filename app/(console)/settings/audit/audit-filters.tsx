import { X } from "lucide-react";
import Form from "next/form";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { hrefWith } from "@/components/ui/href";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TimeZoneInput } from "@/components/ui/time-zone-input";
import type { AuditFilterInput, ParsedAuditFilter } from "./filters";
import { filterParams } from "./filters";


const PATH = "/settings/audit";

/** The audit log filters: a GET form, so every filter is in the URL and a search starts from the newest entry. */
export function AuditFilters({ input, errors, entityTypes }: { input: AuditFilterInput; errors: ParsedAuditFilter["errors"]; entityTypes: string[] }) {
  const filtered = Boolean(input.actor || input.entityType || input.entityId || input.from || input.to);
  return (
    <Form action={PATH} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label="Filter the audit log">
      <TimeZoneInput />
      {input.entityId && <input type="hidden" name="entityId" value={input.entityId} />}
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,0.9fr)_minmax(0,0.9fr)_auto]">
        <FormField label="Actor" hint="Start of an email or key name">
          <Input name="actor" defaultValue={input.actor} placeholder="e.g. admin@" autoComplete="off" />
        </FormField>
        <FormField label="Entity type">
          <Select name="entityType" defaultValue={input.entityType ?? ""}>
            <option value="">All types</option>
            {entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
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
            <Link href={PATH} className={buttonVariants({ variant: "ghost" })}>
              Reset
            </Link>
          )}
        </div>
      </div>
      {input.entityId && (
        <div className="mt-3 flex items-center gap-2 text-[13px] text-slate-600">
          Showing the history of
          <Badge tone="accent" className="font-mono">
            {input.entityType ?? "entity"} {input.entityId}
          </Badge>
          <Link
            href={hrefWith(PATH, { ...filterParams(input), entityId: undefined })}
            className="inline-flex items-center gap-1 rounded text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <X className="size-3.5" aria-hidden="true" />
            All entities
          </Link>
        </div>
      )}
    </Form>
  );
}
