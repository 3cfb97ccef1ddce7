"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { PasswordInput } from "@/components/forms/password-input";
import { useFormAction, valueOf, valuesOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { CheckboxGroupField, FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createUserAction } from "./actions";
import { ROLE_OPTIONS } from "./role-options";

export function NewUserDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="new-user">
          <UserPlus aria-hidden="true" />
          New user
        </Button>
      </DialogTrigger>
      {open && <NewUserForm onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(createUserAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent>
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <DialogHeader>
          <DialogTitle>New user</DialogTitle>
          <DialogDescription>They sign in with this email and password. Share the password with them securely.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="Name" error={errors?.name}>
            <Input name="name" autoComplete="off" defaultValue={valueOf(state, "name")} />
          </FormField>
          <FormField label="Email" error={errors?.email}>
            <Input name="email" type="email" autoComplete="off" defaultValue={valueOf(state, "email")} />
          </FormField>
          <FormField label="Password" hint="At least 12 characters." error={errors?.password}>
            <PasswordInput name="password" autoComplete="new-password" generate />
          </FormField>
          <CheckboxGroupField legend="Roles" name="roles[]" options={ROLE_OPTIONS} defaultValues={valuesOf(state, "roles")} error={errors?.roles} />
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-user">
            Create user
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
