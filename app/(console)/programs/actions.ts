"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { addExpiryStrategy, addTier, createProgram, setDefaultProgram, setGroupRedemptionRules, updateProgram } from "@/lib/programs";
import { createProgramSchema, expiryStrategyInputSchema, tierInputSchema } from "@/lib/programs/schemas";

const LIST = "/programs";
const programId = z.object({ programId: z.string().uuid("No such programme.") });
/** The detail page of the programme changed, besides the list and the ledger health. */
const revalidateProgram = (id: string) => revalidatePath(`/programs/${id}`);

export const createProgramAction = createAction({
  permission: "programs:write",
  schema: createProgramSchema,
  revalidate: [LIST, "/programs/health", "/members"],
  handler: async ({ input, actor, db }) => {
    const program = await createProgram(db, actor, input);
    return {
      data: { programId: program.id },
      message: program.isDefault
        ? `${program.name} was created as the default programme, with a Base tier and a “Never” expiry strategy.`
        : `${program.name} was created, with a Base tier and a “Never” expiry strategy.`,
    };
  },
});

export const updateProgramAction = createAction({
  permission: "programs:write",
  schema: programId.and(createProgramSchema),
  revalidate: [LIST, "/programs/health"],
  handler: async ({ input: { programId: id, ...fields }, actor, db }) => {
    const program = await updateProgram(db, actor, id, fields);
    revalidateProgram(id);
    return { message: `${program.name} was saved.` };
  },
});

export const setDefaultProgramAction = createAction({
  permission: "programs:write",
  schema: programId,
  revalidate: [LIST, "/programs/health", "/members"],
  handler: async ({ input, actor, db }) => {
    await setDefaultProgram(db, actor, input.programId);
    revalidateProgram(input.programId);
    return { message: "This is now the default programme. Group redemptions use its rules and ratio." };
  },
});

export const addExpiryStrategyAction = createAction({
  permission: "programs:write",
  schema: programId.and(expiryStrategyInputSchema),
  handler: async ({ input: { programId: id, ...strategy }, actor, db }) => {
    const row = await addExpiryStrategy(db, actor, id, strategy);
    revalidateProgram(id);
    return { message: row.isDefault ? `“${row.name}” was added and is now the default expiry strategy.` : `“${row.name}” was added.` };
  },
});

export const addTierAction = createAction({
  permission: "programs:write",
  schema: programId.and(tierInputSchema),
  handler: async ({ input: { programId: id, name }, actor, db }) => {
    const tier = await addTier(db, actor, id, { name });
    revalidateProgram(id);
    return { message: `Tier “${tier.name}” was added at rank ${tier.rank}.` };
  },
});

export const setGroupRedemptionRulesAction = createAction({
  permission: "programs:write",
  schema: programId.extend({ rulesProgramId: z.string().uuid("Choose a programme.") }),
  handler: async ({ input, actor, db }) => {
    const program = await setGroupRedemptionRules(db, actor, input.programId, input.rulesProgramId);
    revalidateProgram(input.programId);
    return {
      message: program.groupRedemptionRulesProgramId
        ? "Group redemptions are now validated with the chosen programme's redemption rules."
        : "Group redemptions are now validated with this programme's own redemption rules.",
    };
  },
});
