"use client";

import { UserPlus } from "lucide-react";
import { PasswordInput } from "@/components/forms/password-input";
import { valueOf, valuesOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { CheckboxGroupField, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createUserAction } from "./actions";
import { ROLE_OPTIONS } from "./role-options";

export function NewUserDialog() {
  return (
    <FormDialog
      trigger={
        <Button data-testid="new-user">
          <UserPlus aria-hidden="true" />
          New user
        </Button>
      }
      title="New user"
      description="They sign in with this email and password. Share the password with them securely."
      action={createUserAction}
      submitLabel="Create user"
      submitTestId="create-user"
    >
      {({ state, errors }) => (
        <>
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
        </>
      )}
    </FormDialog>
  );
}
