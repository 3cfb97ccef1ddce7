"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { zoneOffsetLabel } from "../convert";
import { FieldSection, RadioGroupField, SelectField, TextAreaField, TextField } from "../fields";
import type { OfferFormValues } from "../form-values";
import { PartnerSelect } from "../partner-select";
import { programmeOf, type WizardPartner, type WizardProgramme } from "../types";

/** Step 1: programme, name, description, validity, funding. */
export function BasicsStep({ programmes, partners, programmeLocked }: { programmes: WizardProgramme[]; partners: WizardPartner[]; programmeLocked: boolean }) {
  const { control, setValue } = useFormContext<OfferFormValues>();
  const [programId, funding] = useWatch({ control, name: ["programId", "funding.kind"] });
  const programme = programmeOf(programmes, programId);
  const zone = programme ? `${programme.timeZone} (${zoneOffsetLabel(programme.timeZone)})` : "UTC";

  return (
    <div className="flex flex-col gap-6">
      <FieldSection title="Offer">
        {programmeLocked ? (
          <FormField label="Programme" hint="An offer stays in the programme it was created in.">
            <Input value={programme ? `${programme.name} (${programme.code})` : ""} readOnly className="bg-slate-50" />
          </FormField>
        ) : (
          <SelectField
            name="programId"
            label="Programme"
            hint="Whose members the offer is for; its currency, time zone and tiers apply."
            onValueChange={() => setValue("memberFilters.tierIds", [])}
            options={programmes.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
          />
        )}
        <TextField name="name" label="Name" placeholder="Weekend dining cashback" maxLength={120} />
        <TextAreaField name="description" label="Description (optional)" hint="For the people who manage offers; members see the narration instead." rows={2} />
      </FieldSection>
      <FieldSection title="Validity" description={`Dates and times are in the programme’s time zone, ${zone}. An offer earns from its start until just before its end.`}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="validFrom" label="Starts" type="datetime-local" />
          <TextField name="validUntil" label="Ends (optional)" type="datetime-local" hint="Leave empty for an offer without an end date." />
        </div>
      </FieldSection>
      <FieldSection title="Funding" description="Who pays for what the offer gives out.">
        <RadioGroupField
          name="funding.kind"
          legend="Funded by"
          options={[
            { value: "bank", label: "The bank", description: "The bank bears the cost." },
            { value: "partner", label: "A partner", description: "A partner bears the cost, from its point blocks or billed post-paid." },
          ]}
        />
        {funding === "partner" && (
          <PartnerSelect name="funding.partnerId" partners={partners} hint="Its point blocks fund what the offer gives (prepaid), or it is billed for it (post-paid)." />
        )}
      </FieldSection>
    </div>
  );
}
