"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_ATTRIBUTES } from "@/components/members/attribute-limits";
import { createAction } from "@/lib/auth/action";
import { reverseRedemption } from "@/lib/ledger/redeem";
import { enrolMember } from "@/lib/members";
import { enrolMemberSchema } from "@/lib/members/schemas";

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/**
 * The enrolment form: the API's enrolment schema, with blank profile fields as "not given" and the
 * custom attributes as parallel key / value rows (attrKey[], attrValue[]) instead of an object.
 */
const enrolFormSchema = enrolMemberSchema
  .omit({ attributes: true, firstName: true, lastName: true, email: true, phone: true, programIds: true })
  .extend({
    firstName: z.preprocess(blankToNull, enrolMemberSchema.shape.firstName),
    lastName: z.preprocess(blankToNull, enrolMemberSchema.shape.lastName),
    email: z.preprocess(blankToNull, enrolMemberSchema.shape.email),
    phone: z.preprocess(blankToNull, enrolMemberSchema.shape.phone),
    programIds: z.preprocess(list, enrolMemberSchema.shape.programIds),
    attrKey: z.preprocess(list, z.array(z.string().trim())),
    attrValue: z.preprocess(list, z.array(z.string().trim())),
  })
  .superRefine((form, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", path: ["attributes"], message });
    const rows = form.attrKey.map((key, i) => ({ key, value: form.attrValue[i] ?? "" })).filter((r) => r.key || r.value);
    if (rows.length > MAX_ATTRIBUTES) return problem(`At most ${MAX_ATTRIBUTES} attributes.`);
    if (rows.some((r) => !r.key)) return problem("Every attribute needs a name.");
    if (rows.some((r) => !/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(r.key))) return problem("Attribute names start with a letter: letters, digits, _ . or -, up to 40.");
    if (new Set(rows.map((r) => r.key)).size !== rows.length) return problem("Each attribute name only once.");
    if (rows.some((r) => r.value.length > 200)) return problem("Attribute values are at most 200 characters.");
  })
  .transform(({ attrKey, attrValue, ...member }) => ({
    ...member,
    attributes: Object.fromEntries(attrKey.flatMap((key, i) => (key ? [[key, attrValue[i] ?? ""] as const] : []))),
  }));

export const enrolMemberAction = createAction({
  permission: "members:write",
  schema: enrolFormSchema,
  revalidate: ["/members", "/programs", "/programs/health"],
  handler: async ({ input, actor, db }) => {
    const member = await enrolMember(db, actor, input);
    const programmes = member.programs.length;
    return {
      data: { memberId: member.id },
      message: `${member.externalId} was enrolled in ${programmes} ${programmes === 1 ? "programme" : "programmes"}.`,
    };
  },
});

export const reverseRedemptionAction = createAction({
  permission: "members:adjust",
  schema: z.object({ memberId: z.string().uuid(), redemptionId: z.string().uuid("No such redemption.") }),
  handler: async ({ input, actor, db }) => {
    const redemption = await reverseRedemption(db, actor, input.redemptionId, new Date(), { memberId: input.memberId });
    revalidatePath(`/members/${input.memberId}`);
    return { message: `The redemption of ${redemption.points.toLocaleString("en-US")} points was reversed; the points are back in the member's balance.` };
  },
});
