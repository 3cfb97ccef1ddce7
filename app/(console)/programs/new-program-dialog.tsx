"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { NEW_PROGRAM_VALUES, ProgramFields } from "@/components/programs/program-fields";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { createProgramAction } from "./actions";

export function NewProgramDialog({ first = false, label = "New programme" }: { first?: boolean; label?: string }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={
        <Button data-testid="new-program">
          <Plus aria-hidden="true" />
          {label}
        </Button>
      }
      title="New programme"
      description={
        first
          ? "The first programme becomes the default (group) programme: group redemptions use its rules and point value."
          : "A points currency of one brand. It starts with a Base tier and a “Never” expiry strategy; add others on its page."
      }
      action={createProgramAction}
      onSuccess={(result) => {
        const id = (result.data as { programId?: string } | undefined)?.programId;
        if (id) router.push(`/programs/${id}`);
      }}
      submitLabel="Create programme"
      submitTestId="create-program"
    >
      {({ state }) => <ProgramFields state={state} initial={NEW_PROGRAM_VALUES} />}
    </FormDialog>
  );
}
