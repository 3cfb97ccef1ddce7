import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import type { ParamError } from "@/lib/reports/offers/params";

const STATUS_LABELS: Record<string, string> = { active: "Active", paused: "Paused", approved: "Approved", submitted: "Submitted", draft: "Draft", ended: "Ended", base_earn: "Base earn only" };

/** The offer list's programme and status, inside the report's period form (all in the URL); the order is kept. */
export function OfferListFilters({
  programs,
  programId,
  status,
  sort,
  dir,
  error,
}: {
  programs: { id: string; name: string; code: string }[];
  programId: string | null;
  status: string | null;
  sort?: string;
  dir?: string;
  error?: ParamError;
}) {
  return (
    <>
      {sort && sort !== "awards" && <input type="hidden" name="sort" value={sort} />}
      {dir && <input type="hidden" name="dir" value={dir} />}
      <FormField label="Programme" className="min-w-52" error={error?.field === "program" ? error.message : undefined}>
        <Select name="program" defaultValue={programId ?? ""}>
          <option value="">Every programme</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code})
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Status" className="min-w-40" error={error?.field === "status" ? error.message : undefined}>
        <Select name="status" defaultValue={status ?? ""}>
          <option value="">Every status</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </FormField>
    </>
  );
}
