/**
 * Building blocks of the offer definition schema: filters, trackers, calculation rules, outcomes.
 * Every message is a sentence a programme manager can act on.
 */
import { z } from "zod";
import { PERCENT_RE, percentToMicro } from "./math";

export const uuid = (what: string) => z.uuid({ error: `Choose a valid ${what}.` });

const int = (error: string) => z.int({ error });

/** A percentage as an exact decimal string: "1.5" means 1.5 %; above 0, at most 100, up to 6 decimal places. */
export const percentRateSchema = z
  .string({ error: "Enter the rate as a number such as 1.5 (meaning 1.5 %)." })
  .trim()
  .regex(PERCENT_RE, "Enter the rate as a number such as 1.5 (meaning 1.5 %), with at most 6 decimal places.")
  .refine((v) => {
    if (!PERCENT_RE.test(v)) return true; // already reported by the format check
    const micro = percentToMicro(v);
    return micro > 0 && micro <= 100_000_000;
  }, "The rate must be above 0 and at most 100 %.");

export const roundingSchema = z.enum(["floor", "half_up", "half_even"], {
  error: "Choose how to round: floor, half_up or half_even.",
});

const stringList = (item: z.ZodType<string>) => z.array(item, { error: "Give a list." }).optional();

const code = (re: RegExp, error: string) => z.string({ error }).trim().toUpperCase().regex(re, error);

export const currencyCodeSchema = code(/^[A-Z]{3}$/, "Use a three-letter ISO currency code, e.g. INR.");
export const countryCodeSchema = code(/^[A-Z]{2}$/, "Use two-letter ISO country codes, e.g. IN.");

const lowerName = (what: string) =>
  z.string({ error: `Each ${what} must be text.` }).trim().toLowerCase().min(1, `A ${what} cannot be empty.`).max(64, `A ${what} has at most 64 characters.`);

export const lineItemFilterSchema = z.object({
  skus: z.array(z.string({ error: "Each SKU must be text." }).trim().min(1, "A SKU cannot be empty.").max(64, "A SKU has at most 64 characters."), {
    error: "Give the SKUs as a list (it may be empty).",
  }),
  categories: z.array(lowerName("line-item category"), { error: "Give the line-item categories as a list (it may be empty)." }),
});

/**
 * Conditions on a transaction; every field is optional and an empty list means "any".
 * Amounts (`minAmount`) are in minor units of the transaction's currency: set `currency` to pin them.
 */
export const transactionFiltersSchema = z.object({
  types: stringList(z.enum(["purchase"], { error: "Only purchases earn; the transaction type must be purchase." })),
  channels: stringList(lowerName("channel")),
  merchantIds: stringList(z.string({ error: "Each merchant id must be text." }).trim().min(1, "A merchant id cannot be empty.").max(128)),
  mccs: stringList(z.string({ error: "Each MCC must be text." }).trim().regex(/^\d{4}$/, "MCC codes have four digits, e.g. 5411.")),
  categories: stringList(lowerName("spend category")),
  countries: stringList(countryCodeSchema),
  international: z.boolean({ error: "International must be true (abroad only) or false (domestic only)." }).optional(),
  minAmount: int("The minimum amount must be a whole number of minor units.").min(0, "The minimum amount cannot be negative.").optional(),
  currency: currencyCodeSchema.optional(),
  lineItems: lineItemFilterSchema.optional(),
});
export type TransactionFilters = z.infer<typeof transactionFiltersSchema>;

export const memberAttributeConditionSchema = z
  .object({
    key: z.string({ error: "Name the member attribute." }).trim().min(1, "Name the member attribute.").max(64, "An attribute name has at most 64 characters."),
    op: z.enum(["eq", "neq", "in"], { error: "Compare with eq, neq or in." }),
    values: z.array(z.string({ error: "Attribute values must be text." }), { error: "Give the values to compare with." }),
  })
  .superRefine((c, ctx) => {
    if (!Array.isArray(c.values)) return;
    if (c.op === "in" && c.values.length === 0) {
      ctx.addIssue({ code: "custom", message: `Give at least one value for attribute "${c.key}".`, path: ["values"] });
    }
    if ((c.op === "eq" || c.op === "neq") && c.values.length !== 1) {
      ctx.addIssue({ code: "custom", message: `Compare attribute "${c.key}" with exactly one value.`, path: ["values"] });
    }
  });

export const memberFiltersSchema = z.object({
  tierIds: z.array(uuid("tier"), { error: "Give the tiers as a list." }).optional(),
  enrolledProgramIds: z.array(uuid("programme"), { error: "Give the programmes as a list." }).optional(),
  attributes: z.array(memberAttributeConditionSchema, { error: "Give the attribute conditions as a list." }).optional(),
  /** Saved segments (lib/segments): the member must be in at least one of them. */
  segmentIds: z.array(uuid("segment"), { error: "Give the segments as a list." }).max(20, "Target at most 20 segments.").optional(),
});
export type MemberFilters = z.infer<typeof memberFiltersSchema>;

export const TRACKER_METRICS = [
  "transaction_amount", "gross_bill_amount", "line_item_count", "line_item_quantity", "line_item_price", "visits",
] as const;

export const trackerWindowSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("rolling_days"),
      days: int("The window is a whole number of days.").min(1, "The window is at least 1 day.").max(3660, "The window is at most 3,660 days."),
    }),
    z.object({ kind: z.literal("calendar_month") }),
    z.object({ kind: z.literal("calendar_quarter") }),
    z.object({ kind: z.literal("calendar_year") }),
  ],
  { error: "Choose the tracker window: rolling days, calendar month, quarter or year." },
);
export type TrackerWindow = z.infer<typeof trackerWindowSchema>;

