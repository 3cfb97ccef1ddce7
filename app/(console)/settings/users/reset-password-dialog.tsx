"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { PasswordInput } from "@/components/forms/password-input";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordDialog({ user }: { user: { id: string; name: string; email: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Reset password of ${user.name}`} title="Reset password" data-testid="reset-password">
          <KeyRound aria-hidden="true" />
        </Button>
      </DialogTrigger>
      {open && <ResetPasswordForm user={user} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function ResetPasswordForm({ user, onDone }: { user: { id: string; name: string; email: string }; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(resetPasswordAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent size="sm">
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="userId" value={user.id} />
        <DialogHeader>
          <DialogTitle>Reset password of {user.name}</DialogTitle>
          <DialogDescription>
            {user.email} will sign in with the new password from now on. Any session they have open now ends at their next click.
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors?.password ? state.message : undefined} />
          <FormField label="New password" hint="At least 12 characters. Share it with the person securely." error={errors?.password}>
            <PasswordInput name="password" autoComplete="new-password" generate />
          </FormField>
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="set-password">
            Set password
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
