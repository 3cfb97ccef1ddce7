"use server";

import { createAction } from "@/lib/auth/action";
import { formatPoints } from "@/components/programs/format";
import { adjustmentDecisionSchema, adjustmentRejectionSchema } from "@/lib/members/adjustment-schemas";
import { approveAdjustment, rejectAdjustment } from "@/lib/members/adjustments";
import { revalidateAdjustment } from "./revalidate";

/** A second member care user approves a pending adjustment: it posts now. Its requester is refused (maker-checker). */
export const approveAdjustmentAction = createAction({
  permission: "members:adjust",
  schema: adjustmentDecisionSchema,
  handler: async ({ input, actor, db }) => {
    const adjustment = await approveAdjustment(db, actor, input);
    revalidateAdjustment(adjustment.memberId);
    return { message: `Approved: ${formatPoints(adjustment.points)} points ${adjustment.direction === "credit" ? "credited" : "debited"}.` };
  },
});

/** A second member care user rejects a pending adjustment with a note: nothing reaches the ledger. */
export const rejectAdjustmentAction = createAction({
  permission: "members:adjust",
  schema: adjustmentRejectionSchema,
  handler: async ({ input, actor, db }) => {
    const adjustment = await rejectAdjustment(db, actor, input);
    revalidateAdjustment(adjustment.memberId);
    return { message: "Rejected. The member’s points are unchanged." };
  },
});
