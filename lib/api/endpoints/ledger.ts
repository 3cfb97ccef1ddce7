import { z } from "zod";
import { defineEndpoint, timestampSchema } from "../endpoint";
import { memberRef } from "../schemas";

/** Programmes, members, balances, awards, redemptions and transfers (DESIGN.md, API contract v1). */

const uuid = z.uuid();
const pointsInput = z.number().meta({ description: "Whole points above zero.", example: 500 });
const breakup = z.array(z.object({ program_id: uuid, points: z.number().int() })).meta({ id: "RedemptionBreakup" });
const balances = {
  current: z.number().int(),
  pending: z.number().int(),
  redeemed: z.number().int(),
  expired: z.number().int(),
  transferred_in: z.number().int(),
  transferred_out: z.number().int(),
  lifetime: z.number().int(),
};

const programSchema = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    is_default: z.boolean(),
    points_to_currency: z.string().meta({ description: "Value of one point, an exact decimal.", example: "0.25" }),
    currency: z.string(),
    time_zone: z.string(),
    redemption_rules: z.object({ min_points: z.number().int(), max_points: z.number().int().nullable(), multiple_of: z.number().int() }),
  })
  .meta({ id: "Program" });

const memberSchema = z
  .object({
    id: uuid,
    external_id: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    programs: z.array(z.object({ program_id: uuid, tier: z.string(), enrolled_at: timestampSchema })),
    created_at: timestampSchema,
  })
  .meta({ id: "Member" });

const redemptionSchema = z
  .object({
    id: uuid,
    member_id: uuid,
    program_id: uuid,
    group_redemption: z.boolean(),
    points: z.number().int(),
    currency_value: z.number().int().meta({ description: "In minor units of `currency`." }),
    currency: z.string(),
    external_reference: z.string().nullable(),
    redemption_breakup_by_program: breakup,
    reversed_at: timestampSchema.nullable(),
    created_at: timestampSchema,
  })
  .meta({ id: "Redemption" });

export const listPrograms = defineEndpoint({
  method: "GET",
  path: "/api/v1/programs",
  scope: "programs:read",
  summary: "List the programmes",
  tags: ["programs"],
  responses: { 200: z.object({ programs: z.array(programSchema) }) },
});

export const enrolMember = defineEndpoint({
  method: "POST",
  path: "/api/v1/members",
  scope: "members:write",
  summary: "Enrol a member in one or more programmes",
  tags: ["members"],
  body: z.object({
    external_id: z.string().min(1).max(100),
    first_name: z.string().max(80).nullish(),
    last_name: z.string().max(80).nullish(),
    email: z.email().max(254).nullish(),
    phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/).nullish(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    program_ids: z.array(uuid).min(1),
  }),
  responses: { 201: memberSchema },
  errors: ["member_exists", "program_not_found"],
});

export const getMember = defineEndpoint({
  method: "GET",
  path: "/api/v1/members/{member_id}",
  scope: "members:read",
  summary: "Read a member's profile and tier per programme",
  tags: ["members"],
  params: z.object({ member_id: memberRef }),
  responses: { 200: memberSchema },
  errors: ["member_not_found"],
});

export const memberPoints = defineEndpoint({
  method: "GET",
  path: "/api/v1/members/{member_id}/points",
  scope: "members:read",
  summary: "Balances per programme, the group total and the expiry schedule",
  tags: ["members", "points"],
  params: z.object({ member_id: memberRef }),
  responses: {
    200: z.object({
      member_id: uuid,
      programs: z.array(z.object({ program_id: uuid, tier: z.string(), ...balances })),
      group: z.object(balances),
      expiry_schedule: z.array(z.object({ program_id: uuid, awarded_at: timestampSchema, expires_at: timestampSchema.nullable(), points_left: z.number().int() })),
    }),
  },
  errors: ["member_not_found"],
});

