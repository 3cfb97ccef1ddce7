"use client";

import { KeyRound } from "lucide-react";
import { PasswordInput } from "@/components/forms/password-input";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordDialog({ user }: { user: { id: string; name: string; email: string } }) {
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Reset password of ${user.name}`} title="Reset password" data-testid="reset-password">
          <KeyRound aria-hidden="true" />
        </Button>
      }
      size="sm"
      title={`Reset password of ${user.name}`}
      description={`${user.email} will sign in with the new password from now on. Any session they have open now ends at their next click.`}
      action={resetPasswordAction}
      hidden={{ userId: user.id }}
      messageHiddenBy={["password"]}
      submitLabel="Set password"
      submitTestId="set-password"
    >
      {({ errors }) => (
        <FormField label="New password" hint="At least 12 characters. Share it with the person securely." error={errors?.password}>
          <PasswordInput name="password" autoComplete="new-password" generate />
        </FormField>
      )}
    </FormDialog>
  );
}
