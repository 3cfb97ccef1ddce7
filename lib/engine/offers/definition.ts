/**
 * The offer definition: one zod schema shared by the wizard (step by step), the server action and the API.
 *
 * Units: every amount (filters, slab bands) is in minor units of the transaction's currency. A rule
 * computes a "base value": points for reward and partner points (before the partner conversion),
 * minor units of the cashback currency for cashback, a count for vouchers (at most 10 per award).
 * A percentage is of the amount in minor units: 1 % of 250,000 paise = 2,500 points.
 */
import { z } from "zod";
import type { Rounding } from "../decimal";
import {
  calculationRuleSchema,
  flatRuleSchema,
  memberFiltersSchema,
  outcomeSchema,
  percentageRuleSchema,
  roundingSchema,
  slabRuleSchema,
  targetSchema,
  transactionFiltersSchema,
  triggerSchema,
  uuid,
  type TransactionFilters,
} from "./definition-parts";
import { NARRATION_MAX_LENGTH, unknownPlaceholderMessage, unknownPlaceholders } from "./narration";

export * from "./definition-parts";

type Ctx = z.RefinementCtx;

export const MAX_VOUCHERS_PER_AWARD = 10;

const isoDateTime = (what: string) =>
  z.iso.datetime({ offset: true, error: `Enter the ${what} as a date and time with its offset, e.g. 2026-12-01T00:00:00+05:30.` });

export const fundingSchema = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("bank") }), z.object({ kind: z.literal("partner"), partnerId: uuid("partner") })],
  { error: "Choose who funds the offer: the bank or a partner." },
);

export const narrationSchema = z
  .string({ error: "Write the narration the member will see." })
  .trim()
  .min(1, "Write the narration the member will see.")
  .max(NARRATION_MAX_LENGTH, `The narration has at most ${NARRATION_MAX_LENGTH} characters.`)
  .superRefine((template, ctx) => {
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) ctx.addIssue({ code: "custom", message: unknownPlaceholderMessage(unknown) });
  });

export const postingSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("automatic") }),
    z.object({
      method: z.literal("claim"),
      claimWindowDays: z
        .int({ error: "The claim window is a whole number of days." })
        .min(1, "The claim window is at least 1 day.")
        .max(365, "The claim window is at most 365 days."),
    }),
  ],
  { error: "Choose how the award is posted: automatically, or when the member claims it." },
);
export type PostingMethod = z.infer<typeof postingSchema>;

export const capsSchema = z.object({
  perMember: z
    .object({
      limit: z.int({ error: "The per-member limit must be a whole number." }).min(1, "The per-member limit must be at least 1."),
      period: z.enum(["transaction", "day", "month", "year", "offer_lifetime"], {
        error: "Choose the per-member cap period: transaction, day, month, year or the offer's lifetime.",
      }),
    })
    .optional(),
  budget: z.int({ error: "The budget must be a whole number." }).min(1, "The budget must be at least 1.").optional(),
});
export type OfferCaps = z.infer<typeof capsSchema>;
export type CapPeriod = NonNullable<OfferCaps["perMember"]>["period"];

const basicsShape = {
  programId: uuid("programme"),
  name: z.string({ error: "Name the offer." }).trim().min(1, "Name the offer.").max(120, "The name has at most 120 characters."),
  description: z.string({ error: "The description must be text." }).trim().max(2000, "The description has at most 2,000 characters.").optional(),
  validFrom: isoDateTime("start"),
  validUntil: isoDateTime("end").optional(),
  funding: fundingSchema,
};

const eligibilityShape = {
  trigger: triggerSchema,
  filters: transactionFiltersSchema.optional(),
  memberFilters: memberFiltersSchema.optional(),
  target: targetSchema,
};

const outcomeShape = {
  outcome: outcomeSchema,
  rule: calculationRuleSchema,
  rounding: roundingSchema.optional(),
  caps: capsSchema.optional(),
};

const postingShape = {
  posting: postingSchema,
  narration: narrationSchema,
};

function checkBasics(d: { validFrom?: unknown; validUntil?: unknown }, ctx: Ctx): void {
  if (typeof d.validFrom !== "string" || typeof d.validUntil !== "string") return;
  const from = Date.parse(d.validFrom);
  const until = Date.parse(d.validUntil);
  if (Number.isFinite(from) && Number.isFinite(until) && until <= from) {
    ctx.addIssue({ code: "custom", message: "The end must be after the start.", path: ["validUntil"] });
  }
}

/** True when a filter object restricts anything (an empty list means "any"). */
export function hasTransactionFilters(f: TransactionFilters | undefined): boolean {
  if (!f) return false;
  return Object.entries(f).some(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}

function checkEligibility(d: { trigger?: { kind?: string }; filters?: TransactionFilters; target?: { kind?: string } }, ctx: Ctx): void {
  if (d.trigger?.kind !== "event") return;
  if (d.target?.kind === "milestone") {
    ctx.addIssue({ code: "custom", message: "An event-triggered offer earns on each event; milestones track transactions.", path: ["target", "kind"] });
  }
  if (hasTransactionFilters(d.filters)) {
    ctx.addIssue({ code: "custom", message: "Transaction filters apply only to transaction-triggered offers.", path: ["filters"] });
  }
}

function checkOutcome(d: { outcome?: { type?: string }; rule?: { kind?: string; value?: number } }, ctx: Ctx): void {
  if (d.outcome?.type === "voucher" && d.rule?.kind === "flat" && typeof d.rule.value === "number" && d.rule.value > MAX_VOUCHERS_PER_AWARD) {
    ctx.addIssue({ code: "custom", message: `A voucher offer gives at most ${MAX_VOUCHERS_PER_AWARD} vouchers per award.`, path: ["rule", "value"] });
  }
}

/** Wizard step 1: programme, name, validity, funding. */
export const offerBasicsSchema = z.object(basicsShape).superRefine(checkBasics);
/** Wizard step 2: trigger, transaction and member filters, target (each or milestone). */
export const offerEligibilitySchema = z.object(eligibilityShape).superRefine(checkEligibility);
/** Wizard step 3: outcome, calculation rule, rounding, caps and budget. */
export const offerOutcomeSchema = z.object(outcomeShape).superRefine(checkOutcome);
/** Wizard step 4: posting method and narration. */
export const offerPostingSchema = z.object(postingShape);

export const offerDefinitionSchema = z
  .object({ ...basicsShape, ...eligibilityShape, ...outcomeShape, ...postingShape })
  .superRefine((d, ctx) => {
    checkBasics(d, ctx);
    checkEligibility(d, ctx);
    checkOutcome(d, ctx);
  });
export type OfferDefinition = z.infer<typeof offerDefinitionSchema>;
/** What a form or API may send before parsing (codes not yet upper-cased, etc.). */
export type OfferDefinitionInput = z.input<typeof offerDefinitionSchema>;

/** A programme's base earn rule: reward points in that programme on every purchase. */
export const baseEarnRuleSchema = z.object({
  rule: z.discriminatedUnion("kind", [flatRuleSchema, percentageRuleSchema, slabRuleSchema], {
    error: "Choose a calculation rule: flat, percentage or slab.",
  }),
  rounding: roundingSchema.optional(),
  narration: narrationSchema,
});
export type BaseEarnRule = z.infer<typeof baseEarnRuleSchema>;

/** The rounding an offer uses: its own, else floor for points and vouchers, half-even for cashback. */
export function effectiveRounding(d: Pick<OfferDefinition, "rounding" | "outcome">): Rounding {
  return d.rounding ?? (d.outcome.type === "cashback" ? "half_even" : "floor");
}
