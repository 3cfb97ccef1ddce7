"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormMessage } from "@/components/ui/form-field";
import { errorAt, FieldSection, MoneyField, RadioGroupField, SelectField, TextField } from "../fields";
import { unitsOf, type OfferFormValues } from "../form-values";
import { convertContext, programmeOf, type WizardProgramme, type WizardSegment } from "../types";
import { MemberFilters } from "./member-filters";
import { TransactionFilters } from "./transaction-filters";

const EVENT_OPTIONS = [
  { value: "referral", label: "Referral" },
  { value: "survey_completed", label: "Survey completed" },
  { value: "social_engagement", label: "Social engagement" },
  { value: "sign_up", label: "Sign-up" },
  { value: "custom", label: "Custom event…" },
];

const METRIC_OPTIONS = [
  { value: "transaction_amount", label: "Spend (transaction amount)" },
  { value: "gross_bill_amount", label: "Gross bill amount" },
  { value: "line_item_count", label: "Number of line items" },
  { value: "line_item_quantity", label: "Line-item quantity" },
  { value: "line_item_price", label: "Line-item price total" },
  { value: "visits", label: "Visits (transactions)" },
];

const WINDOW_OPTIONS = [
  { value: "calendar_month", label: "Calendar month" },
  { value: "calendar_quarter", label: "Calendar quarter" },
  { value: "calendar_year", label: "Calendar year" },
  { value: "rolling_days", label: "Rolling number of days" },
];

/** Step 2: trigger, transaction filters, member filters, target. */
export function EligibilityStep({ programmes, segments }: { programmes: WizardProgramme[]; segments: WizardSegment[] }) {
  const { control, formState } = useFormContext<OfferFormValues>();
  const values = useWatch({ control }) as OfferFormValues;
  const programme = programmeOf(programmes, values.programId);
  const units = unitsOf(values, convertContext(programme));
  const event = values.trigger.kind === "event";
  const milestone = values.target.kind === "milestone";

  return (
    <div className="flex flex-col gap-6">
      <FieldSection title="Trigger" description="What makes the offer look at a member’s activity.">
        <RadioGroupField
          name="trigger.kind"
          legend="Earns on"
          options={[
            { value: "transaction", label: "Transactions", description: "Card or POS purchases, optionally filtered below." },
            { value: "event", label: "Events", description: "Member activity sent by the bank’s systems: referrals, surveys, sign-ups…" },
          ]}
        />
        {event && (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="trigger.eventType" label="Event" options={EVENT_OPTIONS} />
            {values.trigger.eventType === "custom" && <TextField name="trigger.customType" label="Custom event type" placeholder="app_review" spellCheck={false} />}
          </div>
        )}
      </FieldSection>

      {!event && <TransactionFilters currency={units.txnCurrency} programmeCurrency={programme?.currency ?? ""} />}
      <FormMessage message={errorAt(formState.errors, "filters")} />

      <MemberFilters programme={programme} segments={segments} />

      <FieldSection title="Target" description="Earn on every qualifying activity, or once when a running total reaches a milestone.">
        <RadioGroupField
          name="target.kind"
          legend="Earns"
          error={errorAt(formState.errors, "target.kind")}
          options={[
            { value: "each", label: "On each qualifying activity", description: "Every transaction or event that passes the filters." },
            {
              value: "milestone",
              label: "At a milestone",
              description: event ? "Milestones track transactions; choose transactions as the trigger." : "Once per period, when a tracker (e.g. monthly spend) reaches a threshold.",
            },
          ]}
        />
        {milestone && (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <SelectField name="target.tracker.metric" label="Tracker adds up" options={METRIC_OPTIONS} />
            <SelectField name="target.tracker.window.kind" label="Over" options={WINDOW_OPTIONS} />
            {values.target.tracker.window.kind === "rolling_days" && <TextField name="target.tracker.window.days" label="Days" inputMode="numeric" />}
            {units.readsCount ? (
              <TextField name="target.threshold" label="Threshold" inputMode="numeric" hint="A count." />
            ) : (
              <MoneyField name="target.threshold" label="Threshold" currency={units.txnCurrency} placeholder="50,000.00" />
            )}
          </div>
        )}
      </FieldSection>
    </div>
  );
}
