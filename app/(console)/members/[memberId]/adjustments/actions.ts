"use server";

import { createAction } from "@/lib/auth/action";
import { formatPoints } from "@/components/programs/format";
import { adjustmentRequestSchema } from "@/lib/members/adjustment-schemas";
import { requestAdjustment } from "@/lib/members/adjustments";
import { revalidateAdjustment } from "../../../adjustments/revalidate";

/** An agent's credit or debit: posted at once up to the approval threshold, else sent for approval. */
export const requestAdjustmentAction = createAction({
  permission: "members:adjust",
  schema: adjustmentRequestSchema,
  handler: async ({ input, actor, db }) => {
    const adjustment = await requestAdjustment(db, actor, input);
    revalidateAdjustment(adjustment.memberId);
    const amount = `${formatPoints(adjustment.points)} ${adjustment.points === 1 ? "point" : "points"}`;
    const verb = adjustment.direction === "credit" ? "credited" : "debited";
    return {
      data: { adjustmentId: adjustment.id, status: adjustment.status },
      message:
        adjustment.status === "posted"
          ? `${amount} ${verb}. The member’s balance is updated.`
          : `Sent for approval: ${amount} will be ${verb} once another member care user approves.`,
    };
  },
});
