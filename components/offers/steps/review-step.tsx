"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { offerDefinitionSchema } from "@/lib/engine";
import { toDefinition, type OfferFormValues } from "../form-values";
import { OfferSummary } from "../offer-summary";
import { STEPS, stepOfField, type StepNumber } from "../wizard-schema";
import { convertContext, programmeOf, type WizardPartner, type WizardPool, type WizardProgramme, type WizardSegment } from "../types";
import { PreviewPanel } from "./preview-panel";

/** Step 5: the offer in sentences, what still needs fixing, and a live example. */
export function ReviewStep({ programmes, pools, partners, segments, onGoTo }: { programmes: WizardProgramme[]; pools: WizardPool[]; partners: WizardPartner[]; segments: WizardSegment[]; onGoTo: (step: StepNumber) => void }) {
  const { control } = useFormContext<OfferFormValues>();
  const values = useWatch({ control }) as OfferFormValues;
  const programme = programmeOf(programmes, values.programId);
  const parsed = offerDefinitionSchema.safeParse(toDefinition(values, convertContext(programme)));

  if (!parsed.success || !programme) {
    const issues = parsed.success ? [] : parsed.error.issues;
    return (
      <div className="flex flex-col gap-3" role="alert">
        <p className="text-sm font-semibold text-slate-900">Some steps need attention before the offer can be reviewed</p>
        <ul className="flex flex-col gap-2">
          {issues.map((issue, i) => {
            const step = stepOfField(issue.path.join("."));
            return (
              <li key={i} className="flex flex-wrap items-center gap-2 text-[13px] text-slate-700">
                <span>{issue.message}</span>
                <Button variant="secondary" size="sm" onClick={() => onGoTo(step)}>
                  Go to {STEPS[step - 1]!.title}
                </Button>
              </li>
            );
          })}
        </ul>
      </div>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-labelledby="summary-heading" className="flex flex-col gap-2">
        <h3 id="summary-heading" className="text-sm font-semibold text-slate-900">
          Summary
        </h3>
        <OfferSummary definition={parsed.data} programme={programme} pools={pools} partners={partners} segments={segments} />
      </section>
      <PreviewPanel definition={parsed.data} programme={programme} partners={partners} />
    </div>
  );
}
