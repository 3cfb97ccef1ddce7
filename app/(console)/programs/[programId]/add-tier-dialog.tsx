"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { addTierAction } from "../actions";

export function AddTierDialog({ programId, topTier }: { programId: string; topTier: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" data-testid="add-tier">
          <Plus aria-hidden="true" />
          Add tier
        </Button>
      </DialogTrigger>
      {open && <AddTierForm programId={programId} topTier={topTier} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function AddTierForm({ programId, topTier, onDone }: { programId: string; topTier: string | null; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(addTierAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent size="sm">
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="programId" value={programId} />
        <DialogHeader>
          <DialogTitle>Add tier</DialogTitle>
          <DialogDescription>
            {topTier ? `The new tier ranks above ${topTier}, the highest tier now.` : "The new tier ranks above the existing tiers."} Existing members keep their tier.
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="Name" error={errors?.name}>
            <Input name="name" autoComplete="off" defaultValue={valueOf(state, "name")} placeholder="Gold" />
          </FormField>
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-tier">
            Add tier
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
