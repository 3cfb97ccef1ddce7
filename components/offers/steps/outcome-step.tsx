"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { errorAt, FieldSection, MoneyField, RadioGroupField, SelectField, TextField } from "../fields";
import { unitsOf, type OfferFormValues } from "../form-values";
import { formatPoints } from "@/components/programs/format";
import { convertContext, programmeOf, type WizardPartner, type WizardPool, type WizardProgramme } from "../types";
import { PartnerSelect } from "../partner-select";
import { SlabBands } from "./slab-bands";

const OUTCOMES = [
  { value: "reward_points", label: "Reward points", description: "Points in this programme, credited to the member’s ledger." },
  { value: "cashback", label: "Cashback", description: "Money back to the member’s account, through core banking." },
  { value: "voucher", label: "Voucher", description: "One or more vouchers from a voucher pool." },
  { value: "partner_points", label: "Partner points", description: "A partner’s miles or points, credited through its API." },
];

const RULES = [
  { value: "flat", label: "Flat", description: "The same value for every qualifying activity." },
  { value: "percentage", label: "Percentage", description: "A share of the amount, with an optional cap." },
  { value: "slab", label: "Slab", description: "Values or rates by amount band." },
];

const PERIODS = [
  { value: "transaction", label: "per transaction" },
  { value: "day", label: "per day" },
  { value: "month", label: "per month" },
  { value: "year", label: "per year" },
  { value: "offer_lifetime", label: "over the offer’s life" },
];

const ROUNDING = [
  { value: "", label: "Default for the outcome" },
  { value: "floor", label: "Round down" },
  { value: "half_up", label: "Round half up" },
  { value: "half_even", label: "Round half to even (banker’s)" },
];

/** Step 3: outcome, calculation rule, rounding, caps and budget. */
export function OutcomeStep({ programmes, pools, partners }: { programmes: WizardProgramme[]; pools: WizardPool[]; partners: WizardPartner[] }) {
  const { control, formState } = useFormContext<OfferFormValues>();
  const values = useWatch({ control }) as OfferFormValues;
  const programme = programmeOf(programmes, values.programId);
  const units = unitsOf(values, convertContext(programme));
  const type = values.outcome.type;
  const kind = values.rule.kind;
  /** What a flat value, a cap or a budget counts. */
  const unit = type === "cashback" ? null : type === "voucher" ? "vouchers" : type === "partner_points" ? "points" : "points";
  const outcomeField = (name: "rule.value" | "rule.capPerTransaction" | "caps.perMember.limit" | "caps.budget", label: string, hint?: string) =>
    unit === null ? (
      <MoneyField name={name} label={label} hint={hint} currency={units.outcomeCurrency ?? "—"} placeholder="0.00" />
    ) : (
      <TextField name={name} label={label} hint={hint ?? `In ${unit}.`} inputMode="numeric" />
    );

  return (
    <div className="flex flex-col gap-6">
      <FieldSection title="Outcome" description="What the member gets.">
        <RadioGroupField name="outcome.type" legend="Outcome" columns={4} options={OUTCOMES} error={errorAt(formState.errors, "outcome.type")} />
        {type === "cashback" && (
          <TextField name="outcome.currency" label="Cashback currency" placeholder={programme?.currency ?? "INR"} maxLength={3} className="max-w-xs" spellCheck={false} />
        )}
        {type === "voucher" &&
          (pools.length > 0 ? (
            <SelectField
              name="outcome.poolId"
              label="Voucher pool"
              hint="Each award gives the member codes from this pool."
              className="max-w-md"
              options={[
                { value: "", label: "Choose a pool" },
                ...pools.map((p) => ({ value: p.id, label: `${p.name} (${formatPoints(p.left)} ${p.left === 1 ? "code" : "codes"} left)` })),
              ]}
            />
          ) : (
            <TextField name="outcome.poolId" label="Voucher pool id" hint="No voucher pool exists yet: paste the id (a UUID) of the pool to use." className="max-w-md" spellCheck={false} />
          ))}
        {type === "partner_points" && (
          <PartnerSelect name="outcome.partnerId" partners={partners} hint="Credited through the partner’s API. The rule’s result is multiplied by the partner’s conversion rate." />
        )}
      </FieldSection>

      <FieldSection
        title="Calculation"
        description={
          values.target.kind === "milestone"
            ? "At a milestone, a percentage or slab reads the tracker’s value after the transaction."
            : "Percentages and bands read the transaction amount (or each matching line item)."
        }
      >
        <RadioGroupField name="rule.kind" legend="Rule" columns={3} options={RULES} />
        {kind === "flat" && <div className="max-w-xs">{outcomeField("rule.value", type === "voucher" ? "Vouchers per award" : "Value", type === "voucher" ? "At most 10." : undefined)}</div>}
        {kind === "percentage" && (
          <div className="grid gap-4 sm:grid-cols-2">
            <MoneyField name="rule.rate" label="Rate" currency="%" placeholder="1.5" hint="Up to 6 decimal places: 1.5 means 1.5 % of the amount." />
            {outcomeField("rule.capPerTransaction", "Cap per transaction (optional)", type === "cashback" ? "The most one transaction earns." : `The most one transaction earns, in ${unit}.`)}
          </div>
        )}
        {kind === "slab" && <SlabBands units={units} programme={programme} unit={unit} />}
        {kind !== "flat" && (
          <SelectField
            name="rounding"
            label="Rounding"
            options={ROUNDING}
            className="max-w-md"
            hint="The default rounds points and vouchers down, and cashback half to even."
          />
        )}
      </FieldSection>

      <FieldSection title="Limits" description="Optional. When a limit is reached the offer stops earning for that member, or for everyone.">
        <div className="grid gap-4 sm:grid-cols-3">
          {outcomeField("caps.perMember.limit", "Per-member limit (optional)", unit === null ? "The most one member gets in the period." : `The most one member gets in the period, in ${unit}.`)}
          <SelectField name="caps.perMember.period" label="Period" options={PERIODS} />
          {outcomeField("caps.budget", "Budget (optional)", unit === null ? "The total the offer may give out." : `The total the offer may give out, in ${unit}.`)}
        </div>
      </FieldSection>
    </div>
  );
}
