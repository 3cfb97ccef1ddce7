import Form from "next/form";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { OUTCOME_LABELS } from "./status";

export type OfferFilterInput = { status?: string; programId?: string; outcomeType?: string; partnerId?: string };

export const STATUS_FILTER_LABELS: Record<string, string> = {
  draft: "Draft",
  awaiting: "Awaiting approval",
  scheduled: "Scheduled",
  active: "Active",
  expired: "Expired",
  paused: "Paused",
  ended: "Ended",
};

/** The offer list's filters: a GET form, so every filter is in the URL and a new search starts at page 1. */
export function OfferFilters({
  input,
  programmes,
  partners,
  partnerError,
  pageSize,
}: {
  input: OfferFilterInput;
  programmes: { id: string; name: string; code: string }[];
  partners: { id: string; name: string; currencyName: string }[];
  partnerError?: string;
  pageSize: number;
}) {
  const filtered = Boolean(input.status || input.programId || input.outcomeType || input.partnerId);
  return (
    <Form action="/offers" className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label="Filter offers">
      {pageSize !== 25 && <input type="hidden" name="pageSize" value={pageSize} />}
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1.3fr)_auto]">
        <FormField label="Status">
          <Select name="status" defaultValue={input.status ?? ""}>
            <option value="">All statuses</option>
            {Object.entries(STATUS_FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Programme">
          <Select name="programId" defaultValue={input.programId ?? ""}>
            <option value="">All programmes</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Outcome">
          <Select name="outcomeType" defaultValue={input.outcomeType ?? ""}>
            <option value="">All outcomes</option>
            {Object.entries(OUTCOME_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Partner" error={partnerError}>
          <Select name="partnerId" defaultValue={input.partnerId ?? ""} title="Offers a partner funds or whose points they give">
            <option value="">All partners</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.currencyName})
              </option>
            ))}
          </Select>
        </FormField>
        <div className="flex items-center gap-2 lg:pt-[25px]">
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            Apply
          </button>
          {filtered && (
            <Link href="/offers" className={buttonVariants({ variant: "ghost" })}>
              Reset
            </Link>
          )}
        </div>
      </div>
    </Form>
  );
}
