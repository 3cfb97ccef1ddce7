"use client";

import { Plus } from "lucide-react";
import { valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { addTierAction } from "../actions";

export function AddTierDialog({ programId, topTier }: { programId: string; topTier: string | null }) {
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" size="sm" data-testid="add-tier">
          <Plus aria-hidden="true" />
          Add tier
        </Button>
      }
      size="sm"
      title="Add tier"
      description={
        <>
          {topTier ? `The new tier ranks above ${topTier}, the highest tier now.` : "The new tier ranks above the existing tiers."} Existing members keep their tier.
        </>
      }
      action={addTierAction}
      hidden={{ programId }}
      submitLabel="Add tier"
      submitTestId="create-tier"
    >
      {({ state, errors }) => (
        <FormField label="Name" error={errors?.name}>
          <Input name="name" autoComplete="off" defaultValue={valueOf(state, "name")} placeholder="Gold" />
        </FormField>
      )}
    </FormDialog>
  );
}
