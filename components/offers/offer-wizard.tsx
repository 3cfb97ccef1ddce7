"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowLeft, ArrowRight, Save, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { FormProvider, useForm, type Resolver } from "react-hook-form";
import type { FormState } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-field";
import { toast } from "@/components/ui/toaster";
import type { FieldName } from "./fields";
import { toDefinition, type OfferFormValues } from "./form-values";
import { StepIndicator } from "./step-indicator";
import { BasicsStep } from "./steps/basics-step";
import { EligibilityStep } from "./steps/eligibility-step";
import { OutcomeStep } from "./steps/outcome-step";
import { PostingStep } from "./steps/posting-step";
import { ReviewStep } from "./steps/review-step";
import { convertContext, programmeOf, type WizardPartner, type WizardPool, type WizardProgramme, type WizardSegment } from "./types";
import { STEPS, stepFormSchema, stepOfField, type StepNumber } from "./wizard-schema";

type Context = { step: StepNumber; programmes: WizardProgramme[] };

/** zodResolver with the schema of the step being left (the review step checks everything). */
const stepResolver: Resolver<OfferFormValues, Context> = (values, context, options) => {
  const step = context?.step ?? 1;
  const ctx = convertContext(programmeOf(context?.programmes ?? [], values.programId));
  return zodResolver(stepFormSchema(step, ctx), undefined, { raw: true })(values, context, options);
};

type Result = FormState<{ offerId?: string; created?: boolean; version?: number }>;
type WizardAction = (prev: undefined, form: FormData) => Promise<Result>;

async function call(action: WizardAction, form: FormData): Promise<Result> {
  try {
    return await action(undefined, form);
  } catch {
    return { success: false, code: "network_error", message: "The server could not be reached. Check your connection and try again." };
  }
}

/**
 * The five-step offer wizard. One react-hook-form holds every step, so going back keeps what was typed;
 * Next checks the step with its zod schema, "Save draft" also saves through the server action (which
 * checks the same schemas again), and the review step submits the whole definition for approval.
 */
export function OfferWizard({
  offerId,
  programmes,
  pools,
  partners,
  segments = [],
  initialValues,
  initialStep,
  programmeLocked,
  heading,
  actions,
}: {
  offerId: string | null;
  programmes: WizardProgramme[];
  pools: WizardPool[];
  partners: WizardPartner[];
  segments?: WizardSegment[];
  initialValues: OfferFormValues;
  initialStep: StepNumber;
  programmeLocked: boolean;
  heading: string;
  /** The server actions (app/(console)/offers/actions.ts), passed in by the page. */
  actions: { save: WizardAction; submit: WizardAction };
}) {
  const router = useRouter();
  const [step, setStep] = useState<StepNumber>(initialStep);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const form = useForm<OfferFormValues, Context>({ defaultValues: initialValues, resolver: stepResolver, context: { step, programmes } });
  const meta = STEPS[step - 1]!;

  // After moving between steps, focus the step's title so that keyboard and screen-reader users start there.
  useEffect(() => {
    if (!moved.current) return;
    titleRef.current?.focus();
  }, [step]);

  const goTo = (next: StepNumber) => {
    moved.current = true;
    setMessage(undefined);
    setStep(next);
  };

  const payload = (values: OfferFormValues, extra: Record<string, string>) => {
    const form = new FormData();
    if (offerId) form.set("offerId", offerId);
    form.set("draft", JSON.stringify(toDefinition(values, convertContext(programmeOf(programmes, values.programId)))));
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    return form;
  };

  /** Puts the server's field errors next to their inputs and shows the first one's step. */
  const showFailure = (result: Result) => {
    const entries = Object.entries(result.errors ?? {});
    for (const [path, messages] of entries) form.setError(path as FieldName, { type: "server", message: messages.join(" ") });
    const first = entries.map(([path]) => stepOfField(path)).sort()[0];
    if (first !== undefined && first !== step) goTo(first);
    setMessage(result.message);
  };

  // Each handler builds its handleSubmit when it runs, so the step's schema is the current one.
  const next = (event?: React.BaseSyntheticEvent) => form.handleSubmit(() => goTo(Math.min(5, step + 1) as StepNumber))(event);

  const save = () =>
    form.handleSubmit((values) => {
      setBusy("save");
      setMessage(undefined);
      startTransition(async () => {
        const result = await call(actions.save, payload(values, { step: String(step) }));
        setBusy(null);
        if (!result.success) return showFailure(result);
        toast.success(result.message ?? "Draft saved.");
        form.reset(values);
        if (!offerId && result.data?.offerId) router.replace(`/offers/${result.data.offerId}/edit`);
      });
    })();

  const submit = () =>
    form.handleSubmit((values) => {
      setBusy("submit");
      setMessage(undefined);
      startTransition(async () => {
        const result = await call(actions.submit, payload(values, {}));
        if (!result.success) {
          setBusy(null);
          return showFailure(result);
        }
        toast.success(result.message ?? "Submitted for approval.");
        router.push(`/offers/${result.data?.offerId ?? offerId}`);
      });
    })();

  return (
    <FormProvider {...form}>
      <Card className="flex flex-col">
        <div className="border-b border-slate-100 px-5 pt-5 pb-4">
          <StepIndicator current={step} onGoTo={goTo} disabled={pending} />
        </div>
        <form
          noValidate
          aria-label={heading}
          onSubmit={(event) => {
            // Enter moves to the next step; at the review, submitting takes an explicit click.
            if (step < 5) void next(event);
            else event.preventDefault();
          }}
        >
          <div className="flex flex-col gap-5 px-5 py-5">
            <div>
              <h2 ref={titleRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none" data-testid="wizard-step-title">
                {meta.title} <span className="text-[13px] font-normal text-slate-500">· step {step} of 5</span>
              </h2>
              <p className="mt-0.5 text-[13px] text-slate-600">{meta.description}</p>
            </div>
            <FormMessage message={message} />
            {step === 1 && <BasicsStep programmes={programmes} partners={partners} programmeLocked={programmeLocked} />}
            {step === 2 && <EligibilityStep programmes={programmes} segments={segments} />}
            {step === 3 && <OutcomeStep programmes={programmes} pools={pools} partners={partners} />}
            {step === 4 && <PostingStep />}
            {step === 5 && <ReviewStep programmes={programmes} pools={pools} partners={partners} segments={segments} onGoTo={goTo} />}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-b-lg border-t border-slate-100 bg-slate-50/60 px-5 py-3">
            <Button variant="secondary" onClick={() => goTo((step - 1) as StepNumber)} disabled={step === 1 || pending}>
              <ArrowLeft aria-hidden="true" />
              Back
            </Button>
            <div className="flex flex-wrap items-center gap-2">
              <Button variant="secondary" onClick={() => void save()} loading={busy === "save"} disabled={pending && busy !== "save"} data-testid="save-draft">
                <Save aria-hidden="true" />
                Save draft
              </Button>
              {step < 5 ? (
                <Button type="submit" disabled={pending} data-testid="wizard-next">
                  Next
                  <ArrowRight aria-hidden="true" />
                </Button>
              ) : (
                <Button onClick={() => void submit()} loading={busy === "submit"} disabled={pending && busy !== "submit"} data-testid="submit-offer">
                  <Send aria-hidden="true" />
                  Submit for approval
                </Button>
              )}
            </div>
          </div>
        </form>
      </Card>
    </FormProvider>
  );
}
