"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { createSegment, deleteSegment, updateSegment } from "@/lib/segments";
import { segmentDefinitionSchema } from "@/lib/segments/definition";
import { countSegment } from "@/lib/segments/query";

/** The builder sends its definition as one JSON field; a malformed one is a field error, not a crash. */
const definitionField = z
  .string({ error: "Build the segment's conditions." })
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The conditions could not be read. Reload the page and try again." });
      return z.NEVER;
    }
  })
  .pipe(segmentDefinitionSchema);

const segmentFields = {
  name: z.string({ error: "Name the segment." }).trim().min(1, "Name the segment.").max(80, "A name has at most 80 characters."),
  description: z.string().trim().max(500, "A description has at most 500 characters.").optional().default(""),
  definition: definitionField,
};
const segmentId = z.uuid({ error: "Choose a valid segment." });

/** The builder's live count: how many members the conditions match now (read-only). */
export const countSegmentAction = createAction({
  permission: "segments:read",
  schema: z.object({ definition: definitionField }),
  handler: async ({ db, input }) => {
    const started = performance.now();
    const count = await countSegment(db, input.definition, new Date());
    return { data: { count, ms: Math.round(performance.now() - started) } };
  },
});

export const createSegmentAction = createAction({
  permission: "segments:write",
  schema: z.object(segmentFields),
  handler: async ({ db, actor, input }) => {
    const segment = await createSegment(db, actor, input, new Date());
    return { data: { segmentId: segment.id }, message: `Saved “${segment.name}”: ${segment.memberCount.toLocaleString("en-GB")} members.` };
  },
  revalidate: ["/segments"],
});

export const updateSegmentAction = createAction({
  permission: "segments:write",
  schema: z.object({ ...segmentFields, segmentId, version: z.coerce.number({ error: "Reload the segment and edit again." }).int().min(1) }),
  handler: async ({ db, actor, input }) => {
    const segment = await updateSegment(db, actor, input.segmentId, input.version, input, new Date());
    return { data: { segmentId: segment.id }, message: `Saved “${segment.name}”: ${segment.memberCount.toLocaleString("en-GB")} members.` };
  },
  revalidate: ["/segments"],
});

export const deleteSegmentAction = createAction({
  permission: "segments:write",
  schema: z.object({ segmentId }),
  handler: async ({ db, actor, input }) => {
    await deleteSegment(db, actor, input.segmentId);
    return { message: "The segment was deleted." };
  },
  revalidate: ["/segments"],
});
