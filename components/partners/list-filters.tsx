import Form from "next/form";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type FilterSelect = { name: string; label: string; all: string; options: { value: string; label: string }[] };

/**
 * A list's filters as a GET form: every filter lives in the URL, a new search starts at page 1 and
 * keeps the page size. An optional text search comes first.
 */
export function ListFilters({
  action,
  label,
  selects,
  values,
  search,
  pageSize,
}: {
  action: string;
  label: string;
  selects: FilterSelect[];
  values: Record<string, string | undefined>;
  search?: { label: string; placeholder: string };
  pageSize: number;
}) {
  const filtered = Object.values(values).some(Boolean);
  return (
    <Form action={action} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" aria-label={label}>
      {pageSize !== 25 && <input type="hidden" name="pageSize" value={pageSize} />}
      <div className="flex flex-wrap items-end gap-3">
        {search && (
          <FormField label={search.label} className="min-w-56 flex-[1.4]">
            <Input name="q" type="search" defaultValue={values.q} placeholder={search.placeholder} autoComplete="off" />
          </FormField>
        )}
        {selects.map((s) => (
          <FormField key={s.name} label={s.label} className="min-w-40 flex-1">
            <Select name={s.name} defaultValue={values[s.name] ?? ""}>
              <option value="">{s.all}</option>
              {s.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </FormField>
        ))}
        <div className="flex items-center gap-2">
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            Apply
          </button>
          {filtered && (
            <Link href={action} className={buttonVariants({ variant: "ghost" })}>
              Reset
            </Link>
          )}
        </div>
      </div>
    </Form>
  );
}
