"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { valueOf, valuesOf } from "@/components/forms/use-form-action";
import { AttributeRows } from "@/components/members/attribute-rows";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { CheckboxGroupField, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { enrolMemberAction } from "./actions";

export type EnrolProgramOption = { id: string; code: string; name: string; isDefault: boolean; pointValue: string };

export function EnrolMemberDialog({ programs }: { programs: EnrolProgramOption[] }) {
  const router = useRouter();
  const options = programs.map((p) => ({
    value: p.id,
    label: (
      <>
        {p.name} <span className="font-mono text-xs text-slate-500">{p.code}</span>
      </>
    ),
    description: p.isDefault ? `Default (group) programme · ${p.pointValue}` : p.pointValue,
  }));
  return (
    <FormDialog
      trigger={
        <Button data-testid="enrol-member">
          <UserPlus aria-hidden="true" />
          Enrol member
        </Button>
      }
      title="Enrol member"
      description="The member starts in each programme’s default tier with a zero balance. The enrolment is recorded in the audit log."
      action={enrolMemberAction}
      onSuccess={(result) => {
        if (result.data?.memberId) router.push(`/members/${result.data.memberId}`);
      }}
      submitLabel="Enrol member"
      submitTestId="create-member"
    >
      {({ state, errors }) => (
        <>
          <FormField label="External id" hint="The bank’s customer id; systems refer to the member as ext:<external id>." error={errors?.externalId}>
            <Input name="externalId" autoComplete="off" spellCheck={false} defaultValue={valueOf(state, "externalId")} placeholder="CUST-000123" />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="First name" error={errors?.firstName}>
              <Input name="firstName" autoComplete="off" defaultValue={valueOf(state, "firstName")} />
            </FormField>
            <FormField label="Last name" error={errors?.lastName}>
              <Input name="lastName" autoComplete="off" defaultValue={valueOf(state, "lastName")} />
            </FormField>
            <FormField label="Email" error={errors?.email}>
              <Input name="email" type="email" autoComplete="off" defaultValue={valueOf(state, "email")} />
            </FormField>
            <FormField label="Phone" error={errors?.phone}>
              <Input name="phone" type="tel" autoComplete="off" defaultValue={valueOf(state, "phone")} placeholder="+91 98765 43210" />
            </FormField>
          </div>
          <CheckboxGroupField
            legend="Programmes"
            name="programIds[]"
            options={options}
            defaultValues={valuesOf(state, "programIds", programs.filter((p) => p.isDefault).map((p) => p.id))}
            error={errors?.programIds}
            columns={programs.length > 3 ? 2 : 1}
          />
          {/* Remounted with what was sent: React resets the form after each submit. */}
          <AttributeRows
            key={JSON.stringify([state.values?.attrKey, state.values?.attrValue])}
            initialKeys={valuesOf(state, "attrKey")}
            initialValues={valuesOf(state, "attrValue")}
            error={errors?.attributes}
          />
        </>
      )}
    </FormDialog>
  );
}
