"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { NEW_PROGRAM_VALUES, ProgramFields } from "@/components/programs/program-fields";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-field";
import { createProgramAction } from "./actions";

export function NewProgramDialog({ first = false, label = "New programme" }: { first?: boolean; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="new-program">
          <Plus aria-hidden="true" />
          {label}
        </Button>
      </DialogTrigger>
      {open && <NewProgramForm first={first} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function NewProgramForm({ first, onDone }: { first: boolean; onDone: () => void }) {
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(createProgramAction, {
    onSuccess: (result) => {
      onDone();
      const id = (result.data as { programId?: string } | undefined)?.programId;
      if (id) router.push(`/programs/${id}`);
    },
  });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent>
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <DialogHeader>
          <DialogTitle>New programme</DialogTitle>
          <DialogDescription>
            {first
              ? "The first programme becomes the default (group) programme: group redemptions use its rules and point value."
              : "A points currency of one brand. It starts with a Base tier and a “Never” expiry strategy; add others on its page."}
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <ProgramFields state={state} initial={NEW_PROGRAM_VALUES} />
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-program">
            Create programme
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
