import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";

/** The dashboard's programme choice: the whole group first, then each programme. */
export function ScopeSelect({ programs, value, error }: { programs: { id: string; code: string; name: string }[]; value: string; error?: string }) {
  return (
    <FormField label="Programme" className="min-w-56 flex-1" error={error}>
      <Select name="program" defaultValue={value}>
        <option value="group">Whole group (all programmes)</option>
        {programs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.code})
          </option>
        ))}
      </Select>
    </FormField>
  );
}
