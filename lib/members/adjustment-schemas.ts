import { z } from "zod";

/**
 * Goodwill adjustments, as agents and approvers type them. Shared by the use cases (lib/members/adjustments.ts),
 * the server actions and the console's forms, so a rule is written once. No server-only imports: the
 * "New adjustment" dialog validates with these too.
 */

/** Why points are credited or debited, in the words member care uses. */
export const ADJUSTMENT_REASONS = {
  goodwill: "Goodwill gesture",
  service_recovery: "Service recovery",
  missing_points: "Missing points",
  duplicate_credit: "Duplicate credit",
  correction: "Correction",
} as const;
export type AdjustmentReason = keyof typeof ADJUSTMENT_REASONS;
export const reasonLabel = (code: string): string => ADJUSTMENT_REASONS[code as AdjustmentReason] ?? code;
export const ADJUSTMENT_REASON_CODES = Object.keys(ADJUSTMENT_REASONS) as [AdjustmentReason, ...AdjustmentReason[]];

export const ADJUSTMENT_DIRECTIONS = ["credit", "debit"] as const;
export type AdjustmentDirection = (typeof ADJUSTMENT_DIRECTIONS)[number];

export const ADJUSTMENT_STATUSES = ["pending_approval", "posted", "rejected"] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

/** The most points one adjustment may move: a typo of a few extra zeros is refused rather than posted. */
export const MAX_ADJUSTMENT_POINTS = 10_000_000;
/** Adjustments above this many points wait for a second user's approval, unless a setting says otherwise. */
export const DEFAULT_ADJUSTMENT_APPROVAL_THRESHOLD = 1_000;
export const MAX_ADJUSTMENT_NOTE = 500;
export const MAX_DECISION_NOTE = 500;
export const MAX_MEMBER_NOTE = 2_000;

/** "12,500" or " 12 500 " as typed → 12500; anything that is not a plain number stays as typed (and fails). */
const typedNumber = (value: unknown) => {
  if (typeof value !== "string") return value;
  const compact = value.replace(/[,\s_]/g, "");
  return /^[+-]?\d+(\.\d+)?$/.test(compact) ? Number(compact) : compact === "" ? undefined : value;
};

export const adjustmentPointsSchema = z.preprocess(
  typedNumber,
  z
    .number({ error: "Enter the points as a whole number, e.g. 500." })
    .int("Points are whole: no decimals.")
    .positive("Enter more than zero points. Choose Debit to take points away.")
    .max(MAX_ADJUSTMENT_POINTS, `At most ${MAX_ADJUSTMENT_POINTS.toLocaleString("en-GB")} points in one adjustment.`),
);

export const adjustmentNoteSchema = z
  .string({ error: "Say what happened, for the member’s record." })
  .trim()
  .min(1, "Say what happened, for the member’s record.")
  .max(MAX_ADJUSTMENT_NOTE, `Use at most ${MAX_ADJUSTMENT_NOTE} characters.`);

export const adjustmentRequestSchema = z.object({
  memberId: z.uuid("No such member."),
  programId: z.uuid("Choose the programme."),
  direction: z.enum(ADJUSTMENT_DIRECTIONS, "Choose Credit or Debit."),
  points: adjustmentPointsSchema,
  reasonCode: z.enum(ADJUSTMENT_REASON_CODES, "Choose a reason."),
  note: adjustmentNoteSchema,
});
export type AdjustmentRequest = z.infer<typeof adjustmentRequestSchema>;

/** The note a rejection must give (an approval's is optional). */
export const rejectionNoteSchema = z
  .string({ error: "Say why the adjustment is rejected." })
  .trim()
  .min(1, "Say why the adjustment is rejected.")
  .max(MAX_DECISION_NOTE, `Use at most ${MAX_DECISION_NOTE} characters.`);

export const approvalNoteSchema = z
  .string()
  .trim()
  .max(MAX_DECISION_NOTE, `Use at most ${MAX_DECISION_NOTE} characters.`)
  .optional()
  .transform((v) => (v ? v : undefined));

export const adjustmentDecisionSchema = z.object({ adjustmentId: z.uuid("No such adjustment."), note: approvalNoteSchema });
export const adjustmentRejectionSchema = z.object({ adjustmentId: z.uuid("No such adjustment."), note: rejectionNoteSchema });

export const memberNoteBodySchema = z
  .string({ error: "Write the note." })
  .trim()
  .min(1, "Write the note.")
  .max(MAX_MEMBER_NOTE, `Use at most ${MAX_MEMBER_NOTE.toLocaleString("en-GB")} characters.`);
export const memberNoteSchema = z.object({ memberId: z.uuid("No such member."), body: memberNoteBodySchema });

/** The approval threshold as an admin types it: a whole number of points, zero (every adjustment needs approval) or more. */
export const approvalThresholdSchema = z.preprocess(
  typedNumber,
  z
    .number({ error: "Enter the threshold as a whole number of points, e.g. 1000." })
    .int("The threshold is a whole number of points.")
    .min(0, "The threshold cannot be negative. 0 means every adjustment needs approval.")
    .max(MAX_ADJUSTMENT_POINTS, `At most ${MAX_ADJUSTMENT_POINTS.toLocaleString("en-GB")}: no single adjustment can be larger.`),
);

/** Does an adjustment of this many points wait for a second user? Points up to the threshold post at once. */
export const needsApproval = (points: number, threshold: number) => points > threshold;
