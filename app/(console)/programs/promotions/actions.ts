"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { formatPoints } from "@/components/programs/format";
import { createImport } from "@/lib/imports";
import { uploadFileFields } from "@/lib/imports/upload-schema";
import { awardPromotionalPoints, startOfProgramDay } from "@/lib/promotions/award";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const awardSchema = z.object({
  memberId: z.uuid("Choose the member (search by external id, name or email)."),
  programId: z.uuid("Choose the programme."),
  points: z.coerce.number({ error: "Enter the points." }).int("Use a whole number of points.").min(1, "Award at least 1 point.").max(100_000_000, "At most 100,000,000 points at once."),
  reason: z.string({ error: "Say why the points are given." }).trim().min(3, "Say why the points are given (at least 3 characters).").max(200, "At most 200 characters."),
  expiryStrategyId: optional(z.uuid("Choose an expiry strategy of this programme.")),
  awardedOn: optional(z.iso.date("Use a date such as 2026-03-01.")),
  externalReference: optional(z.string().trim().max(100, "At most 100 characters.")),
});

/**
 * Promotional points for one member (program managers: programs:write). A back-dated award counts
 * from the start of the chosen day in the programme's time zone, and its expiry derives from it.
 */
export const awardPromotionalPointsAction = createAction({
  permission: "programs:write",
  schema: awardSchema,
  revalidate: ["/programs/promotions"],
  handler: async ({ input, actor, db }) => {
    const awardedAt = input.awardedOn ? await startOfProgramDay(db, input.programId, input.awardedOn) : undefined;
    const award = await awardPromotionalPoints(db, actor, { ...input, awardedAt });
    return { data: { entryId: award.entryId }, message: `Awarded ${formatPoints(award.points)} points.` };
  },
});

/** A CSV file of promotional points, checked and queued for the import job (programs:write). */
export const uploadPromotionsAction = createAction({
  permission: "programs:write",
  schema: z.object(uploadFileFields),
  revalidate: ["/programs/promotions/imports"],
  handler: async ({ input, user, actor, db }) => {
    const created = await createImport(db, actor, { kind: "promotional_points", fileName: input.fileName, content: input.content, createdBy: user.id });
    const rows = `${formatPoints(created.totalRows)} row${created.totalRows === 1 ? "" : "s"}`;
    return {
      data: { importId: created.id },
      message: created.invalidRows ? `Uploaded ${rows}; ${formatPoints(created.invalidRows)} cannot be imported (see the error report).` : `Uploaded ${rows}.`,
    };
  },
});
