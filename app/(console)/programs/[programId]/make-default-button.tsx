"use client";

import { Star } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setDefaultProgramAction } from "../actions";

export function MakeDefaultButton({ program, currentDefault }: { program: { id: string; name: string; pointValue: string }; currentDefault: string | null }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" data-testid="make-default">
          <Star aria-hidden="true" />
          Make default programme
        </Button>
      }
      title={`Make ${program.name} the default programme?`}
      consequence={
        <>
          Group redemptions will use this programme’s redemption rules and its ratio ({program.pointValue}), and group transfers will land in it.
          {currentDefault ? ` ${currentDefault} stops being the default programme.` : ""} Members’ balances do not change.
        </>
      }
      confirmLabel="Make default"
      confirmVariant="primary"
      action={setDefaultProgramAction}
      fields={{ programId: program.id }}
    />
  );
}
