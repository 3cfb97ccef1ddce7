"use client";

import { Sparkles } from "lucide-react";
import { startTransition, useState, type FormEvent } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { prefixFor } from "@/components/vouchers/codes";
import { generateVoucherCodesAction } from "./actions";

/** Generate N random codes with a prefix into a pool. */
export function GenerateCodesDialog({ pool }: { pool: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Generate codes for ${pool.name}`} data-testid="generate-codes">
          <Sparkles aria-hidden="true" />
          Generate
        </Button>
      </DialogTrigger>
      {open && <GenerateForm pool={pool} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function GenerateForm({ pool, onDone }: { pool: { id: string; name: string }; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(generateVoucherCodesAction, { onSuccess: onDone });
  const [count, setCount] = useState("100");
  const [prefix, setPrefix] = useState(() => prefixFor(pool.name));
  // Submitted by hand rather than through <form action>, so that React does not reset the fields after an error.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const errors = state.success ? undefined : state.errors;
  const amount = Number(count.replaceAll(",", ""));
  const valid = Number.isSafeInteger(amount) && amount >= 1 && amount <= 100_000;
  const example = `${prefix.trim().toUpperCase() || "…"}-7KQ2MXR9`;
  return (
    <DialogContent size="sm">
      <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="poolId" value={pool.id} />
        <DialogHeader>
          <DialogTitle>Generate codes for “{pool.name}”</DialogTitle>
          <DialogDescription>Random codes, 8 characters after the prefix, without 0/O or 1/I so they can be read aloud and typed.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="How many" hint="From 1 to 100,000." error={errors?.count}>
            <Input name="count" inputMode="numeric" autoComplete="off" value={count} onChange={(e) => setCount(e.target.value)} />
          </FormField>
          <FormField label="Prefix" hint={<>Codes look like <code className="font-mono">{example}</code>.</>} error={errors?.prefix}>
            <Input name="prefix" autoComplete="off" spellCheck={false} maxLength={16} className="font-mono uppercase" value={prefix} onChange={(e) => setPrefix(e.target.value)} />
          </FormField>
          <p className="text-xs text-slate-600">Codes cannot be removed from a pool once added.</p>
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="generate-codes-submit">
            {valid ? `Generate ${amount.toLocaleString("en-GB")} ${amount === 1 ? "code" : "codes"}` : "Generate codes"}
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
