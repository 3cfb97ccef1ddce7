"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createPartnerApiKeyAction } from "@/app/(console)/partners/actions";
import { TokenDialog } from "@/app/(console)/settings/api-keys/token-dialog";
import { PARTNER_KEY_SCOPES } from "@/lib/api-keys/scopes";

type Created = { token: string; name: string };

/** "New partner key": bound to this partner, with the partner scopes; the key is shown once. */
export function NewPartnerKeyDialog({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  // The new token lives only in this state until its dialog is closed.
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <>
      <FormDialog<Created>
        trigger={
          <Button data-testid="new-partner-key">
            <KeyRound aria-hidden="true" />
            New partner key
          </Button>
        }
        title={`New key for ${partnerName}`}
        description={
          <>
            The key acts only for {partnerName}, with the scopes {PARTNER_KEY_SCOPES.map((s, i) => (
              <span key={s}>
                {i > 0 && " and "}
                <code className="font-mono text-xs">{s}</code>
              </span>
            ))}
            .
          </>
        }
        action={createPartnerApiKeyAction}
        onSuccess={(result) => {
          if (result.data) setCreated(result.data);
        }}
        hidden={{ partnerId }}
        submitLabel="Create key"
        submitTestId="create-partner-key"
      >
        {({ state, errors }) => (
          <FormField label="Name" hint="Name it after the partner's system, e.g. “Sky Airways – production”." error={errors?.name}>
            <Input name="name" autoComplete="off" maxLength={80} defaultValue={valueOf(state, "name")} />
          </FormField>
        )}
      </FormDialog>
      {created && <TokenDialog name={created.name} token={created.token} onClose={() => setCreated(null)} />}
    </>
  );
}
