"use client";

import { useId, useSyncExternalStore } from "react";
import { valueOf, type FormState } from "@/components/forms/use-form-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** The values a programme form starts with: the saved programme, or defaults for a new one. */
export type ProgramFieldValues = {
  code: string;
  name: string;
  pointsToCurrency: string;
  currency: string;
  timeZone: string;
  minRedemptionPoints: string;
  maxRedemptionPoints: string;
  redemptionMultipleOf: string;
};

export const NEW_PROGRAM_VALUES: ProgramFieldValues = {
  code: "",
  name: "",
  pointsToCurrency: "",
  currency: "INR",
  timeZone: "Asia/Kolkata",
  minRedemptionPoints: "1",
  maxRedemptionPoints: "",
  redemptionMultipleOf: "1",
};

const noopSubscribe = () => () => {};
/** The browser's IANA zones, after hydration only: the server's list may differ from the browser's. */
function useTimeZones(): readonly string[] {
  return useSyncExternalStore(noopSubscribe, browserZones, () => NO_ZONES);
}
const NO_ZONES: readonly string[] = [];
let zones: readonly string[] | undefined;
function browserZones(): readonly string[] {
  zones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : NO_ZONES;
  return zones;
}

/**
 * The fields of a programme, shared by "New programme" and the edit form. After a failed submit
 * they show what was typed (state.values), otherwise `initial`.
 */
export function ProgramFields({ state, initial }: { state: FormState<unknown>; initial: ProgramFieldValues }) {
  const zonesId = useId();
  const timeZones = useTimeZones();
  const all = state.success ? undefined : state.errors;
  // One message per field: a blank value would otherwise also fail the checks after the first.
  const errors = all && Object.fromEntries(Object.entries(all).map(([field, messages]) => [field, messages.slice(0, 1)]));
  const value = (name: keyof ProgramFieldValues) => (state.values ? (valueOf(state, name) ?? "") : initial[name]);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <FormField label="Code" hint={errors?.code ? undefined : "2–20 letters, digits, - or _."} error={errors?.code}>
          <Input name="code" autoComplete="off" spellCheck={false} className="uppercase" defaultValue={value("code")} placeholder="BANKPTS" />
        </FormField>
        <FormField label="Name" error={errors?.name}>
          <Input name="name" autoComplete="off" defaultValue={value("name")} placeholder="Bank Rewards" />
        </FormField>
      </div>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Value of one point</legend>
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
          <FormField label={<span className="font-normal text-slate-600">Amount</span>} hint={errors?.pointsToCurrency ? undefined : "An exact decimal, e.g. 0.25; up to 12 decimal places."} error={errors?.pointsToCurrency}>
            <Input name="pointsToCurrency" inputMode="decimal" autoComplete="off" defaultValue={value("pointsToCurrency")} placeholder="0.25" />
          </FormField>
          <FormField label={<span className="font-normal text-slate-600">Currency</span>} hint="ISO code" error={errors?.currency}>
            <Input name="currency" autoComplete="off" maxLength={3} className="uppercase" defaultValue={value("currency")} placeholder="INR" />
          </FormField>
        </div>
      </fieldset>
      <FormField label="Time zone" hint="Award dates and expiry days are counted in this zone (IANA name)." error={errors?.timeZone}>
        <Input name="timeZone" autoComplete="off" list={zonesId} defaultValue={value("timeZone")} placeholder="Asia/Kolkata" />
      </FormField>
      <datalist id={zonesId}>
        {timeZones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Redemption rules</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField label={<span className="font-normal text-slate-600">Minimum points</span>} error={errors?.minRedemptionPoints}>
            <Input name="minRedemptionPoints" type="number" min={1} step={1} defaultValue={value("minRedemptionPoints")} />
          </FormField>
          <FormField label={<span className="font-normal text-slate-600">Maximum points</span>} hint="Empty for no maximum." error={errors?.maxRedemptionPoints}>
            <Input name="maxRedemptionPoints" type="number" min={1} step={1} defaultValue={value("maxRedemptionPoints")} placeholder="No maximum" />
          </FormField>
          <FormField label={<span className="font-normal text-slate-600">In multiples of</span>} error={errors?.redemptionMultipleOf}>
            <Input name="redemptionMultipleOf" type="number" min={1} step={1} defaultValue={value("redemptionMultipleOf")} />
          </FormField>
        </div>
      </fieldset>
    </>
  );
}
