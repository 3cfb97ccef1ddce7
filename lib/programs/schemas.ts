import { z } from "zod";

export const EXPIRY_KINDS = ["days", "months", "end_of_month_after_months", "end_of_year_after_months", "never"] as const;

const decimalString = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, "Enter a decimal such as 0.25 (up to 12 decimal places).")
  .refine((v) => Number(v) > 0, "The value of a point must be above zero.");

export const programFieldsSchema = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,20}$/, "Use 2–20 letters, digits, - or _."),
  name: z.string().trim().min(1, "Name the programme.").max(80),
  pointsToCurrency: decimalString,
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a three-letter ISO currency code, e.g. INR."),
  timeZone: z.string().trim().refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Use an IANA time zone such as Asia/Kolkata."),
  minRedemptionPoints: z.coerce.number().int("Use a whole number.").min(1, "At least 1."),
  maxRedemptionPoints: z.preprocess((v) => (v === "" ? null : v), z.coerce.number().int("Use a whole number.").min(1).nullable()),
  redemptionMultipleOf: z.coerce.number().int("Use a whole number.").min(1, "At least 1."),
});

export const createProgramSchema = programFieldsSchema.refine(
  (p) => p.maxRedemptionPoints === null || p.maxRedemptionPoints >= p.minRedemptionPoints,
  { message: "The maximum must be at least the minimum.", path: ["maxRedemptionPoints"] },
);
export type ProgramInput = z.infer<typeof createProgramSchema>;

export const expiryStrategyInputSchema = z
  .object({
    name: z.string().trim().min(1, "Name the strategy.").max(80),
    kind: z.enum(EXPIRY_KINDS),
    amount: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(0).max(1200).nullable()),
    isDefault: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  })
  .refine((s) => s.kind === "never" || s.amount !== null, { message: "Enter how many days or months.", path: ["amount"] })
  .refine((s) => !["days", "months"].includes(s.kind) || (s.amount ?? 0) >= 1, { message: "At least 1.", path: ["amount"] });
export type ExpiryStrategyInput = z.infer<typeof expiryStrategyInputSchema>;

export const tierInputSchema = z.object({ name: z.string().trim().min(1, "Name the tier.").max(60) });
