"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { ProgramFields, type ProgramFieldValues } from "@/components/programs/program-fields";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-field";
import { updateProgramAction } from "../actions";

export function EditProgramDialog({ programId, values }: { programId: string; values: ProgramFieldValues }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" data-testid="edit-program">
          <Pencil aria-hidden="true" />
          Edit
        </Button>
      </DialogTrigger>
      {open && <EditProgramForm programId={programId} values={values} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function EditProgramForm({ programId, values, onDone }: { programId: string; values: ProgramFieldValues; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(updateProgramAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent>
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="programId" value={programId} />
        <DialogHeader>
          <DialogTitle>Edit {values.name}</DialogTitle>
          <DialogDescription>
            Changes apply from now on, to new redemptions and to the liability shown; the change is recorded in the audit log.
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <ProgramFields state={state} initial={values} />
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="save-program">
            Save changes
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
