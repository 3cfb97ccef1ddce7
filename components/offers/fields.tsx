"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { useFormContext, type FieldErrors, type FieldPath } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { OfferFormValues } from "./form-values";

export type FieldName = FieldPath<OfferFormValues>;

/**
 * The error at a field: its own message, or the message of the list it names (a field array's root).
 * With `nested`, also the first message of anything inside it (a band row, a filter group).
 */
export function errorAt(errors: FieldErrors<OfferFormValues>, path: string, nested = false): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const own = messageOf(node) ?? messageOf((node as { root?: unknown } | undefined)?.root);
  return own ?? (nested ? firstMessage(node) : undefined);
}

function messageOf(node: unknown): string | undefined {
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message ? message : undefined;
}

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const own = messageOf(node);
  if (own) return own;
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref") continue;
    const found = firstMessage(child);
    if (found) return found;
  }
  return undefined;
}

type BaseProps = { name: FieldName; label: ReactNode; hint?: ReactNode; className?: string };

/** A text input registered with the wizard's form, its label, hint and error. */
export function TextField({ name, label, hint, className, ...input }: BaseProps & Omit<ComponentProps<"input">, "name">) {
  const { register, formState } = useFormContext<OfferFormValues>();
  return (
    <FormField label={label} hint={hint} error={errorAt(formState.errors, name)} className={className}>
      <Input autoComplete="off" {...input} {...register(name)} />
    </FormField>
  );
}

export function TextAreaField({ name, label, hint, className, rows }: BaseProps & { rows?: number }) {
  const { register, formState } = useFormContext<OfferFormValues>();
  return (
    <FormField label={label} hint={hint} error={errorAt(formState.errors, name)} className={className}>
      <Textarea rows={rows} {...register(name)} />
    </FormField>
  );
}

export function SelectField({
  name,
  label,
  hint,
  className,
  options,
  onValueChange,
}: BaseProps & { options: readonly { value: string; label: string }[]; onValueChange?: () => void }) {
  const { register, formState } = useFormContext<OfferFormValues>();
  return (
    <FormField label={label} hint={hint} error={errorAt(formState.errors, name)} className={className}>
      <Select {...register(name, { onChange: onValueChange })}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

/** A money input: the amount in major units with the currency shown beside it. */
export function MoneyField({ name, label, hint, className, currency, placeholder }: BaseProps & { currency: string | null; placeholder?: string }) {
  const { register, formState } = useFormContext<OfferFormValues>();
  return (
    <FormField label={label} hint={hint} error={errorAt(formState.errors, name)} className={className}>
      <MoneyInput currency={currency} placeholder={placeholder} {...register(name)} />
    </FormField>
  );
}

/** An input with a unit suffix (INR, %, points); the suffix is part of its accessible description via the label. */
export function MoneyInput({ currency, className, ...props }: ComponentProps<"input"> & { currency: string | null }) {
  return (
    <div className={cn("relative", className)}>
      <Input inputMode="decimal" autoComplete="off" className={currency ? "pr-14" : undefined} {...props} />
      {currency && (
        <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-xs font-medium text-slate-500" aria-hidden="true">
          {currency}
        </span>
      )}
    </div>
  );
}

/** Radio choices in a fieldset whose legend names them; each choice can explain itself. */
export function RadioGroupField({
  name,
  legend,
  options,
  columns = 2,
  error,
}: {
  name: FieldName;
  legend: ReactNode;
  options: readonly { value: string; label: ReactNode; description?: ReactNode }[];
  columns?: 1 | 2 | 3 | 4;
  error?: string;
}) {
  const { register, formState } = useFormContext<OfferFormValues>();
  const id = useId();
  const message = error ?? errorAt(formState.errors, name);
  const grid = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4" }[columns];
  return (
    <fieldset aria-describedby={message ? `${id}-error` : undefined} className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-[13px] font-medium text-slate-700">{legend}</legend>
      <div className={cn("grid gap-2", grid)}>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-2.5 text-[13px] has-checked:border-indigo-500 has-checked:bg-indigo-50/50 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
          >
            <input type="radio" value={o.value} className="mt-0.5 accent-indigo-600 focus-visible:outline-none" {...register(name)} />
            <span>
              <span className="font-medium text-slate-900">{o.label}</span>
              {o.description && <span className="mt-0.5 block text-xs text-slate-500">{o.description}</span>}
            </span>
          </label>
        ))}
      </div>
      {message && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {message}
        </p>
      )}
    </fieldset>
  );
}

/** A titled group of fields inside a step. */
export function FieldSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-4 border-t border-slate-100 pt-5 first:border-t-0 first:pt-0" aria-label={title}>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {description && <p className="mt-0.5 text-[13px] text-slate-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}
