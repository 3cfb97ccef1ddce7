/**
 * One zod schema per wizard step, for react-hook-form's zodResolver: first the typed text is checked
 * (amounts, whole numbers, dates) with messages about what was typed, then the form is turned into a
 * definition and checked by the engine's own step schema, the one the server action and the API use.
 */
import { z } from "zod";
import { offerBasicsSchema, offerDefinitionSchema, offerEligibilitySchema, offerOutcomeSchema, offerPostingSchema } from "@/lib/engine";
import { localToIso, majorAmountProblem, parseWhole } from "./convert";
import { toDefinition, unitsOf, type ConvertContext, type OfferFormValues } from "./form-values";

export const STEPS = [
  { n: 1, title: "Basics", description: "Programme, name, validity and who funds it." },
  { n: 2, title: "Eligibility", description: "What triggers it, which transactions and members qualify, and the target." },
  { n: 3, title: "Outcome", description: "What the member earns, how it is calculated, and the limits." },
  { n: 4, title: "Posting", description: "How the award is posted and what the statement says." },
  { n: 5, title: "Review", description: "Check the summary, try an example, and submit for approval." },
] as const;
export type StepNumber = (typeof STEPS)[number]["n"];

/** The engine's schema for each step; the review step checks the whole definition. */
export const STEP_SCHEMAS = {
  1: offerBasicsSchema,
  2: offerEligibilitySchema,
  3: offerOutcomeSchema,
  4: offerPostingSchema,
  5: offerDefinitionSchema,
} as const;

/** The step that holds a field ("filters.minAmount" → 2), to show the first error where it is. */
export function stepOfField(path: string): StepNumber {
  const top = path.split(".")[0] ?? "";
  if (["trigger", "filters", "memberFilters", "target"].includes(top)) return 2;
  if (["outcome", "rule", "rounding", "caps"].includes(top)) return 3;
  if (["posting", "narration"].includes(top)) return 4;
  return 1;
}

type Issue = { path: (string | number)[]; message: string };

/** Problems with what was typed, before the definition can be built; only the fields of the given steps. */
export function typedProblems(v: OfferFormValues, ctx: ConvertContext, steps: readonly number[]): Issue[] {
  const issues: Issue[] = [];
  const u = unitsOf(v, ctx);
  const moneyAt = (path: (string | number)[], text: string, digits: number) => {
    if (text.trim() === "") return;
    const problem = majorAmountProblem(text, digits);
    if (problem) issues.push({ path, message: problem });
  };
  const wholeAt = (path: (string | number)[], text: string) => {
    if (text.trim() !== "" && parseWhole(text) === null) issues.push({ path, message: "Enter a whole number, such as 12,500." });
  };
  const readAt = (path: (string | number)[], text: string) => (u.readsCount ? wholeAt(path, text) : moneyAt(path, text, u.txnDigits));
  const outcomeAt = (path: (string | number)[], text: string) => (u.outcomeDigits === null ? wholeAt(path, text) : moneyAt(path, text, u.outcomeDigits));

  if (steps.includes(1)) {
    if (localToIso(v.validFrom, ctx.timeZone) === null) issues.push({ path: ["validFrom"], message: "Choose the date and time the offer starts." });
    if (v.validUntil.trim() !== "" && localToIso(v.validUntil, ctx.timeZone) === null) issues.push({ path: ["validUntil"], message: "Choose a date and time, or leave it empty." });
  }
  if (steps.includes(2)) {
    if (v.trigger.kind === "transaction") moneyAt(["filters", "minAmount"], v.filters.minAmount, u.txnDigits);
    if (v.target.kind === "milestone") {
      readAt(["target", "threshold"], v.target.threshold);
      if (v.target.tracker.window.kind === "rolling_days") wholeAt(["target", "tracker", "window", "days"], v.target.tracker.window.days);
    }
  }
  if (steps.includes(3)) {
    if (v.rule.kind === "flat") outcomeAt(["rule", "value"], v.rule.value);
    if (v.rule.kind === "percentage") outcomeAt(["rule", "capPerTransaction"], v.rule.capPerTransaction);
    if (v.rule.kind === "slab") {
      v.rule.bands.forEach((b, i) => {
        readAt(["rule", "bands", i, "from"], b.from);
        readAt(["rule", "bands", i, "to"], b.to);
        if (b.basis === "value") outcomeAt(["rule", "bands", i, "value"], b.value);
      });
    }
    outcomeAt(["caps", "perMember", "limit"], v.caps.perMember.limit);
    outcomeAt(["caps", "budget"], v.caps.budget);
  }
  if (steps.includes(4) && v.posting.method === "claim") wholeAt(["posting", "claimWindowDays"], v.posting.claimWindowDays);
  return issues;
}

/** The schema zodResolver runs when leaving a step (or submitting at the review). */
export function stepFormSchema(step: StepNumber, ctx: ConvertContext) {
  const steps = step === 5 ? [1, 2, 3, 4] : [step];
  return z
    .custom<OfferFormValues>()
    .superRefine((values, issueCtx) => {
      for (const issue of typedProblems(values, ctx, steps)) issueCtx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    })
    .transform((values): unknown => toDefinition(values, ctx))
    .pipe(STEP_SCHEMAS[step]);
}
