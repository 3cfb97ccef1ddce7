import { Hourglass } from "lucide-react";
import { DateTime } from "@/components/ui/date-time";
import type { OfferVersionRow } from "@/lib/offers/queries";
import { ApproveButton, RejectButton, WithdrawButton } from "./approval-buttons";

const NOTICE_ID = "maker-checker-notice";

/**
 * The version waiting for approval: who submitted it, and Approve / Reject for those who may decide.
 * Maker-checker: its author cannot approve it (the use case refuses with maker_checker); this says so up front.
 */
export function ApprovalPanel({
  offerId,
  name,
  pending,
  canApprove,
  canWrite,
  userId,
}: {
  offerId: string;
  name: string;
  pending: OfferVersionRow;
  canApprove: boolean;
  canWrite: boolean;
  userId: string;
}) {
  const own = pending.submittedBy === userId;
  return (
    <section aria-labelledby="approval-heading" className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-amber-200 bg-amber-50/70 px-5 py-4">
      <div className="flex gap-3">
        <Hourglass className="mt-0.5 size-5 shrink-0 text-amber-700" aria-hidden="true" />
        <div>
          <h2 id="approval-heading" className="text-sm font-semibold text-slate-900">
            Version {pending.version} is waiting for approval
          </h2>
          <p className="mt-0.5 text-[13px] text-slate-700">
            Submitted by {pending.submittedByName ?? "the system"} · <DateTime value={pending.submittedAt} />
          </p>
          {own ? (
            <p id={NOTICE_ID} className="mt-2 text-[13px] font-medium text-amber-900" data-testid="maker-checker-notice">
              Another user must approve what you submitted. You can withdraw it to keep editing.
            </p>
          ) : canApprove ? (
            <p className="mt-2 text-[13px] text-slate-700">Check the summary below, then approve it (it goes live at once) or send it back with a note.</p>
          ) : (
            <p className="mt-2 text-[13px] text-slate-700">A user with approval rights, other than its author, decides on it.</p>
          )}
        </div>
      </div>
      {(canApprove || (own && canWrite)) && (
        <div className="flex items-center gap-2">
          {own ? canWrite && <WithdrawButton offerId={offerId} version={pending.version} /> : <RejectButton offerId={offerId} version={pending.version} />}
          {canApprove && <ApproveButton offerId={offerId} version={pending.version} name={name} ownSubmission={own} noticeId={NOTICE_ID} />}
        </div>
      )}
    </section>
  );
}
