"use client";

import { useRef, useState, type ReactNode } from "react";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { Button, type ButtonVariant } from "./button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "./dialog";
import { FormMessage } from "./form-field";

/**
 * Asks before an action that cannot be undone. States the consequence, needs an explicit click on
 * the confirm button, and starts with focus on Cancel so Enter never confirms by accident.
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
  onDone: () => void;
  onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [state, formAction, pending] = useFormAction(action, { successMessage, onSuccess: onDone });
  return (
    <DialogContent
      size="sm"
      role="alertdialog"
      hideClose
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
      onInteractOutside={(event) => event.preventDefault()}
    >
      <form action={formAction}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <DialogHeader className="border-none pb-0">
          <DialogTitle>{title}</DialogTitle>
        </DialogHeader>
        <DialogBody className="gap-3 pt-2">
          <DialogDescription className="text-sm text-slate-700">{consequence}</DialogDescription>
          <FormMessage message={state.success ? undefined : state.message} />
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
