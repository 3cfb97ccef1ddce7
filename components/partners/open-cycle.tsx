"use client";

import { Lock } from "lucide-react";
import { formatMoney, formatPoints, trimDecimal } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { closeBillingCycleAction } from "@/app/(console)/partners/actions";
import type { OpenCycle } from "@/lib/partners/billing";
import { Figure } from "./figure";

/** The open cycle of a post-paid partner, and "Close cycle" with what it will bill. */
export function OpenCyclePanel({ partnerId, partnerName, cycle, canClose }: { partnerId: string; partnerName: string; cycle: OpenCycle; canClose: boolean }) {
  const amount = formatMoney(cycle.amountDue, cycle.currency);
  const empty = cycle.transactionCount === 0;
  return (
    <section aria-labelledby="open-cycle-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="open-cycle-heading" className="text-base font-semibold text-slate-900">
            Open cycle · statement #{cycle.nextNumber}
          </h2>
          <p className="text-[13px] text-slate-600">
            Since {cycle.periodFrom ? <DateTime value={cycle.periodFrom} /> : "the first transaction"}. Billed at {trimDecimal(cycle.pricePerPoint)} {cycle.currency} per point debited, rounded once for the statement.
          </p>
        </div>
        {canClose && (
          <ConfirmDialog
            trigger={
              <Button disabled={empty} title={empty ? "No unbilled transactions yet" : undefined} data-testid="close-cycle">
                <Lock aria-hidden="true" />
                Close cycle
              </Button>
            }
            title={`Close statement #${cycle.nextNumber} for ${partnerName}?`}
            consequence={
              <>
                It bills the {formatPoints(cycle.transactionCount)} unbilled transaction{cycle.transactionCount === 1 ? "" : "s"} so far ({formatPoints(cycle.debitPoints)} points debited):{" "}
                <strong className="font-semibold text-slate-900">{amount}</strong>. Transactions arriving while it closes go to the next statement. A closed statement cannot be reopened.
              </>
            }
            confirmLabel="Close cycle"
            confirmVariant="primary"
            action={closeBillingCycleAction}
            fields={{ partnerId }}
          />
        )}
      </div>
      <Card>
        <dl className="grid divide-y divide-slate-100 sm:grid-cols-4 sm:divide-x sm:divide-y-0">
          <Figure label="Unbilled transactions" testId="cycle-count">{formatPoints(cycle.transactionCount)}</Figure>
          <Figure label="Points given">{formatPoints(cycle.points)}</Figure>
          <Figure label="Points debited">{formatPoints(cycle.debitPoints)}</Figure>
          <Figure label="Amount due so far" testId="cycle-amount">{amount}</Figure>
        </dl>
      </Card>
    </section>
  );
}
