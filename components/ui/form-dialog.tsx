"use client";

import { startTransition, useState, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { useFormAction, type FormAction, type FormState } from "@/components/forms/use-form-action";
import { Button, type ButtonVariant } from "./button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "./dialog";
import { FormMessage } from "./form-field";

/** What a form dialog's fields are drawn from: the action's last answer, its field errors (none after a success) and whether it is running. */
export type FormDialogState<TData = unknown> = { state: FormState<TData>; errors: Record<string, string[]> | undefined; pending: boolean };

type FormDialogProps<TData> = {
  /** The button that opens the dialog (rendered inside DialogTrigger asChild). */
  trigger?: ReactNode;
  /** Controlled opening, for a dialog opened from elsewhere. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  size?: ComponentProps<typeof DialogContent>["size"];
  action: FormAction<TData>;
  /** Toasted on success when the action's answer has no message of its own. */
  successMessage?: string;
  /** Called after a success, once the dialog is closing. */
  onSuccess?: (state: FormState<TData>) => void;
  /** Hidden inputs sent with the form. */
  hidden?: Record<string, string>;
  submitLabel: ReactNode;
  submitTestId?: string;
  submitVariant?: ButtonVariant;
  /**
   * false: the form is submitted by hand instead of through <form action>, because React resets a
   * form after an action, which would put controlled fields (selects) back on their first option.
   */
  resetOnSubmit?: boolean;
  /** The fields whose errors hide the form-level message; by default any field error hides it. */
  messageHiddenBy?: readonly string[];
  /** More buttons in the footer, after Cancel. */
  footerExtra?: ReactNode;
  /** The fields, in the dialog's body under the form-level message. */
  children: (form: FormDialogState<TData>) => ReactNode;
};

/**
 * A dialog around one form and its server action. The form mounts only while the dialog is open (so
 * each opening starts empty), shows the action's form-level message, and closes on success, on
 * Cancel, on Escape or on the close button.
 */
export function FormDialog<TData>({ trigger, open: controlledOpen, onOpenChange, ...form }: FormDialogProps<TData>) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    if (controlledOpen === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      {open && <FormDialogForm {...form} onClose={() => setOpen(false)} />}
    </Dialog>
  );
}

function FormDialogForm<TData>({
  title,
  description,
  size,
  action,
  successMessage,
  onSuccess,
  hidden,
  submitLabel,
  submitTestId,
  submitVariant,
  resetOnSubmit = true,
  messageHiddenBy,
  footerExtra,
  children,
  onClose,
}: Omit<FormDialogProps<TData>, "trigger" | "open" | "onOpenChange"> & { onClose: () => void }) {
  const [state, formAction, pending] = useFormAction(action, {
    successMessage,
    onSuccess: (result) => {
      onClose();
      onSuccess?.(result);
    },
  });
  const errors = state.success ? undefined : state.errors;
  const messageHidden = messageHiddenBy ? messageHiddenBy.some((name) => errors?.[name]) : Boolean(errors);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <DialogContent size={size} {...(description === undefined ? { "aria-describedby": undefined } : {})}>
      <form {...(resetOnSubmit ? { action: formAction } : { onSubmit: submit })} noValidate className="flex min-h-0 flex-col">
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description !== undefined && <DialogDescription>{description}</DialogDescription>}
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !messageHidden ? state.message : undefined} />
          {children({ state, errors, pending })}
        </DialogBody>
        <DialogFooter>
          <Button type="submit" variant={submitVariant} loading={pending} data-testid={submitTestId}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          {footerExtra}
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
