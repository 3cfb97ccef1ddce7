"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createPartnerApiKeyAction } from "@/app/(console)/partners/actions";
import { TokenDialog } from "@/app/(console)/settings/api-keys/token-dialog";
import { PARTNER_KEY_SCOPES } from "@/lib/api-keys/scopes";

type Created = { token: string; name: string };

/** "New partner key": bound to this partner, with the partner scopes; the key is shown once. */
export function NewPartnerKeyDialog({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const [open, setOpen] = useState(false);
  // The new token lives only in this state until its dialog is closed.
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button data-testid="new-partner-key">
            <KeyRound aria-hidden="true" />
            New partner key
          </Button>
        </DialogTrigger>
        {open && (
          <KeyForm
            partnerId={partnerId}
            partnerName={partnerName}
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

function KeyForm({ partnerId, partnerName, onCancel, onCreated }: { partnerId: string; partnerName: string; onCancel: () => void; onCreated: (c: Created) => void }) {
  const [state, formAction, pending] = useFormAction<Created>(createPartnerApiKeyAction, { onSuccess: (r) => r.data && onCreated(r.data) });
  const errors = state.success ? undefined : state.errors;
  return (
    <DialogContent>
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="partnerId" value={partnerId} />
        <DialogHeader>
          <DialogTitle>New key for {partnerName}</DialogTitle>
          <DialogDescription>
            The key acts only for {partnerName}, with the scopes {PARTNER_KEY_SCOPES.map((s, i) => (
              <span key={s}>
                {i > 0 && " and "}
                <code className="font-mono text-xs">{s}</code>
              </span>
            ))}
            .
          </DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="Name" hint="Name it after the partner's system, e.g. “Sky Airways – production”." error={errors?.name}>
            <Input name="name" autoComplete="off" maxLength={80} defaultValue={valueOf(state, "name")} />
          </FormField>
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="create-partner-key">
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
