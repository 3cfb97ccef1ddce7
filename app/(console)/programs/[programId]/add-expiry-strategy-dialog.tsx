"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { valueOf } from "@/components/forms/use-form-action";
import { EXPIRY_AMOUNT, EXPIRY_KIND_OPTIONS, expiryRuleText, type ExpiryKind } from "@/components/programs/expiry-rule";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormDialog, type FormDialogState } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { addExpiryStrategyAction } from "../actions";

export function AddExpiryStrategyDialog({ programId, timeZone }: { programId: string; timeZone: string }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size="sm" data-testid="add-expiry-strategy">
          <Plus aria-hidden="true" />
          Add expiry strategy
        </Button>
      }
      size="sm"
      title="Add expiry strategy"
      description={`How long points awarded with this strategy stay spendable. Expiry days are counted in the programme’s time zone, ${timeZone}.`}
      action={addExpiryStrategyAction}
      hidden={{ programId }}
      // The kind select is controlled: React's reset after a <form action> would put it back on its first option.
      resetOnSubmit={false}
      submitLabel="Add strategy"
      submitTestId="create-expiry-strategy"
    >
      {(form) => <ExpiryStrategyFields {...form} />}
    </FormDialog>
  );
}

const isKind = (v: string | undefined): v is ExpiryKind => EXPIRY_KIND_OPTIONS.some((o) => o.value === v);

function ExpiryStrategyFields({ state, errors }: FormDialogState) {
  const sentKind = valueOf(state, "kind");
  const [kind, setKind] = useState<ExpiryKind>(isKind(sentKind) ? sentKind : "months");
  const [amount, setAmount] = useState(valueOf(state, "amount") ?? "12");
  const unit = kind === "never" ? null : EXPIRY_AMOUNT[kind];
  const n = Number(amount);
  const preview = kind === "never" ? expiryRuleText("never", null) : /^\d+$/.test(amount) && n >= (unit?.min ?? 0) ? expiryRuleText(kind, n) : null;
  return (
    <>
      <FormField label="Name" error={errors?.name}>
        <Input name="name" autoComplete="off" defaultValue={valueOf(state, "name")} placeholder="12 months" />
      </FormField>
      <FormField label="Points expire" error={errors?.kind}>
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ExpiryKind)} data-testid="expiry-kind">
          {EXPIRY_KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </FormField>
      {unit && (
        <FormField label={unit.label} hint={unit.hint} error={errors?.amount}>
          <Input name="amount" type="number" inputMode="numeric" min={unit.min} max={1200} step={1} value={amount} onChange={(e) => setAmount(e.target.value)} className="w-32" />
        </FormField>
      )}
      <p className="rounded-md bg-slate-50 px-3 py-2 text-[13px] text-slate-700 ring-1 ring-slate-200 ring-inset" aria-live="polite">
        <span className="text-slate-500">Rule: </span>
        {preview ?? "enter a whole number"}
      </p>
      <div className="flex items-start gap-2">
        <Checkbox id="expiry-default" name="isDefault" aria-describedby="expiry-default-hint" defaultChecked={valueOf(state, "isDefault") === "on"} className="mt-0.5" />
        <div className="text-[13px] leading-5">
          <label htmlFor="expiry-default" className="cursor-pointer text-slate-800">
            Make it the default strategy
          </label>
          <p id="expiry-default-hint" className="text-xs text-slate-500">
            Used when an award names no expiry strategy; the current default stops being one.
          </p>
        </div>
      </div>
    </>
  );
}
