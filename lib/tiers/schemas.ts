/**
 * The tier rules form, shared by the dialog (client) and the server action: flat form fields in,
 * the engine's rule shapes out (lib/engine/tiers.ts), with a message on the field at fault.
 */
import { z } from "zod";
import { downgradeRuleSchema, MULTIPLIER_RE, upgradeRuleSchema, type DowngradeRule, type UpgradeRule } from "@/lib/engine/tiers";

export const UPGRADE_KINDS = ["none", "lifetime_points", "tracker"] as const;
export const DOWNGRADE_KINDS = ["none", "inactivity", "visits"] as const;
export const TIER_TRACKER_METRICS = ["transaction_amount", "gross_bill_amount", "visits", "line_item_count", "line_item_quantity"] as const;
export const TIER_WINDOW_KINDS = ["rolling_days", "calendar_month", "calendar_quarter", "calendar_year"] as const;

/** "10,000" → 10000; "" → undefined; anything else → NaN (refused with the field's message). */
const wholeNumber = (v: unknown) => {
  if (typeof v !== "string") return v;
  const t = v.trim().replace(/[,\s_]/g, "");
  if (t === "") return undefined;
  return /^-?\d*\.?\d+$/.test(t) ? Number(t) : Number.NaN;
};
const count = (what: string, min: number, max: number) =>
  z.preprocess(
    wholeNumber,
    z
      .number({ error: `Enter ${what}.` })
      .int(`${what[0]!.toUpperCase()}${what.slice(1)} must be a whole number.`)
      .min(min, `At least ${min.toLocaleString("en-US")}.`)
      .max(max, `At most ${max.toLocaleString("en-US")}.`)
      .optional(),
  );

export const tierRulesFormSchema = z
  .object({
    tierId: z.string().uuid("No such tier."),
    upgradeKind: z.enum(UPGRADE_KINDS, { error: "Choose how members reach this tier." }),
    upgradeThreshold: (count("a threshold", 1, 1e15)),
    trackerMetric: z.enum(TIER_TRACKER_METRICS, { error: "Choose what the tracker adds up." }).optional(),
    trackerWindow: z.enum(TIER_WINDOW_KINDS, { error: "Choose the tracker's window." }).optional(),
    trackerDays: (count("the number of days", 1, 3660)),
    downgradeKind: z.enum(DOWNGRADE_KINDS, { error: "Choose when members lose this tier." }),
    inactivityMonths: (count("the number of months", 1, 120)),
    minVisits: (count("the number of visits", 1, 100_000)),
    visitsDays: (count("the number of days", 1, 3660)),
    earnMultiplier: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
      z
        .string()
        .regex(MULTIPLIER_RE, "Enter a multiplier such as 1.25 (at most 4 decimal places).")
        .refine((v) => Number(v) >= 1 && Number(v) <= 10, "The multiplier is between 1 and 10.")
        .optional(),
    ),
    upgradeBonusPoints: (count("the bonus points", 1, 100_000_000)),
  })
  .superRefine((f, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (f.upgradeKind !== "none") need(f.upgradeThreshold !== undefined, "upgradeThreshold", "Enter the threshold members must reach.");
    if (f.upgradeKind === "tracker") {
      need(f.trackerMetric !== undefined, "trackerMetric", "Choose what the tracker adds up.");
      need(f.trackerWindow !== undefined, "trackerWindow", "Choose the tracker's window.");
      if (f.trackerWindow === "rolling_days") need(f.trackerDays !== undefined, "trackerDays", "Enter the number of days of the window.");
    }
    if (f.downgradeKind === "inactivity") need(f.inactivityMonths !== undefined, "inactivityMonths", "Enter after how many months without a transaction.");
    if (f.downgradeKind === "visits") {
      need(f.minVisits !== undefined, "minVisits", "Enter the visits a member must keep making.");
      need(f.visitsDays !== undefined, "visitsDays", "Enter the number of days of the window.");
    }
  }, { when: (payload) => typeof payload.value === "object" && payload.value !== null }) // every missing field at once, even beside a bad one
  .transform((f) => ({ tierId: f.tierId, ...toTierRules(f) }));

export type TierRulesForm = z.input<typeof tierRulesFormSchema>;
export type TierRulesInput = { upgrade: UpgradeRule | null; downgrade: DowngradeRule | null; earnMultiplier: string | null; upgradeBonusPoints: number | null };

type Fields = {
  upgradeKind: (typeof UPGRADE_KINDS)[number];
  upgradeThreshold?: number;
  trackerMetric?: (typeof TIER_TRACKER_METRICS)[number];
  trackerWindow?: (typeof TIER_WINDOW_KINDS)[number];
  trackerDays?: number;
  downgradeKind: (typeof DOWNGRADE_KINDS)[number];
  inactivityMonths?: number;
  minVisits?: number;
  visitsDays?: number;
  earnMultiplier?: string;
  upgradeBonusPoints?: number;
};

function toTierRules(f: Fields): TierRulesInput {
  const upgrade: UpgradeRule | null =
    f.upgradeKind === "lifetime_points"
      ? { kind: "lifetime_points", threshold: f.upgradeThreshold! }
      : f.upgradeKind === "tracker"
        ? {
            kind: "tracker",
            tracker: { metric: f.trackerMetric!, window: f.trackerWindow === "rolling_days" ? { kind: "rolling_days", days: f.trackerDays! } : { kind: f.trackerWindow! } },
            threshold: f.upgradeThreshold!,
          }
        : null;
  const downgrade: DowngradeRule | null =
    f.downgradeKind === "inactivity"
      ? { kind: "inactivity", months: f.inactivityMonths! }
      : f.downgradeKind === "visits"
        ? { kind: "visits", minVisits: f.minVisits!, days: f.visitsDays! }
        : null;
  // The engine's schemas hold the same limits: a second check that what is stored always parses.
  return {
    upgrade: upgrade === null ? null : upgradeRuleSchema.parse(upgrade),
    downgrade: downgrade === null ? null : downgradeRuleSchema.parse(downgrade),
    earnMultiplier: f.earnMultiplier ?? null,
    upgradeBonusPoints: f.upgradeBonusPoints ?? null,
  };
}
