"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { assignTier } from "@/lib/tiers";
import { careReasonSchema } from "@/lib/transactions/care-reason";

const assignSchema = z.object({
  memberId: z.uuid("No such member."),
  programId: z.uuid("Choose a programme."),
  tierId: z.uuid("Choose a tier."),
  reason: careReasonSchema,
});

/** Puts a member in a tier by hand, with a reason (programme managers). */
export const assignTierAction = createAction({
  permission: "programs:write",
  schema: assignSchema,
  handler: async ({ input, actor, db }) => {
    const tier = await assignTier(db, actor, input);
    revalidatePath(`/members/${input.memberId}`, "layout");
    return { message: `The member is now in ${tier.name}.` };
  },
});
