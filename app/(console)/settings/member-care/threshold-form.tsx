"use client";

import { Save } from "lucide-react";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { saveAdjustmentThresholdAction } from "./actions";

/** The approval threshold, as a whole number of points; the server checks it again. */
export function ThresholdForm({ threshold }: { threshold: number }) {
  const [state, formAction, pending] = useFormAction(saveAdjustmentThresholdAction);
  const errors = state.success ? undefined : state.errors;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-label="Adjustment approval threshold">
      <FormMessage message={!state.success && !errors ? state.message : undefined} />
      <FormField
        label="Approval threshold (points)"
        hint="Adjustments of up to this many points post at once; larger ones wait for a second member care user. 0 sends every adjustment for approval."
        error={errors?.threshold}
      >
        <Input name="threshold" inputMode="numeric" autoComplete="off" defaultValue={valueOf(state, "threshold") ?? String(threshold)} className="w-40 tabular-nums" />
      </FormField>
      <div>
        <Button type="submit" loading={pending} data-testid="save-threshold">
          {!pending && <Save aria-hidden="true" />}
          Save
        </Button>
      </div>
    </form>
  );
}
