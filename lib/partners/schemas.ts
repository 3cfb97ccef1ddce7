import { z } from "zod";

export const PARTNER_TYPES = ["airline", "hotel", "lifestyle", "retail", "other"] as const;
export const PARTNER_STATUSES = ["active", "suspended"] as const;
export const FUNDING_MODES = ["prepaid", "postpaid"] as const;
export const BILLING_CYCLES = ["monthly", "quarterly"] as const;

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

const rate = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,12})?$/, `Enter ${what} as a decimal such as 0.5 (up to 12 decimal places).`)
    .refine((v) => /[1-9]/.test(v), `${what[0]!.toUpperCase()}${what.slice(1)} must be above zero.`);

const wholePoints = (message: string) => z.preprocess(blankToNull, z.coerce.number().int("Use a whole number.").min(1, message).max(Number.MAX_SAFE_INTEGER).nullable());

/** A partner and its currency, crediting API and funding terms: shared by the console form, its server action and the seed. */
export const partnerInputSchema = z
  .object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,20}$/, "Use 2–20 letters, digits, - or _."),
    name: z.string().trim().min(1, "Name the partner.").max(80),
    type: z.enum(PARTNER_TYPES, "Choose the kind of partner."),
    status: z.enum(PARTNER_STATUSES).default("active"),
    currencyCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}$/, "Use 2–10 letters or digits, e.g. SKYW."),
    currencyName: z.string().trim().min(1, "Name the currency, e.g. Skyward Miles.").max(60),
    conversionRate: rate("the conversion rate"),
    apiBaseUrl: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .url("Enter the API's base URL, e.g. https://api.partner.example/loyalty.")
        .refine((u) => /^https?:\/\//.test(u), "Use an http or https URL.")
        .nullable(),
    ),
    /** A new secret; blank keeps the stored one. */
    apiSecret: z.preprocess(blankToNull, z.string().min(8, "The secret must be at least 8 characters.").max(500).nullable()),
    apiTimeoutMs: z.coerce.number().int("Use a whole number of milliseconds.").min(100, "At least 100 ms.").max(30_000, "At most 30,000 ms."),
    hostProgramId: z.uuid("Choose the programme its members earn in."),
    fundingMode: z.enum(FUNDING_MODES, "Choose prepaid or post-paid."),
    debitRate: rate("the debit conversion rate"),
    billingCycle: z.preprocess(blankToNull, z.enum(BILLING_CYCLES).nullable()),
    pricePerPoint: z.preprocess(blankToNull, rate("the price per point").nullable()),
    billingCurrency: z.preprocess(blankToNull, z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a three-letter ISO currency code, e.g. INR.").nullable()),
    autoBlockThreshold: wholePoints("The threshold must be at least 1 point."),
    autoBlockPoints: wholePoints("A block must have at least 1 point."),
    autoBlockPrice: z.preprocess(blankToNull, z.coerce.number().int("Enter the price in minor units (paise, cents).").min(0).max(Number.MAX_SAFE_INTEGER).nullable()),
    autoApprove: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  })
  .superRefine((p, ctx) => {
    if (p.fundingMode === "postpaid") {
      if (!p.billingCycle) ctx.addIssue({ code: "custom", path: ["billingCycle"], message: "A post-paid partner needs a billing cycle." });
      if (!p.pricePerPoint) ctx.addIssue({ code: "custom", path: ["pricePerPoint"], message: "A post-paid partner needs the agreed price per point." });
      if (!p.billingCurrency) ctx.addIssue({ code: "custom", path: ["billingCurrency"], message: "A post-paid partner needs the billing currency." });
    }
    const auto = [p.autoBlockThreshold, p.autoBlockPoints].filter((v) => v !== null).length;
    if (auto === 1) {
      const path = p.autoBlockThreshold === null ? "autoBlockThreshold" : "autoBlockPoints";
      ctx.addIssue({ code: "custom", path: [path], message: "Automatic blocks need both a threshold and a block size." });
    }
  });
export type PartnerInput = z.output<typeof partnerInputSchema>;

/** A point block purchase as a partner manager records it. */
export const pointBlockInputSchema = z.object({
  kind: z.enum(["prepaid", "reserve"]).default("prepaid"),
  points: z.coerce.number().int("Use a whole number of points.").min(1, "A block has at least 1 point.").max(Number.MAX_SAFE_INTEGER),
  price: z.coerce.number().int("Enter the price in minor units (paise, cents).").min(0, "The price cannot be negative.").max(Number.MAX_SAFE_INTEGER),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a three-letter ISO currency code, e.g. INR."),
  reference: z.string().trim().min(1, "Enter the purchase reference (invoice or PO number).").max(80),
});
export type PointBlockInput = z.output<typeof pointBlockInputSchema>;
