"use client";

import { Pause, Play, Square } from "lucide-react";
import { useFormAction, type FormState } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { changeOfferStatusAction } from "../actions";

/** Pause or resume: reversible, so one click, with its pending state; a refusal is toasted. */
export function PauseResumeButton({ offerId, change }: { offerId: string; change: "pause" | "resume" }) {
  const [, formAction, pending] = useFormAction(async (prev: FormState<undefined> | undefined, form: FormData) => {
    const result = await changeOfferStatusAction(prev, form);
    if (!result.success) toast.error(result.message ?? "The offer could not be changed.");
    return result;
  });
  return (
    <form action={formAction}>
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="change" value={change} />
      <Button type="submit" variant="secondary" loading={pending} data-testid={`${change}-offer`}>
        {change === "pause" ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
        {change === "pause" ? "Pause" : "Resume"}
      </Button>
    </form>
  );
}

/** End: final, so it asks first. */
export function EndOfferButton({ offerId, name }: { offerId: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" data-testid="end-offer">
          <Square aria-hidden="true" />
          End offer
        </Button>
      }
      title={`End “${name}”?`}
      consequence={
        <>
          The offer stops earning at once and cannot be resumed or edited again. What members already earned stays with them. To stop it for a while instead,
          pause it.
        </>
      }
      confirmLabel="End offer"
      action={changeOfferStatusAction}
      fields={{ offerId, change: "end" }}
    />
  );
}
