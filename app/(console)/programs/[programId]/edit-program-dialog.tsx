"use client";

import { Pencil } from "lucide-react";
import { ProgramFields, type ProgramFieldValues } from "@/components/programs/program-fields";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { updateProgramAction } from "../actions";

export function EditProgramDialog({ programId, values }: { programId: string; values: ProgramFieldValues }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" data-testid="edit-program">
          <Pencil aria-hidden="true" />
          Edit
        </Button>
      }
      title={`Edit ${values.name}`}
      description="Changes apply from now on, to new redemptions and to the liability shown; the change is recorded in the audit log."
      action={updateProgramAction}
      hidden={{ programId }}
      submitLabel="Save changes"
      submitTestId="save-program"
    >
      {({ state }) => <ProgramFields state={state} initial={values} />}
    </FormDialog>
  );
}