export const memberRedemptions = defineEndpoint({
  method: "GET",
  path: "/api/v1/members/{member_id}/redemptions",
  scope: "members:read",
  summary: "A member's redemptions, newest first, each with its breakup by programme",
  tags: ["members", "points"],
  params: z.object({ member_id: memberRef }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  responses: { 200: z.object({ redemptions: z.array(redemptionSchema) }) },
  errors: ["member_not_found"],
});

export const awardPoints = defineEndpoint({
  method: "POST",
  path: "/api/v1/points/award",
  scope: "points:write",
  summary: "Award promotional points, not tied to a transaction",
  description:
    "`awarded_at` may be in the past; the expiry date derives from it and the expiry strategy (the programme's default when omitted). An `external_reference` is awarded once per programme: a repeat (with another Idempotency-Key, or from the console or an import) answers 409 `already_awarded` and awards nothing.",
  tags: ["points"],
  body: z.object({
    member_id: memberRef,
    program_id: uuid,
    points: pointsInput,
    reason: z.string().min(1).max(200),
    awarded_at: timestampSchema.optional(),
    expiry_strategy: uuid.optional().meta({ description: "An expiry strategy id of the programme." }),
    external_reference: z.string().min(1).max(100),
  }),
  responses: {
    201: z.object({ member_id: uuid, program_id: uuid, points: z.number().int(), awarded_at: timestampSchema, expires_at: timestampSchema.nullable(), lot_id: z.number().int() }),
  },
  errors: ["member_not_found", "program_not_found", "member_not_enrolled", "invalid_points", "awarded_at_in_future", "expiry_strategy_not_found", "already_awarded"],
});

const redeemQuery = z.object({ program_id: uuid });

export const isRedeemable = defineEndpoint({
  method: "GET",
  path: "/api/v1/points/is-redeemable",
  scope: "points:read",
  summary: "Would a redemption go through now?",
  tags: ["points"],
  query: z.object({ member_id: memberRef, program_id: uuid, points: z.coerce.number(), group_redemption: z.stringbool().default(false) }),
  responses: {
    200: z.object({ redeemable: z.boolean(), code: z.string().optional(), reason: z.string().optional(), currency_value: z.number().int(), currency: z.string(), available_points: z.number().int() }),
  },
  errors: ["member_not_found", "program_not_found", "group_requires_default_program", "invalid_points"],
});

export const redeem = defineEndpoint({
  method: "POST",
  path: "/api/v1/points/redeem",
  scope: "points:write",
  summary: "Redeem points (group: the default programme's id and group_redemption true)",
  tags: ["points"],
  query: redeemQuery,
  body: z.object({ member_id: memberRef, points: pointsInput, group_redemption: z.boolean().default(false), external_reference: z.string().min(1).max(100) }),
  responses: { 201: redemptionSchema },
  errors: ["member_not_found", "program_not_found", "member_not_enrolled", "insufficient_points", "invalid_points", "below_minimum_points", "above_maximum_points", "not_a_multiple", "group_requires_default_program"],
});

export const reverseRedemption = defineEndpoint({
  method: "POST",
  path: "/api/v1/redemptions/{redemption_id}/reverse",
  scope: "points:write",
  summary: "Reverse a redemption: its points return to the lots they came from",
  tags: ["points"],
  params: z.object({ redemption_id: uuid }),
  responses: { 200: redemptionSchema },
  errors: ["redemption_not_found", "already_reversed"],
});

export const isTransferable = defineEndpoint({
  method: "GET",
  path: "/api/v1/points/is-transferable",
  scope: "points:read",
  summary: "Would a transfer go through now?",
  tags: ["points"],
  query: z.object({ from_member_id: memberRef, to_member_id: memberRef, program_id: uuid, points: z.coerce.number(), group_transfer: z.stringbool().default(false) }),
  responses: { 200: z.object({ transferable: z.boolean(), code: z.string().optional(), reason: z.string().optional(), available_points: z.number().int() }) },
  errors: ["member_not_found", "program_not_found", "member_not_enrolled", "transfer_to_self", "group_requires_default_program", "invalid_points"],
});

export const transfer = defineEndpoint({
  method: "POST",
  path: "/api/v1/points/transfer",
  scope: "points:write",
  summary: "Transfer points to another member (group: lands in the recipient's default programme)",
  tags: ["points"],
  query: redeemQuery,
  body: z.object({ from_member_id: memberRef, to_member_id: memberRef, points: pointsInput, group_transfer: z.boolean().default(false) }),
  responses: {
    201: z.object({
      id: uuid,
      from_member_id: uuid,
      to_member_id: uuid,
      to_program_id: uuid,
      group_transfer: z.boolean(),
      points: z.number().int(),
      transfer_breakup_by_program: breakup,
      created_at: timestampSchema,
    }),
  },
  errors: ["member_not_found", "program_not_found", "member_not_enrolled", "insufficient_points", "transfer_to_self", "group_requires_default_program", "invalid_points"],
});
