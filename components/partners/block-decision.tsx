"use client";

import { Check, X } from "lucide-react";
import { valueOf } from "@/components/forms/use-form-action";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { approvePointBlockAction, rejectPointBlockAction } from "@/app/(console)/point-blocks/actions";

export type DecisionBlock = { id: string; partnerName: string; points: number; price: number; currency: string; reference: string };

/**
 * Approve / Reject of a pending block. Maker-checker: its recorder sees Approve disabled with the
 * reason (the server action refuses too) and may withdraw it with Reject.
 */
export function BlockDecision({ block, ownBlock, size = "md" }: { block: DecisionBlock; ownBlock: boolean; size?: "sm" | "md" }) {
  const noticeId = `maker-checker-${block.id}`;
  const approve = (
    <Button size={size} disabled={ownBlock} aria-describedby={ownBlock ? noticeId : undefined} data-testid="approve-block" title={ownBlock ? "You recorded this block: another partner manager must approve it" : undefined}>
      <Check aria-hidden="true" />
      Approve
    </Button>
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <RejectBlockButton block={block} ownBlock={ownBlock} size={size} />
        {ownBlock ? (
          approve
        ) : (
          <ConfirmDialog
            trigger={approve}
            title={`Approve ${formatPoints(block.points)} points for ${block.partnerName}?`}
            consequence={
              <>
                The block ({block.reference}, {formatMoney(block.price, block.currency)}) becomes active at once and its points fund {block.partnerName}’s earn transactions. An approval cannot be undone.
              </>
            }
            confirmLabel="Approve block"
            confirmVariant="primary"
            action={approvePointBlockAction}
            fields={{ blockId: block.id }}
          />
        )}
      </div>
      {ownBlock && (
        <p id={noticeId} className="max-w-56 text-right text-xs font-medium text-amber-800" data-testid="maker-checker-notice">
          You recorded this block: another partner manager must approve it.
        </p>
      )}
    </div>
  );
}

function RejectBlockButton({ block, ownBlock, size }: { block: DecisionBlock; ownBlock: boolean; size: "sm" | "md" }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size={size} data-testid="reject-block">
          <X aria-hidden="true" />
          {ownBlock ? "Withdraw" : "Reject"}
        </Button>
      }
      title={`${ownBlock ? "Withdraw" : "Reject"} the block ${block.reference}?`}
      description={`Its ${formatPoints(block.points)} points will never be available. A rejected block cannot be approved later; record a new one instead.`}
      action={rejectPointBlockAction}
      hidden={{ blockId: block.id }}
      submitLabel={ownBlock ? "Withdraw block" : "Reject block"}
      submitTestId="confirm-reject-block"
      submitVariant="danger"
    >
      {({ state, errors }) => (
        <FormField label="Reason" hint="Shown with the block, e.g. “Invoice amount does not match the PO”." error={errors?.reason}>
          <Textarea name="reason" rows={3} maxLength={500} defaultValue={valueOf(state, "reason")} />
        </FormField>
      )}
    </FormDialog>
  );
}
