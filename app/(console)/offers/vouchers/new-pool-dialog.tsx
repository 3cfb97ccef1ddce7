"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createVoucherPoolAction } from "./actions";

/** "New pool": a name and a description; codes are added to the pool afterwards. */
export function NewPoolDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="new-voucher-pool">
          <Plus aria-hidden="true" />
          New pool
        </Button>
      </DialogTrigger>
      {open && <NewPoolForm onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function NewPoolForm({ onDone }: { onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(createVoucherPoolAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent>
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <DialogHeader>
          <DialogTitle>New voucher pool</DialogTitle>
          <DialogDescription>A pool holds the codes a voucher offer gives out, one code per award. Add codes once it exists: upload a file or generate them.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="Name" hint="What the codes are for, e.g. “Movie tickets – PVR”." error={errors?.name}>
            <Input name="name" autoComplete="off" maxLength={120} defaultValue={valueOf(state, "name")} />
          </FormField>
          <FormField label="Description (optional)" hint="For the people who choose a pool in the offer wizard." error={errors?.description}>
            <Textarea name="description" maxLength={500} defaultValue={valueOf(state, "description")} />
          </FormField>
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-voucher-pool">
            Create pool
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
