"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { errorAt, MoneyInput, RadioGroupField } from "../fields";
import { EMPTY_BAND, unitsOf, type OfferFormValues } from "../form-values";
import { slabExample } from "../preview";
import type { WizardProgramme } from "../types";

type Units = ReturnType<typeof unitsOf>;

/** The bands of a slab rule, its mode (each explained), and a worked example of both modes. */
export function SlabBands({ units, programme, unit }: { units: Units; programme: WizardProgramme | undefined; unit: string | null }) {
  const { control, register, formState } = useFormContext<OfferFormValues>();
  const bands = useFieldArray({ control, name: "rule.bands" });
  const values = useWatch({ control }) as OfferFormValues;
  const errors = formState.errors;
  const readUnit = units.readsCount ? null : units.txnCurrency;
  const valueUnit = unit === null ? units.outcomeCurrency : null;
  const example = programme ? slabExample(values, programme) : null;

  return (
    <div className="flex flex-col gap-4">
      <RadioGroupField
        name="rule.mode"
        legend="Mode"
        options={[
          { value: "whole", label: "Whole", description: "The band the amount falls in applies to the whole amount." },
          { value: "banded", label: "Banded", description: "Each band applies only to the part of the amount inside it, like tax brackets." },
        ]}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-[13px] font-medium text-slate-700">
          Bands <span className="font-normal text-slate-500">— from is inclusive, to is exclusive; leave the last band’s “to” empty for no upper limit.</span>
        </legend>
        {bands.fields.map((field, i) => {
          const band = values.rule.bands[i];
          const at = (name: string) => errorAt(errors, `rule.bands.${i}.${name}`);
          return (
            <div key={field.id} className="grid items-start gap-2 rounded-md border border-slate-200 p-2.5 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_9rem_minmax(0,1fr)_auto]">
              <FormField label={`Band ${i + 1} from`} error={at("from")}>
                <MoneyInput currency={readUnit} placeholder="0.00" {...register(`rule.bands.${i}.from`)} />
              </FormField>
              <FormField label="To" error={at("to")}>
                <MoneyInput currency={readUnit} placeholder={i === bands.fields.length - 1 ? "No limit" : ""} {...register(`rule.bands.${i}.to`)} />
              </FormField>
              <FormField label="Earns">
                <Select {...register(`rule.bands.${i}.basis`)}>
                  <option value="rate">a rate</option>
                  <option value="value">a flat value</option>
                </Select>
              </FormField>
              {band?.basis === "value" ? (
                <FormField label={unit === null ? "Value" : `Value (${unit})`} error={at("value")}>
                  <MoneyInput currency={valueUnit} inputMode={unit === null ? "decimal" : "numeric"} {...register(`rule.bands.${i}.value`)} />
                </FormField>
              ) : (
                <FormField label="Rate" error={at("rate") ?? at("value")}>
                  <MoneyInput currency="%" placeholder="1.5" {...register(`rule.bands.${i}.rate`)} />
                </FormField>
              )}
              <Button variant="ghost" size="icon" className="sm:mt-6" aria-label={`Remove band ${i + 1}`} onClick={() => bands.remove(i)} disabled={bands.fields.length === 1}>
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          );
        })}
        {errorAt(errors, "rule.bands") && <p className="text-xs font-medium text-red-600">{errorAt(errors, "rule.bands")}</p>}
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={bands.fields.length >= 50}
            onClick={() => {
              const last = values.rule.bands.at(-1);
              bands.append({ ...EMPTY_BAND, from: last?.to ?? "", basis: last?.basis ?? "rate" });
            }}
          >
            <Plus aria-hidden="true" />
            Add band
          </Button>
        </div>
      </fieldset>
      <div className="rounded-md bg-slate-50 px-3 py-2.5 text-[13px] text-slate-700 ring-1 ring-slate-200 ring-inset" aria-live="polite">
        {example === null ? (
          <p>Complete the bands to see a worked example.</p>
        ) : (
          <>
            <p className="font-medium text-slate-900">Worked example: {example.label}</p>
            <ul className="mt-1 flex flex-col gap-0.5">
              {example.modes.map((m) => (
                <li key={m.mode}>
                  <span className={m.mode === values.rule.mode ? "font-medium text-indigo-700" : undefined}>{m.mode === "whole" ? "Whole" : "Banded"}</span>
                  {m.mode === values.rule.mode && " (chosen)"}: {m.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

