"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/auth/action";
import { setTierRules } from "@/lib/tiers";
import { tierRulesFormSchema } from "@/lib/tiers/schemas";

/** A programme manager sets a tier's upgrade and downgrade rules and its benefits on the programme page. */
export const setTierRulesAction = createAction({
  permission: "programs:write",
  schema: tierRulesFormSchema,
  handler: async ({ input: { tierId, ...rules }, actor, db }) => {
    const tier = await setTierRules(db, actor, tierId, rules, { thresholdInMajorUnits: true });
    revalidatePath(`/programs/${tier.programId}`);
    return { message: `The rules of ${tier.name} were saved. Upgrades apply from the next transaction; downgrades at the next nightly run.` };
  },
});
