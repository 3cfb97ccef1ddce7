"use client";

import { UserCog } from "lucide-react";
import { useState } from "react";
import { useFormAction, valuesOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { CheckboxGroupField, FormMessage } from "@/components/ui/form-field";
import { updateUserRolesAction } from "./actions";
import { ROLE_OPTIONS } from "./role-options";

export function EditRolesDialog({ user }: { user: { id: string; name: string; email: string; roles: readonly string[] } }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Edit roles of ${user.name}`} title="Edit roles" data-testid="edit-roles">
          <UserCog aria-hidden="true" />
        </Button>
      </DialogTrigger>
      {open && <EditRolesForm user={user} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function EditRolesForm({ user, onDone }: { user: { id: string; name: string; email: string; roles: readonly string[] }; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(updateUserRolesAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent size="sm">
      <form action={formAction} className="flex min-h-0 flex-col">
        <input type="hidden" name="userId" value={user.id} />
        <DialogHeader>
          <DialogTitle>Edit roles of {user.name}</DialogTitle>
          <DialogDescription>
            {user.email}. A change applies on their next page load; the change is recorded in the audit log.
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors?.roles ? state.message : undefined} />
          <CheckboxGroupField legend="Roles" name="roles[]" options={ROLE_OPTIONS} defaultValues={valuesOf(state, "roles", user.roles)} error={errors?.roles} />
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="save-roles">
            Save roles
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
