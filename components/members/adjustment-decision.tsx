"use client";

import { Check, X } from "lucide-react";
import { valueOf } from "@/components/forms/use-form-action";
import { formatPoints } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { MAX_DECISION_NOTE } from "@/lib/members/adjustment-schemas";
import { approveAdjustmentAction, rejectAdjustmentAction } from "@/app/(console)/adjustments/actions";

export type DecisionAdjustment = { id: string; direction: string; points: number; memberLabel: string; programCode: string; reason: string };

const describe = (a: DecisionAdjustment) => `${a.direction === "credit" ? "credit" : "debit"} of ${formatPoints(a.points)} points`;

/**
 * Approve / Reject of a pending adjustment. Maker-checker: its requester sees both disabled with the
 * reason (the server refuses too). Approving posts it at once; rejecting asks why.
 */
export function AdjustmentDecision({ adjustment, ownRequest }: { adjustment: DecisionAdjustment; ownRequest: boolean }) {
  const noticeId = `own-adjustment-${adjustment.id}`;
  if (ownRequest) {
    return (
      <div className="flex flex-col items-end gap-1">
        <div className="flex items-center gap-2">
          <Button variant="secondary" size="sm" disabled aria-describedby={noticeId}>
            <X aria-hidden="true" />
            Reject
          </Button>
          <Button size="sm" disabled aria-describedby={noticeId} data-testid="approve-adjustment">
            <Check aria-hidden="true" />
            Approve
          </Button>
        </div>
        <p id={noticeId} className="max-w-48 text-right text-xs font-medium text-amber-800" data-testid="maker-checker-notice">
          You requested this: another member care user must decide.
        </p>
      </div>
    );
  }
  return (
    <div className="flex items-center justify-end gap-2">
      <RejectButton adjustment={adjustment} />
      <ConfirmDialog
        trigger={
          <Button size="sm" data-testid="approve-adjustment" aria-label={`Approve the ${describe(adjustment)} for ${adjustment.memberLabel}`}>
            <Check aria-hidden="true" />
            Approve
          </Button>
        }
        title={`Approve this ${describe(adjustment)}?`}
        consequence={
          <>
            {formatPoints(adjustment.points)} points are {adjustment.direction === "credit" ? "credited to" : "debited from"} {adjustment.memberLabel} in {adjustment.programCode} at once ({adjustment.reason}). A posted adjustment cannot be undone.
          </>
        }
        confirmLabel={adjustment.direction === "credit" ? "Approve and credit" : "Approve and debit"}
        confirmVariant="primary"
        action={approveAdjustmentAction}
        fields={{ adjustmentId: adjustment.id }}
      />
    </div>
  );
}

function RejectButton({ adjustment }: { adjustment: DecisionAdjustment }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size="sm" data-testid="reject-adjustment" aria-label={`Reject the ${describe(adjustment)} for ${adjustment.memberLabel}`}>
          <X aria-hidden="true" />
          Reject
        </Button>
      }
      size="sm"
      title={`Reject this ${describe(adjustment)}?`}
      description={`${adjustment.memberLabel}’s points stay as they are. The requester sees your reason; a rejected adjustment cannot be approved later.`}
      action={rejectAdjustmentAction}
      hidden={{ adjustmentId: adjustment.id }}
      submitLabel="Reject adjustment"
      submitTestId="confirm-reject-adjustment"
      submitVariant="danger"
    >
      {({ state, errors }) => (
        <FormField label="Reason" hint="e.g. “No record of the missing flight in the partner file”." error={errors?.note}>
          <Textarea name="note" rows={3} maxLength={MAX_DECISION_NOTE} defaultValue={valueOf(state, "note")} />
        </FormField>
      )}
    </FormDialog>
  );
}
