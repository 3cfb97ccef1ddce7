"use client";

import { Plus } from "lucide-react";
import { startTransition, useState, type FormEvent } from "react";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { EXPIRY_AMOUNT, EXPIRY_KIND_OPTIONS, expiryRuleText, type ExpiryKind } from "@/components/programs/expiry-rule";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { addExpiryStrategyAction } from "../actions";

export function AddExpiryStrategyDialog({ programId, timeZone }: { programId: string; timeZone: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" data-testid="add-expiry-strategy">
          <Plus aria-hidden="true" />
          Add expiry strategy
        </Button>
      </DialogTrigger>
      {open && <AddExpiryStrategyForm programId={programId} timeZone={timeZone} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

const isKind = (v: string | undefined): v is ExpiryKind => EXPIRY_KIND_OPTIONS.some((o) => o.value === v);

function AddExpiryStrategyForm({ programId, timeZone, onDone }: { programId: string; timeZone: string; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(addExpiryStrategyAction, { onSuccess: onDone });
  // Submitted by hand rather than through <form action>: React resets a form after an action, which
  // would put the kind select back on its first option while the state still says otherwise.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const errors = state.success ? undefined : state.errors;
  const sentKind = valueOf(state, "kind");
  const [kind, setKind] = useState<ExpiryKind>(isKind(sentKind) ? sentKind : "months");
  const [amount, setAmount] = useState(valueOf(state, "amount") ?? "12");
  const unit = kind === "never" ? null : EXPIRY_AMOUNT[kind];
  const n = Number(amount);
  const preview = kind === "never" ? expiryRuleText("never", null) : /^\d+$/.test(amount) && n >= (unit?.min ?? 0) ? expiryRuleText(kind, n) : null;
  return (
    <DialogContent size="sm">
      <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="programId" value={programId} />
        <DialogHeader>
          <DialogTitle>Add expiry strategy</DialogTitle>
          <DialogDescription>How long points awarded with this strategy stay spendable. Expiry days are counted in the programme’s time zone, {timeZone}.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
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
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-expiry-strategy">
            Add strategy
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
