"use client";

import { Check, Pencil, Undo2, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { approveOfferAction, editLiveOfferAction, rejectOfferAction, withdrawOfferAction } from "../actions";

/** Approve the waiting version: it goes live at once (from its start date). Disabled for its own author. */
export function ApproveButton({ offerId, version, name, ownSubmission, noticeId }: { offerId: string; version: number; name: string; ownSubmission: boolean; noticeId: string }) {
  const button = (
    <Button data-testid="approve-offer" disabled={ownSubmission} aria-describedby={ownSubmission ? noticeId : undefined}>
      <Check aria-hidden="true" />
      Approve
    </Button>
  );
  if (ownSubmission) return button;
  return (
    <ConfirmDialog
      trigger={button}
      title={`Approve version ${version} of “${name}”?`}
      consequence={<>It goes live at once and earns from its start date, within its budget. {version > 1 ? "It replaces the live version." : ""}</>}
      confirmLabel="Approve"
      confirmVariant="primary"
      action={approveOfferAction}
      fields={{ offerId }}
    />
  );
}

/** Its author takes the waiting version back to keep editing (after a confirmation). */
export function WithdrawButton({ offerId, version }: { offerId: string; version: number }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" data-testid="withdraw-offer">
          <Undo2 aria-hidden="true" />
          Withdraw
        </Button>
      }
      title={`Withdraw version ${version}?`}
      consequence={<>It stops waiting for approval and goes back to you as a draft. {version > 1 ? "The live version keeps earning." : "Nothing goes live."}</>}
      confirmLabel="Withdraw"
      confirmVariant="secondary"
      action={withdrawOfferAction}
      fields={{ offerId }}
    />
  );
}

/** Send the waiting version back with a note (required), so its author knows what to change. */
export function RejectButton({ offerId, version }: { offerId: string; version: number }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" data-testid="reject-offer">
          <X aria-hidden="true" />
          Reject
        </Button>
      }
      title={`Reject version ${version}?`}
      description={`The version is marked rejected with your note and the draft goes back for editing. ${version > 1 ? "The live version keeps earning." : "Nothing goes live."}`}
      action={rejectOfferAction}
      hidden={{ offerId }}
      submitLabel="Reject"
      submitTestId="confirm-reject"
      submitVariant="danger"
    >
      {({ state, errors }) => (
        <FormField label="Note" hint="Shown in the versions table. Say what should change." error={errors?.note}>
          <Textarea name="note" rows={3} defaultValue={valueOf(state, "note")} required />
        </FormField>
      )}
    </FormDialog>
  );
}


/** Starts the next version of a live offer from the live definition and opens it in the wizard. */
export function EditLiveButton({ offerId, liveVersion }: { offerId: string; liveVersion: number }) {
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(editLiveOfferAction, { onSuccess: () => router.push(`/offers/${offerId}/edit`) });
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="offerId" value={offerId} />
      <Button type="submit" variant="secondary" loading={pending} data-testid="edit-offer" title={`Start version ${liveVersion + 1}; version ${liveVersion} keeps earning meanwhile`}>
        <Pencil aria-hidden="true" />
        Edit (new version)
      </Button>
      {!state.success && state.message && <p className="text-xs text-red-600" role="alert">{state.message}</p>}
    </form>
  );
}
