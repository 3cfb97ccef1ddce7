"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { approvePointBlock, recordPointBlock, rejectionReasonSchema, rejectPointBlock } from "@/lib/partners/blocks";
import { pointBlockInputSchema } from "@/lib/partners/schemas";

const LIST = "/point-blocks";
const blockId = z.object({ blockId: z.uuid("No such point block.") });
/** A block changed: its page, its partner's page (blocks summary) and the partners list (available points). */
const revalidateBlock = (block: { id: string; partnerId: string }) => {
  revalidatePath(`/point-blocks/${block.id}`);
  revalidatePath(`/partners/${block.partnerId}`);
};

export const recordPointBlockAction = createAction({
  permission: "point_blocks:write",
  schema: z.object({ partnerId: z.uuid("Choose the partner that bought the points.") }).and(pointBlockInputSchema),
  revalidate: [LIST, "/partners"],
  handler: async ({ input: { partnerId, ...fields }, actor, db }) => {
    const block = await recordPointBlock(db, actor, partnerId, fields);
    revalidateBlock(block);
    return { data: { blockId: block.id }, message: "The block was recorded. Another partner manager must approve it before its points can be used." };
  },
});

export const approvePointBlockAction = createAction({
  permission: "point_blocks:approve",
  schema: blockId,
  revalidate: [LIST, "/partners"],
  handler: async ({ input, actor, db }) => {
    const block = await approvePointBlock(db, actor, input.blockId);
    revalidateBlock(block);
    return { message: `The block is approved: its ${block.points.toLocaleString("en-GB")} points are available.` };
  },
});

export const rejectPointBlockAction = createAction({
  permission: "point_blocks:approve",
  schema: blockId.extend({ reason: rejectionReasonSchema }),
  revalidate: [LIST, "/partners"],
  handler: async ({ input, actor, db }) => {
    const block = await rejectPointBlock(db, actor, input.blockId, input.reason);
    revalidateBlock(block);
    return { message: "The block was rejected. Its points will not be used." };
  },
});
