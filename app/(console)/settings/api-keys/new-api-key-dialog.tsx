"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { valueOf, valuesOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { CheckboxGroupField, FormField } from "@/components/ui/form-field";
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
  // The new token lives only in this state until its dialog is closed.
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <>
      <FormDialog<Created>
        trigger={
          <Button data-testid="new-api-key">
            <KeyRound aria-hidden="true" />
            New API key
          </Button>
        }
        size="lg"
        title="New API key"
        description="For one system that calls the Coalition API (a POS, the card switch, a partner). Give it only the scopes it needs."
        action={createApiKeyAction}
        onSuccess={(result) => {
          if (result.data) setCreated(result.data);
        }}
        submitLabel="Create key"
        submitTestId="create-api-key"
      >
        {({ state, errors }) => (
          <>
            <FormField label="Name" hint="Name it after the system that will use it, e.g. “Card switch – production”." error={errors?.name}>
              <Input name="name" autoComplete="off" maxLength={80} defaultValue={valueOf(state, "name")} />
            </FormField>
            <CheckboxGroupField legend="Scopes" name="scopes[]" options={SCOPE_OPTIONS} columns={2} defaultValues={valuesOf(state, "scopes")} error={errors?.scopes} />
          </>
        )}
      </FormDialog>
      {created && <TokenDialog name={created.name} token={created.token} onClose={() => setCreated(null)} />}
    </>
  );
}
