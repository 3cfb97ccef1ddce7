"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { NARRATION_MAX_LENGTH, NARRATION_PLACEHOLDERS, renderNarration, unknownPlaceholders, type NarrationPlaceholder } from "@/lib/engine";
import { FieldSection, RadioGroupField, TextAreaField, TextField } from "../fields";
import type { OfferFormValues } from "../form-values";

const MEANING: Record<NarrationPlaceholder, string> = {
  amount: "the transaction amount, e.g. 2,500.00",
  currency: "its currency code, e.g. INR",
  merchant: "the merchant’s name (else its id)",
  points: "what was earned: points, vouchers or cashback",
  value: "the same as {points}",
  offer: "the offer’s name",
  date: "the local date, YYYY-MM-DD",
};

const SAMPLE = { amount: "2,500.00", currency: "INR", merchant: "Spice Route", points: "125", value: "125", date: "2026-12-05" };

/** Step 4: posting method and the statement narration, with its placeholders explained and checked as you type. */
export function PostingStep() {
  const { control } = useFormContext<OfferFormValues>();
  const [method, narration, name, outcomeType] = useWatch({ control, name: ["posting.method", "narration", "name", "outcome.type"] });
  const unknown = unknownPlaceholders(narration ?? "");
  const sample = unknown.length === 0 && narration.trim() ? renderNarration(narration, { ...SAMPLE, ...(outcomeType === "cashback" ? { points: "25.00", value: "25.00" } : {}), offer: name || "Your offer" }) : null;

  return (
    <div className="flex flex-col gap-6">
      <FieldSection title="Posting" description="When the award reaches the member.">
        <RadioGroupField
          name="posting.method"
          legend="Posted"
          options={[
            { value: "automatic", label: "Automatically", description: "As soon as the transaction is evaluated." },
            { value: "claim", label: "When the member claims it", description: "The member claims it in the app within a window; unclaimed awards lapse." },
          ]}
        />
        {method === "claim" && <TextField name="posting.claimWindowDays" label="Claim window (days)" inputMode="numeric" hint="1 to 365 days." className="max-w-xs" />}
      </FieldSection>
      <FieldSection title="Narration" description="The line the member sees on the statement.">
        <TextAreaField name="narration" label="Narration template" hint={`At most ${NARRATION_MAX_LENGTH} characters. Placeholders in braces are filled in for each award.`} rows={2} />
        {unknown.length > 0 && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-[13px] text-amber-900 ring-1 ring-amber-200 ring-inset">
            Not a known placeholder: {unknown.map((u) => `{${u}}`).join(", ")}. Use only the ones listed below.
          </p>
        )}
        {sample && (
          <p className="text-[13px] text-slate-600">
            For example: <span className="font-medium text-slate-900">“{sample}”</span>
          </p>
        )}
        <div>
          <p className="text-[13px] font-medium text-slate-700">Placeholders</p>
          <dl className="mt-1.5 grid gap-x-6 gap-y-1 text-[13px] sm:grid-cols-2">
            {NARRATION_PLACEHOLDERS.map((p) => (
              <div key={p} className="flex gap-2">
                <dt className="font-mono text-indigo-700">{`{${p}}`}</dt>
                <dd className="text-slate-600">{MEANING[p]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </FieldSection>
    </div>
  );
}
