"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { setGroupRedemptionRulesAction } from "../actions";

export type RulesChoice = { id: string; name: string; rules: string };

/**
 * For the default programme: whose redemption rules validate a group redemption (the ratio is
 * always the default programme's).
 */
export function GroupRulesForm({ programId, current, choices, canWrite }: { programId: string; current: string; choices: RulesChoice[]; canWrite: boolean }) {
  const [state, formAction, pending] = useFormAction(setGroupRedemptionRulesAction);
  const chosen = choices.find((c) => c.id === current);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Group redemption rules</CardTitle>
        <CardDescription>
          A group redemption spends points from all of a member’s programmes at this programme’s point value. Its minimum, maximum and multiples come from the
          programme chosen here.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {canWrite ? (
          <form key={current} action={formAction} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="programId" value={programId} />
            <div className="min-w-72">
              <FormField label="Validate group redemptions with the rules of" error={state.errors?.rulesProgramId}>
                <Select name="rulesProgramId" defaultValue={current}>
                  {choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} — {c.rules}
                    </option>
                  ))}
                </Select>
              </FormField>
            </div>
            <Button type="submit" variant="secondary" loading={pending}>
              Save rules
            </Button>
            {!state.success && state.message && !state.errors && <FormMessage message={state.message} />}
          </form>
        ) : (
          <p className="text-[13px] text-slate-700">
            {chosen?.name} — {chosen?.rules}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
