"use client";

import { Medal } from "lucide-react";
import { useState } from "react";
import { assignTierAction } from "@/app/(console)/members/[memberId]/tier/actions";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export type TierChoice = { programId: string; programName: string; currentTierId: string; tiers: { id: string; name: string }[] };

/** Puts the member in a tier by hand, with a reason for the tier history (programme managers). */
export function ChangeTierDialog({ memberId, programmes }: { memberId: string; programmes: TierChoice[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" data-testid="change-tier">
          <Medal aria-hidden="true" />
          Change tier
        </Button>
      </DialogTrigger>
      {open && <ChangeTierForm memberId={memberId} programmes={programmes} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function ChangeTierForm({ memberId, programmes, onDone }: { memberId: string; programmes: TierChoice[]; onDone: () => void }) {
  const [state, formAction, pending] = useFormAction(assignTierAction, { onSuccess: onDone });
  const errors = state.success ? undefined : state.errors;
  const [programId, setProgramId] = useState(valueOf(state, "programId") || programmes[0]?.programId || "");
  const programme = programmes.find((p) => p.programId === programId);
  return (
    <DialogContent size="sm">
      <form action={formAction} noValidate className="flex min-h-0 flex-col">
        <input type="hidden" name="memberId" value={memberId} />
        <DialogHeader>
          <DialogTitle>Change tier</DialogTitle>
          <DialogDescription>Puts the member in a tier now, whatever its rules say; the reason goes into the tier history. No upgrade bonus is awarded.</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <FormMessage message={!state.success && !errors ? state.message : undefined} />
          <FormField label="Programme" error={errors?.programId}>
            <Select name="programId" value={programId} onChange={(e) => setProgramId(e.target.value)}>
              {programmes.map((p) => (
                <option key={p.programId} value={p.programId}>
                  {p.programName}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Tier" error={errors?.tierId}>
            <Select key={programId} name="tierId" defaultValue={valueOf(state, "tierId") || programme?.currentTierId}>
              {programme?.tiers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.id === programme.currentTierId ? " (current)" : ""}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Reason" error={errors?.reason}>
            <Textarea name="reason" rows={3} maxLength={300} defaultValue={valueOf(state, "reason")} placeholder="Status match with another bank's Platinum card" />
          </FormField>
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="confirm-change-tier">
            Change tier
          </Button>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
