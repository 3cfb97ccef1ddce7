"use client";

import { RotateCcw, Undo2 } from "lucide-react";
import { formatOutcomeValue } from "@/components/members/fulfilment-format";
import type { FulfilmentRow } from "@/components/members/fulfilments-table";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { retryCreditAction, reverseCreditAction } from "./credit-actions";

/** Send a failed credit again, or reverse a posted one, after a confirmation that says what happens. */
export function CreditButtons({ memberId, fulfilment: f, kind }: { memberId: string; fulfilment: FulfilmentRow; kind: "retry" | "reverse" }) {
  const what = formatOutcomeValue(f.outcomeType, f.value - f.reversedValue, f.currency);
  const to = f.outcomeType === "cashback" ? "the bank" : "the partner";
  const fields = { memberId, fulfilmentId: f.id };
  if (kind === "retry") {
    return (
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Send ${what} again`}>
            <RotateCcw aria-hidden="true" />
            Retry
          </Button>
        }
        title={`Send ${what} again?`}
        consequence={<>The credit goes back to pending and the worker sends it to {to} again. It counts against the offer&apos;s budget and the member&apos;s cap again; if they have no room left, nothing changes.</>}
        confirmLabel="Send again"
        confirmVariant="primary"
        action={retryCreditAction}
        fields={fields}
      />
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Reverse ${what}`}>
          <Undo2 aria-hidden="true" />
          Reverse
        </Button>
      }
      title={`Reverse ${what}?`}
      consequence={<>The worker asks {to} to take back {what} from the member&apos;s account. The credit shows as reversed once {to} confirms. This cannot be undone.</>}
      confirmLabel="Reverse credit"
      action={reverseCreditAction}
      fields={fields}
    />
  );
}
