"use client";

import { Medal } from "lucide-react";
import { useState } from "react";
import { assignTierAction } from "@/app/(console)/members/[memberId]/tier/actions";
import { valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog, type FormDialogState } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export type TierChoice = { programId: string; programName: string; currentTierId: string; tiers: { id: string; name: string }[] };

/** Puts the member in a tier by hand, with a reason for the tier history (programme managers). */
export function ChangeTierDialog({ memberId, programmes }: { memberId: string; programmes: TierChoice[] }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size="sm" data-testid="change-tier">
          <Medal aria-hidden="true" />
          Change tier
        </Button>
      }
      size="sm"
      title="Change tier"
      description="Puts the member in a tier now, whatever its rules say; the reason goes into the tier history. No upgrade bonus is awarded."
      action={assignTierAction}
      hidden={{ memberId }}
      submitLabel="Change tier"
      submitTestId="confirm-change-tier"
    >
      {(form) => <ChangeTierFields programmes={programmes} {...form} />}
    </FormDialog>
  );
}

function ChangeTierFields({ programmes, state, errors }: { programmes: TierChoice[] } & FormDialogState) {
  const [programId, setProgramId] = useState(valueOf(state, "programId") || programmes[0]?.programId || "");
  const programme = programmes.find((p) => p.programId === programId);
  return (
    <>
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
    </>
  );
}
