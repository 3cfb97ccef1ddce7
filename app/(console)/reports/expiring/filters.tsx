import Form from "next/form";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { EXPIRING_WINDOWS } from "@/lib/expiry/report-params";

/** The report's programme and window as a GET form: both live in the URL, a new choice starts at page 1. */
export function ExpiringFilters({
  programs,
  programId,
  days,
  pageSize,
  error,
}: {
  programs: { id: string; name: string; code: string }[];
  programId: string | null;
  days: number;
  pageSize: number;
  error?: { field: "program" | "days"; message: string };
}) {
  return (
    <Form action="/reports/expiring" className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label="Choose the programme and window">
      {pageSize !== 25 && <input type="hidden" name="pageSize" value={pageSize} />}
      <div className="flex flex-wrap items-end gap-3">
        <FormField label="Programme" className="min-w-56 flex-1" error={error?.field === "program" ? error.message : undefined}>
          <Select name="program" defaultValue={programId ?? ""}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Expiring within" className="min-w-40" error={error?.field === "days" ? error.message : undefined}>
          <Select name="days" defaultValue={String(days)}>
            {EXPIRING_WINDOWS.map((w) => (
              <option key={w} value={w}>
                the next {w} days
              </option>
            ))}
          </Select>
        </FormField>
        <button type="submit" className={buttonVariants({ variant: "secondary" })}>
          Show
        </button>
      </div>
    </Form>
  );
}
