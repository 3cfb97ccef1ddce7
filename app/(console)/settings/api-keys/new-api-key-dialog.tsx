"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useFormAction, valueOf, valuesOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { CheckboxGroupField, FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api-keys/scopes";
import { createApiKeyAction } from "./actions";
import { TokenDialog } from "./token-dialog";

const SCOPE_OPTIONS = API_SCOPES.map((scope) => ({
  value: scope,
  label: API_SCOPE_LABELS[scope],
  description: <code className="font-mono text-[11px]">{scope}</code>,
}));

type Created = { token: string; name: string };

/** "New API key": name and scopes; on success, the token is shown once in its own dialog. */
export function NewApiKeyDialog() {
  const [open, setOpen] = useState(false);
  // The new token lives only in this state until its dialog is closed.
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button data-testid="new-api-key">
            <KeyRound aria-hidden="true" />
            New API key
          </Button>
        </DialogTrigger>
        {open && (
          <NewApiKeyForm
            onCancel={() => setOpen(false)}
            onCreated={(value) => {
              setOpen(false);
              setCreated(value);
            }}
          />
        )}
      </Dialog>
      {created && <TokenDialog name={created.name} token={created.token} onClose={() => setCreated(null)} />}
    </>
  );
}

function NewApiKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (created: Created) => void }) {
  const [state, formAction, pending] = useFormAction<Created>(createApiKeyAction, {
    onSuccess: (result) => {
      if (result.data) onCreated(result.data);
    },
  });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent size="lg">
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <DialogHeader>
          <DialogTitle>New API key</DialogTitle>
          <DialogDescription>For one system that calls the Coalition API (a POS, the card switch, a partner). Give it only the scopes it needs.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="Name" hint="Name it after the system that will use it, e.g. “Card switch – production”." error={errors?.name}>
            <Input name="name" autoComplete="off" maxLength={80} defaultValue={valueOf(state, "name")} />
          </FormField>
          <CheckboxGroupField legend="Scopes" name="scopes[]" options={SCOPE_OPTIONS} columns={2} defaultValues={valuesOf(state, "scopes")} error={errors?.scopes} />
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-api-key">
            Create key
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
