"use client";

import { Undo2 } from "lucide-react";
import { formatPoints } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { reverseRedemptionAction } from "../actions";

export function ReverseRedemptionButton({ memberId, redemption }: { memberId: string; redemption: { id: string; points: number; breakup: string } }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Reverse the redemption of ${formatPoints(redemption.points)} points`}>
          <Undo2 aria-hidden="true" />
          Reverse
        </Button>
      }
      title={`Reverse this redemption of ${formatPoints(redemption.points)} points?`}
      consequence={
        <>
          The points go back to the lots they came from ({redemption.breakup}), with their original expiry dates. Points whose expiry has passed will expire
          again at the next expiry run. This cannot be undone.
        </>
      }
      confirmLabel="Reverse redemption"
      action={reverseRedemptionAction}
      fields={{ memberId, redemptionId: redemption.id }}
    />
  );
}
