/**
 * What a saved segment is: members enrolled in a programme (optionally in some of its tiers), with a
 * net spend at least / at most an amount over a window of whole months, and member attribute
 * conditions, all ANDed. An empty definition is every member.
 */
import { z } from "zod";
import { currencyCodeSchema } from "@/lib/engine/offers/definition-parts";
import { addMonths, type CivilDate } from "@/lib/engine/calendar";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthSchema = z.string({ error: "Enter the month as YYYY-MM." }).trim().regex(MONTH, "Enter the month as YYYY-MM.");

export const MAX_WINDOW_MONTHS = 120;

export const spendWindowSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("last_months"),
      months: z.int({ error: "The window is a whole number of months." }).min(1, "The window is at least 1 month.").max(36, "The window is at most 36 months."),
    }),
    z.object({ kind: z.literal("months"), from: monthSchema, to: monthSchema }),
  ],
  { error: "Choose the spend window: the last N months or a range of months." },
);
export type SpendWindow = z.infer<typeof spendWindowSchema>;

export const spendConditionSchema = z.object({
  op: z.enum(["gte", "lte"], { error: "Choose at least or at most." }),
  amount: z
    .int({ error: "The amount is a whole number of minor units." })
    .min(0, "The amount cannot be negative.")
    .max(Number.MAX_SAFE_INTEGER, "The amount is too large."),
  currency: currencyCodeSchema,
  window: spendWindowSchema,
});
export type SpendCondition = z.infer<typeof spendConditionSchema>;

export const ATTRIBUTE_OPS = ["eq", "neq", "exists"] as const;

export const segmentAttributeSchema = z
  .object({
    key: z.string({ error: "Name the member attribute." }).trim().min(1, "Name the member attribute.").max(64, "An attribute name has at most 64 characters."),
    op: z.enum(ATTRIBUTE_OPS, { error: "Compare with equals, not equals or exists." }),
    value: z.string({ error: "The value must be text." }).trim().max(256, "A value has at most 256 characters.").optional(),
  })
  .superRefine((c, ctx) => {
    if (c.op !== "exists" && !c.value) ctx.addIssue({ code: "custom", message: `Give the value to compare attribute "${c.key}" with.`, path: ["value"] });
  });
export type SegmentAttribute = z.infer<typeof segmentAttributeSchema>;

export const segmentDefinitionSchema = z
  .object({
    programId: z.uuid({ error: "Choose a valid programme." }).optional(),
    tierIds: z.array(z.uuid({ error: "Choose valid tiers." }), { error: "Give the tiers as a list." }).max(50, "Choose at most 50 tiers.").optional(),
    spend: spendConditionSchema.optional(),
    attributes: z.array(segmentAttributeSchema, { error: "Give the attribute conditions as a list." }).max(20, "Use at most 20 attribute conditions.").optional(),
  })
  .superRefine((d, ctx) => {
    if (d.tierIds && d.tierIds.length > 0 && !d.programId) ctx.addIssue({ code: "custom", message: "Choose the programme the tiers belong to.", path: ["tierIds"] });
    const w = d.spend?.window;
    if (w?.kind === "months" && MONTH.test(w.from) && MONTH.test(w.to)) {
      const span = monthIndex(w.to) - monthIndex(w.from) + 1;
      if (span < 1) ctx.addIssue({ code: "custom", message: "The first month must be on or before the last month.", path: ["spend", "window", "from"] });
      if (span > MAX_WINDOW_MONTHS) ctx.addIssue({ code: "custom", message: `The window is at most ${MAX_WINDOW_MONTHS} months.`, path: ["spend", "window", "from"] });
    }
  });
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return y! * 12 + (m! - 1);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The first days of the window's first and last months ("YYYY-MM-01"). "The last N months" ends with
 * the month of `today` (this month included), in the time zone the spend rollup uses.
 */
export function windowMonths(window: SpendWindow, today: CivilDate): { from: string; to: string } {
  if (window.kind === "months") return { from: `${window.from}-01`, to: `${window.to}-01` };
  const last = { year: today.year, month: today.month, day: 1 };
  const first = addMonths(last, -(window.months - 1));
  return { from: `${first.year}-${pad(first.month)}-01`, to: `${last.year}-${pad(last.month)}-01` };
}

/** The definition with empty parts removed, so that equal segments are stored the same way. */
export function normalizeDefinition(d: SegmentDefinition): SegmentDefinition {
  const out: SegmentDefinition = {};
  if (d.programId) out.programId = d.programId;
  if (d.programId && d.tierIds && d.tierIds.length > 0) out.tierIds = [...new Set(d.tierIds)].sort();
  if (d.spend) out.spend = d.spend;
  if (d.attributes && d.attributes.length > 0) out.attributes = d.attributes.map((a) => (a.op === "exists" ? { key: a.key, op: a.op } : a));
  return out;
}
