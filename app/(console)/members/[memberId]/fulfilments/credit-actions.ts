"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { retryCredit, reverseCredit } from "@/lib/partners/credits";

const creditSchema = z.object({ memberId: z.uuid("No such member."), fulfilmentId: z.uuid("No such fulfilment.") });

/** Sends a failed partner-points or cashback credit again (member care, partner managers). */
export const retryCreditAction = createAction({
  permission: "fulfilments:manage",
  schema: creditSchema,
  handler: async ({ input, actor, db }) => {
    await retryCredit(db, actor, input);
    revalidatePath(`/members/${input.memberId}/fulfilments`);
    return { message: "The credit is queued to be sent again; its state changes when the partner answers." };
  },
});

/** Asks the partner (or the bank) to reverse a posted credit. */
export const reverseCreditAction = createAction({
  permission: "fulfilments:manage",
  schema: creditSchema,
  handler: async ({ input, actor, db }) => {
    await reverseCredit(db, actor, input);
    revalidatePath(`/members/${input.memberId}/fulfilments`);
    return { message: "The reversal is queued; the credit shows as reversed once the partner confirms it." };
  },
});
