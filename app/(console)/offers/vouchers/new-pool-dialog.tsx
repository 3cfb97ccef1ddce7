"use client";

import { Plus } from "lucide-react";
import { valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createVoucherPoolAction } from "./actions";

/** "New pool": a name and a description; codes are added to the pool afterwards. */
export function NewPoolDialog() {
  return (
    <FormDialog
      trigger={
        <Button data-testid="new-voucher-pool">
          <Plus aria-hidden="true" />
          New pool
        </Button>
      }
      title="New voucher pool"
      description="A pool holds the codes a voucher offer gives out, one code per award. Add codes once it exists: upload a file or generate them."
      action={createVoucherPoolAction}
      submitLabel="Create pool"
      submitTestId="create-voucher-pool"
    >
      {({ state, errors }) => (
        <>
          <FormField label="Name" hint="What the codes are for, e.g. “Movie tickets – PVR”." error={errors?.name}>
            <Input name="name" autoComplete="off" maxLength={120} defaultValue={valueOf(state, "name")} />
          </FormField>
          <FormField label="Description (optional)" hint="For the people who choose a pool in the offer wizard." error={errors?.description}>
            <Textarea name="description" maxLength={500} defaultValue={valueOf(state, "description")} />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
