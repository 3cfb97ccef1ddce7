"use client";

import { HandCoins, RotateCcw, Undo2 } from "lucide-react";
import { formatOutcomeValue } from "@/components/members/fulfilment-format";
import type { FulfilmentRow } from "@/components/members/fulfilments-table";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmReason } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { claimForMemberAction, retryCreditAction, reverseCreditAction } from "./credit-actions";

const REASON: ConfirmReason = { hint: "3 to 300 characters. Kept in the fulfilment’s history and the audit log." };

/**
 * Send a failed credit again, reverse a posted one, or claim one that waits for the member's claim,
 * each after a confirmation that says what happens and asks why.
 */
export function CreditButtons({ memberId, fulfilment: f, kind }: { memberId: string; fulfilment: FulfilmentRow; kind: "retry" | "reverse" | "claim" }) {
  const what = formatOutcomeValue(f.outcomeType, f.value - f.reversedValue, f.currency, f.partnerCurrency);
  const to = f.outcomeType === "cashback" ? "the bank" : "the partner";
  const fields = { memberId, fulfilmentId: f.id };
  if (kind === "claim") {
    return (
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Claim ${what} for the member`} data-testid="claim-for-member">
            <HandCoins aria-hidden="true" />
            Claim
          </Button>
        }
        title={`Claim ${what} for the member?`}
        consequence={
          <>
            {f.outcomeType === "reward_points" ? "The points post to the member’s balance at once" : `It is sent to ${f.outcomeType === "voucher" ? "the member" : to} for delivery`}, as if the member had claimed it
            {f.claimExpiresAt && (
              <>
                {" "}
                (the claim window closes <DateTime value={f.claimExpiresAt} />)
              </>
            )}
            . A claim cannot be undone.
          </>
        }
        confirmLabel="Claim for the member"
        confirmVariant="primary"
        action={claimForMemberAction}
        fields={fields}
        reason={REASON}
      />
    );
  }
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
        reason={REASON}
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
      reason={REASON}
    />
  );
}
