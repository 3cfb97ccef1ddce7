"use client";

import { SelectField } from "./fields";
import type { WizardPartner } from "./types";

/** Chooses a partner from partner setup; says where partners come from when there is none yet. */
export function PartnerSelect({ name, hint, partners }: { name: "outcome.partnerId" | "funding.partnerId"; hint: string; partners: readonly WizardPartner[] }) {
  if (partners.length === 0) {
    return <p className="text-[13px] text-slate-600">No partner is set up yet: a partner manager adds partners under Partners.</p>;
  }
  return (
    <SelectField
      name={name}
      label="Partner"
      hint={hint}
      className="max-w-md"
      options={[
        { value: "", label: "Choose a partner" },
        ...partners.map((p) => ({ value: p.id, label: `${p.name} (${p.currencyName})${p.active ? "" : " — suspended"}` })),
      ]}
    />
  );
}
