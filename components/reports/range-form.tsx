import Form from "next/form";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { RangeResult, ReportRange } from "@/lib/reports/range";

/** A report's parameter error as ReportRangeForm's `error`, when it is about the period. */
export function periodError(error: { code: string; field?: string | null; message: string } | null | undefined): Extract<RangeResult, { ok: false }> | undefined {
  return error?.code === "invalid_range" ? { ok: false, field: error.field as "from" | "to" | "grain", message: error.message } : undefined;
}

/**
 * A report's period as a GET form (the period lives in the URL, so a report can be bookmarked and
 * shared): first and last day, the grain, and any filters the report adds (`children`, e.g. a programme).
 */
export function ReportRangeForm({
  action,
  range,
  error,
  children,
  showGrain = true,
}: {
  action: string;
  range: ReportRange;
  error?: Extract<RangeResult, { ok: false }>;
  children?: ReactNode;
  showGrain?: boolean;
}) {
  const errorFor = (field: "from" | "to" | "grain") => (error?.field === field ? error.message : undefined);
  return (
    <Form action={action} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label="Choose the period">
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <FormField label="From" className="w-40" error={errorFor("from")}>
          <Input type="date" name="from" defaultValue={range.from} required />
        </FormField>
        <FormField label="To" className="w-40" error={errorFor("to")}>
          <Input type="date" name="to" defaultValue={range.to} required />
        </FormField>
        {showGrain && (
          <FormField label="By" className="w-32" error={errorFor("grain")}>
            <Select name="grain" defaultValue={range.grain}>
              <option value="day">Day</option>
              <option value="week">Week</option>
              <option value="month">Month</option>
            </Select>
          </FormField>
        )}
        <button type="submit" className={buttonVariants({ variant: "secondary" })}>
          Show
        </button>
      </div>
    </Form>
  );
}
