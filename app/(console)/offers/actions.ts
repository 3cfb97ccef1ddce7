"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { STEP_SCHEMAS } from "@/components/offers/wizard-schema";
import { createAction } from "@/lib/auth/action";
import { approveOffer, changeOfferStatus, createOfferDraft, editLiveOffer, rejectOffer, saveOfferDraft, submitOffer, withdrawOffer } from "@/lib/offers";

const LIST = "/offers";
const offerId = z.object({ offerId: z.uuid("No such offer.") });
/** The offer's detail and edit pages changed, besides the list. */
const revalidateOffer = (id: string) => {
  revalidatePath(`/offers/${id}`);
  revalidatePath(`/offers/${id}/edit`);
};

/** The wizard sends the definition as JSON (nested lists and bands do not fit flat form fields). */
const definitionJson = z.string({ error: "The offer was not sent." }).transform((text, ctx): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: "The offer was not sent in a form the server understands. Reload the page and try again." });
  return z.NEVER;
});

/**
 * Checks the definition with the same step schemas as the wizard: every step up to the one being saved
 * (the review step checks the whole definition). Errors are keyed by the field's full path
 * ("filters.minAmount"), so the wizard puts each next to its input. The result is the draft with the
 * checked parts normalised (codes upper-cased, text trimmed).
 */
function checkedDraft(draft: Record<string, unknown>, step: number, ctx: z.RefinementCtx): Record<string, unknown> {
  const schemas = step >= 5 ? [STEP_SCHEMAS[5]] : [1, 2, 3, 4].filter((s) => s <= step).map((s) => STEP_SCHEMAS[s as 1 | 2 | 3 | 4]);
  let out = { ...draft };
  for (const schema of schemas) {
    const parsed = schema.safeParse(draft);
    if (parsed.success) out = { ...out, ...(parsed.data as Record<string, unknown>) };
    else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [issue.path.join(".") || "form"], message: issue.message });
  }
  return out;
}

const saveDraftSchema = z
  .object({
    offerId: z.union([z.literal(""), z.uuid("No such offer.")]).optional(),
    step: z.coerce.number().int().min(1).max(5),
    draft: definitionJson,
  })
  .transform(({ offerId: id, step, draft }, ctx) => ({ offerId: id || null, step, draft: checkedDraft(draft, step, ctx) }));

const submitSchema = z
  .object({ offerId: z.union([z.literal(""), z.uuid("No such offer.")]).optional(), draft: definitionJson })
  .transform(({ offerId: id, draft }, ctx) => ({ offerId: id || null, draft: checkedDraft(draft, 5, ctx) }));

const nameOf = (draft: Record<string, unknown>) => (typeof draft.name === "string" ? draft.name.trim() : "");
const programOf = (draft: Record<string, unknown>) => (typeof draft.programId === "string" ? draft.programId : "");

export const saveOfferDraftAction = createAction({
  permission: "offers:write",
  schema: saveDraftSchema,
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    if (input.offerId) {
      await saveOfferDraft(db, actor, input.offerId, input.draft, input.step);
      revalidateOffer(input.offerId);
      return { data: { offerId: input.offerId, created: false }, message: `Draft saved at step ${input.step} of 5.` };
    }
    // One transaction: a new offer never exists without the draft and step it was created from.
    const offer = await db.transaction(async (tx) => {
      const created = await createOfferDraft(tx, actor, { programId: programOf(input.draft), name: nameOf(input.draft), draft: input.draft });
      return saveOfferDraft(tx, actor, created.id, input.draft, input.step);
    });
    return { data: { offerId: offer.id, created: true }, message: `Draft “${offer.name}” saved at step ${input.step} of 5.` };
  },
});

export const submitOfferAction = createAction({
  permission: "offers:write",
  schema: submitSchema,
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    // One transaction: what is submitted is exactly the draft saved with it, or nothing is saved.
    const { id, version } = await db.transaction(async (tx) => {
      const target =
        input.offerId ?? (await createOfferDraft(tx, actor, { programId: programOf(input.draft), name: nameOf(input.draft), draft: input.draft })).id;
      await saveOfferDraft(tx, actor, target, input.draft, 5);
      const submitted = await submitOffer(tx, actor, target);
      return { id: target, version: submitted.version };
    });
    revalidateOffer(id);
    return {
      data: { offerId: id, version },
      message: `Version ${version} of “${nameOf(input.draft)}” was submitted. Another user with approval rights must approve it before it earns.`,
    };
  },
});

export const approveOfferAction = createAction({
  permission: "offers:approve",
  schema: offerId,
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    const offer = await approveOffer(db, actor, input.offerId);
    revalidateOffer(offer.id);
    return {
      message:
        offer.status === "paused"
          ? `Version ${offer.liveVersion} of “${offer.name}” is approved; the offer stays paused until it is resumed.`
          : `Version ${offer.liveVersion} of “${offer.name}” is approved and live.`,
    };
  },
});

export const rejectOfferAction = createAction({
  permission: "offers:approve",
  schema: offerId.extend({
    note: z
      .string({ error: "Say why, so the author knows what to change." })
      .trim()
      .min(1, "Say why, so the author knows what to change.")
      .max(1000, "The note has at most 1,000 characters."),
  }),
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    const offer = await rejectOffer(db, actor, input.offerId, input.note);
    revalidateOffer(offer.id);
    return { message: `The submission of “${offer.name}” was sent back to its author with your note.` };
  },
});

export const withdrawOfferAction = createAction({
  permission: "offers:write",
  schema: offerId,
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    const offer = await withdrawOffer(db, actor, input.offerId);
    revalidateOffer(offer.id);
    return { message: `Your submission of “${offer.name}” was withdrawn: edit the draft and submit it again.` };
  },
});

const CHANGE_DONE = { pause: "paused: it earns nothing until it is resumed", resume: "resumed: it earns again", end: "ended: it earns nothing from now on" } as const;

export const changeOfferStatusAction = createAction({
  permission: "offers:write",
  schema: offerId.extend({ change: z.enum(["pause", "resume", "end"], { error: "Choose pause, resume or end." }) }),
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    const offer = await changeOfferStatus(db, actor, input.offerId, input.change);
    revalidateOffer(offer.id);
    return { message: `“${offer.name}” was ${CHANGE_DONE[input.change]}.` };
  },
});

export const editLiveOfferAction = createAction({
  permission: "offers:write",
  schema: offerId,
  revalidate: [LIST],
  handler: async ({ input, actor, db }) => {
    const offer = await editLiveOffer(db, actor, input.offerId);
    revalidateOffer(offer.id);
    return {
      data: { offerId: offer.id },
      message: `Editing version ${(offer.liveVersion ?? 0) + 1} of “${offer.name}”. Version ${offer.liveVersion} keeps earning until the new one is approved.`,
    };
  },
});