export const trackerDefinitionSchema = z.object({
  metric: z.enum(TRACKER_METRICS, { error: "Choose what the tracker adds up." }),
  window: trackerWindowSchema,
  filters: transactionFiltersSchema.optional(),
});
export type TrackerDefinition = z.infer<typeof trackerDefinitionSchema>;

export const flatRuleSchema = z.object({
  kind: z.literal("flat"),
  value: int("The flat value must be a whole number.").min(1, "The flat value must be at least 1."),
});

export const percentageRuleSchema = z.object({
  kind: z.literal("percentage"),
  rate: percentRateSchema,
  capPerTransaction: int("The cap per transaction must be a whole number.").min(1, "The cap per transaction must be at least 1.").optional(),
});

export const slabBandSchema = z.object({
  from: int("A band starts at a whole number of minor units.").min(0, "A band cannot start below 0."),
  to: int("A band ends at a whole number of minor units.").optional(),
  value: int("A band's flat value must be a whole number.").min(1, "A band's flat value must be at least 1.").optional(),
  rate: percentRateSchema.optional(),
});
export type SlabBand = z.infer<typeof slabBandSchema>;

const fmt = (n: number) => n.toLocaleString("en-US");

export const slabRuleSchema = z
  .object({
    kind: z.literal("slab"),
    mode: z.enum(["whole", "banded"], { error: "Choose whole (one band for the whole amount) or banded (each band for its part)." }),
    bands: z.array(slabBandSchema, { error: "Add the bands." }).min(1, "Add at least one band.").max(50, "Use at most 50 bands."),
  })
  .superRefine((rule, ctx) => {
    const bands = Array.isArray(rule.bands) ? rule.bands : [];
    bands.forEach((b, i) => {
      const n = i + 1;
      const at = (field: string) => ["bands", i, field];
      if (b.value !== undefined && b.rate !== undefined) {
        ctx.addIssue({ code: "custom", message: `Band ${n}: give either a flat value or a rate, not both.`, path: at("rate") });
      } else if (b.value === undefined && b.rate === undefined) {
        ctx.addIssue({ code: "custom", message: `Band ${n} needs a flat value or a rate.`, path: at("value") });
      }
      if (b.to === undefined) {
        if (i < bands.length - 1) {
          ctx.addIssue({ code: "custom", message: `Only the last band may be open-ended; band ${n} needs an upper bound.`, path: at("to") });
        }
      } else if (b.to <= b.from) {
        ctx.addIssue({ code: "custom", message: `Band ${n} must end above where it starts (${fmt(b.from)}).`, path: at("to") });
      }
      const prev = bands[i - 1];
      if (!prev) return;
      if (b.from < prev.from) {
        ctx.addIssue({ code: "custom", message: `Bands must be in ascending order: band ${n} starts below band ${i}.`, path: at("from") });
      } else if (prev.to !== undefined && b.from < prev.to) {
        ctx.addIssue({
          code: "custom",
          message: `Band ${n} overlaps band ${i}: it starts at ${fmt(b.from)} but band ${i} runs to ${fmt(prev.to)}.`,
          path: at("from"),
        });
      } else if (prev.to !== undefined && b.from > prev.to) {
        ctx.addIssue({
          code: "custom",
          message: `There is a gap between band ${i} (ends at ${fmt(prev.to)}) and band ${n} (starts at ${fmt(b.from)}).`,
          path: at("from"),
        });
      }
    });
  });
export type SlabRule = z.infer<typeof slabRuleSchema>;

export const calculationRuleSchema = z.discriminatedUnion("kind", [flatRuleSchema, percentageRuleSchema, slabRuleSchema], {
  error: "Choose a calculation rule: flat, percentage or slab.",
});
export type CalculationRule = z.infer<typeof calculationRuleSchema>;

export const outcomeSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("reward_points"), programId: uuid("programme for the points").optional() }),
    z.object({ type: z.literal("cashback"), currency: currencyCodeSchema }),
    z.object({ type: z.literal("voucher"), poolId: uuid("voucher pool") }),
    z.object({ type: z.literal("partner_points"), partnerId: uuid("partner") }),
  ],
  { error: "Choose the outcome: reward points, cashback, voucher or partner points." },
);
export type OfferOutcome = z.infer<typeof outcomeSchema>;

export const EVENT_TYPES = ["referral", "survey_completed", "social_engagement", "sign_up", "custom"] as const;
export type ActivityEventType = (typeof EVENT_TYPES)[number];

export const triggerSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("transaction") }),
    z
      .object({
        kind: z.literal("event"),
        eventType: z.enum(EVENT_TYPES, { error: "Choose the event: referral, survey completed, social engagement, sign-up or custom." }),
        customType: z.string({ error: "Name the custom event type." }).trim().max(64, "A custom event type has at most 64 characters.").optional(),
      })
      .superRefine((t, ctx) => {
        if (t.eventType === "custom" && !t.customType) {
          ctx.addIssue({ code: "custom", message: "Name the custom event type.", path: ["customType"] });
        }
      }),
  ],
  { error: "Choose what triggers the offer: a transaction or an event." },
);
export type OfferTrigger = z.infer<typeof triggerSchema>;

export const targetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("each") }),
    z.object({
      kind: z.literal("milestone"),
      tracker: trackerDefinitionSchema,
      threshold: int("The milestone threshold must be a whole number.").min(1, "The milestone threshold must be at least 1."),
    }),
  ],
  { error: "Choose the target: each qualifying activity, or a milestone." },
);
export type OfferTarget = z.infer<typeof targetSchema>;
