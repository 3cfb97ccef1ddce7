"use client";

import { UserCog } from "lucide-react";
import { valuesOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { CheckboxGroupField } from "@/components/ui/form-field";
import { updateUserRolesAction } from "./actions";
import { ROLE_OPTIONS } from "./role-options";

export function EditRolesDialog({ user }: { user: { id: string; name: string; email: string; roles: readonly string[] } }) {
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Edit roles of ${user.name}`} title="Edit roles" data-testid="edit-roles">
          <UserCog aria-hidden="true" />
        </Button>
      }
      size="sm"
      title={`Edit roles of ${user.name}`}
      description={`${user.email}. A change applies on their next page load; the change is recorded in the audit log.`}
      action={updateUserRolesAction}
      hidden={{ userId: user.id }}
      messageHiddenBy={["roles"]}
      submitLabel="Save roles"
      submitTestId="save-roles"
    >
      {({ state, errors }) => (
        <CheckboxGroupField legend="Roles" name="roles[]" options={ROLE_OPTIONS} defaultValues={valuesOf(state, "roles", user.roles)} error={errors?.roles} />
      )}
    </FormDialog>
  );
}
