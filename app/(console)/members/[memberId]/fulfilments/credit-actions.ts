"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { retryCredit, reverseCredit } from "@/lib/partners/credits";
import { careReasonSchema } from "@/lib/transactions/care-reason";
import { claimFulfilment } from "@/lib/transactions/claim";

const creditSchema = z.object({ memberId: z.uuid("No such member."), fulfilmentId: z.uuid("No such fulfilment."), reason: careReasonSchema });

/** Sends a failed partner-points or cashback credit again (member care, partner managers), saying why. */
export const retryCreditAction = createAction({
  permission: "fulfilments:manage",
  schema: creditSchema,
  handler: async ({ input, actor, db }) => {
    await retryCredit(db, actor, input);
    revalidatePath(`/members/${input.memberId}/fulfilments`);
    return { message: "The credit is queued to be sent again; its state changes when the partner answers." };
  },
});

/** Asks the partner (or the bank) to reverse a posted credit, saying why. */
export const reverseCreditAction = createAction({
  permission: "fulfilments:manage",
  schema: creditSchema,
  handler: async ({ input, actor, db }) => {
    await reverseCredit(db, actor, input);
    revalidatePath(`/members/${input.memberId}/fulfilments`);
    return { message: "The reversal is queued; the credit shows as reversed once the partner confirms it." };
  },
});

/** Claims an outcome that waits for the member's claim, on the member's behalf, inside its claim window, saying why. */
export const claimForMemberAction = createAction({
  permission: "fulfilments:manage",
  schema: creditSchema,
  handler: async ({ input, actor, db }) => {
    // One transaction: the claim locks the fulfilment row, posts or queues it, and writes its history and audit together.
    const award = await db.transaction((tx) => claimFulfilment(tx, actor, input.fulfilmentId, { memberId: input.memberId, reason: input.reason }));
    revalidatePath(`/members/${input.memberId}/fulfilments`);
    revalidatePath(`/members/${input.memberId}`);
    return { message: award.state === "posted" ? "Claimed: the points are in the member's balance." : "Claimed: it is queued for delivery and shows as posted once delivered." };
  },
});
