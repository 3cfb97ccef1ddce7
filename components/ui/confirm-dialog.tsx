"use client";

import { useRef, useState, type ReactNode } from "react";
import { useFormAction, valueOf, type FormAction } from "@/components/forms/use-form-action";
import { Button, type ButtonVariant } from "./button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "./dialog";
import { FormField, FormMessage } from "./form-field";
import { Textarea } from "./textarea";

/** A required "why" typed into the confirmation, sent as `reason` (the action checks its length too). */
export type ConfirmReason = { label?: string; hint?: ReactNode; minLength?: number; maxLength?: number };

/**
 * Asks before an action that cannot be undone. States the consequence, needs an explicit click on
 * the confirm button, and starts with focus on Cancel so Enter never confirms by accident (or, when
 * it asks for a reason, on the reason: Enter there makes a new line, never a confirmation).
 */
export function ConfirmDialog<TData>({
  trigger,
  title,
  consequence,
  confirmLabel,
  confirmVariant = "danger",
  action,
  fields,
  successMessage,
  reason,
}: {
  trigger: ReactNode;
  title: ReactNode;
  consequence: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  action: FormAction<TData>;
  /** Hidden inputs sent with the confirmation. */
  fields: Record<string, string>;
  successMessage?: string;
  reason?: ConfirmReason;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      {open && (
        <ConfirmContent
          title={title}
          consequence={consequence}
          confirmLabel={confirmLabel}
          confirmVariant={confirmVariant}
          action={action}
          fields={fields}
          successMessage={successMessage}
          reason={reason}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      )}
    </Dialog>
  );
}

function ConfirmContent<TData>({
  title,
  consequence,
  confirmLabel,
  confirmVariant,
  action,
  fields,
  successMessage,
  reason,
  onDone,
  onCancel,
}: {
  title: ReactNode;
  consequence: ReactNode;
  confirmLabel: string;
  confirmVariant: ButtonVariant;
  action: FormAction<TData>;
  fields: Record<string, string>;
  successMessage?: string;
  reason?: ConfirmReason;
  onDone: () => void;
  onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [state, formAction, pending] = useFormAction(action, { successMessage, onSuccess: onDone });
  const reasonError = state.success ? undefined : state.errors?.reason;
  return (
    <DialogContent
      size="sm"
      role="alertdialog"
      hideClose
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        (reasonRef.current ?? cancelRef.current)?.focus();
      }}
      onInteractOutside={(event) => event.preventDefault()}
    >
      <form action={formAction} noValidate={reason !== undefined}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <DialogHeader className="border-none pb-0">
          <DialogTitle>{title}</DialogTitle>
        </DialogHeader>
        <DialogBody className="gap-3 pt-2">
          <DialogDescription className="text-sm text-slate-700">{consequence}</DialogDescription>
          <FormMessage message={state.success || reasonError ? undefined : state.message} />
          {reason && (
            <FormField label={reason.label ?? "Reason"} hint={reason.hint} error={reasonError}>
              <Textarea
                ref={reasonRef}
                name="reason"
                rows={3}
                required
                minLength={reason.minLength ?? 3}
                maxLength={reason.maxLength ?? 300}
                defaultValue={valueOf(state, "reason")}
                data-testid="confirm-reason"
              />
            </FormField>
          )}
        </DialogBody>
        <DialogFooter>
          <Button type="submit" variant={confirmVariant} loading={pending} data-testid="confirm-action">
            {confirmLabel}
          </Button>
          <Button ref={cancelRef} variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
