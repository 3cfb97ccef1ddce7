"use server";

import { z } from "zod";
import { formatPoints } from "@/components/programs/format";
import { createAction } from "@/lib/auth/action";
import { approvalThresholdSchema } from "@/lib/members/adjustment-schemas";
import { setSetting } from "@/lib/settings";

/**
 * The approval threshold of goodwill adjustments. Changed with settings:write (admins), like the other
 * installation settings on the Integrations tab; setSetting writes the audit record.
 */
export const saveAdjustmentThresholdAction = createAction({
  permission: "settings:write",
  schema: z.object({ threshold: approvalThresholdSchema }),
  revalidate: ["/settings/member-care", "/adjustments"],
  handler: async ({ input, actor, db }) => {
    await setSetting(db, actor, "member_care.adjustment_approval_threshold", String(input.threshold));
    return {
      message:
        input.threshold === 0
          ? "Saved. From now on every adjustment needs a second user’s approval."
          : `Saved. Adjustments above ${formatPoints(input.threshold)} points now need a second user’s approval.`,
    };
  },
});
