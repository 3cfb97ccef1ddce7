import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { Checkbox } from "./checkbox";
import { cn } from "./cn";
import { Label } from "./label";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * A label, one control and its hint and error text. The control gets the id, aria-invalid and
 * aria-describedby that tie them together, so screen readers read the error with the field.
 */
export function FormField({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string[] | string;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const autoId = useId();
  const id = (isValidElement(children) && children.props.id) || autoId;
  const messages = typeof error === "string" ? [error] : (error ?? []);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, { id, "aria-invalid": messages.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-xs font-medium text-red-600">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

export type CheckboxOption = { value: string; label: ReactNode; description?: ReactNode };

/**
 * A group of checkboxes sharing one name (end it in [] so the action reads an array), in a
 * fieldset whose legend names the group and whose error is read with it.
 */
export function CheckboxGroupField({
  legend,
  name,
  options,
  defaultValues = [],
  error,
  columns = 1,
}: {
  legend: ReactNode;
  name: string;
  options: readonly CheckboxOption[];
  defaultValues?: readonly string[];
  error?: string[];
  columns?: 1 | 2;
}) {
  const id = useId();
  const errorId = error?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined} className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-[13px] font-medium text-slate-700">{legend}</legend>
      <div className={cn("grid gap-x-4 gap-y-1.5 rounded-md border border-slate-200 p-2.5", columns === 2 && "sm:grid-cols-2", errorId && "border-red-300")}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <Checkbox id={optionId} name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} className="mt-0.5" />
              <label htmlFor={optionId} className="cursor-pointer text-[13px] leading-5 text-slate-800">
                {option.label}
                {option.description && <span className="block text-xs text-slate-500">{option.description}</span>}
              </label>
            </div>
          );
        })}
      </div>
      {errorId && (
        <p id={errorId} className="text-xs font-medium text-red-600">
          {error!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

/** A message about the whole form (not one field), announced when it appears. */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "info" }) {
  if (!message) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md px-3 py-2 text-[13px]",
        tone === "error" ? "bg-red-50 text-red-800 ring-1 ring-red-200 ring-inset" : "bg-slate-50 text-slate-700 ring-1 ring-slate-200 ring-inset",
      )}
    >
      {message}
    </p>
  );
}
