"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { valueOf } from "@/components/forms/use-form-action";
import { formatMoney } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { FormDialog, type FormDialogState } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { recordPointBlockAction } from "@/app/(console)/point-blocks/actions";

export type BlockPartner = { id: string; name: string; code: string; currency: string };

/** "Record purchase": a point block a prepaid partner bought. It waits for another partner manager's approval. */
export function RecordBlockDialog({ partners, fixedPartnerId }: { partners: BlockPartner[]; fixedPartnerId?: string }) {
  const fixed = fixedPartnerId ? partners.find((p) => p.id === fixedPartnerId) : undefined;
  return (
    <FormDialog
      trigger={
        <Button data-testid="record-block" disabled={partners.length === 0} title={partners.length === 0 ? "No active prepaid partner" : undefined}>
          <Plus aria-hidden="true" />
          Record purchase
        </Button>
      }
      title={`Record a point block purchase${fixed ? ` for ${fixed.name}` : ""}`}
      description="The block is pending until a partner manager other than you approves it; only then can its points fund earn transactions."
      action={recordPointBlockAction}
      submitLabel="Record purchase"
      submitTestId="save-block"
    >
      {(form) => <RecordBlockFields partners={partners} fixedPartnerId={fixedPartnerId} fixed={fixed} {...form} />}
    </FormDialog>
  );
}

function RecordBlockFields({
  partners,
  fixedPartnerId,
  fixed,
  state,
  errors,
}: { partners: BlockPartner[]; fixedPartnerId?: string; fixed?: BlockPartner } & FormDialogState) {
  const [partnerId, setPartnerId] = useState(valueOf(state, "partnerId") ?? fixedPartnerId ?? (partners.length === 1 ? partners[0]!.id : ""));
  const currency = partners.find((p) => p.id === partnerId)?.currency ?? "INR";
  const [price, setPrice] = useState(valueOf(state, "price") ?? "");
  const [priceCurrency, setPriceCurrency] = useState(valueOf(state, "currency") ?? currency);
  // What the typed minor units are, for a person: 3500000 → ₹35,000.00.
  const priceText = /^\d{1,15}$/.test(price.trim()) && /^[A-Za-z]{3}$/.test(priceCurrency.trim()) ? `= ${formatMoney(BigInt(price.trim()), priceCurrency.trim().toUpperCase())}` : "Paise or cents: ₹35,000.00 is 3500000.";
  return (
    <>
      {fixed ? (
        <input type="hidden" name="partnerId" value={fixed.id} />
      ) : (
        <FormField label="Partner" error={errors?.partnerId}>
          <Select
            name="partnerId"
            value={partnerId}
            onChange={(e) => {
              setPartnerId(e.target.value);
              setPriceCurrency(partners.find((p) => p.id === e.target.value)?.currency ?? priceCurrency);
            }}
            data-testid="block-partner"
          >
            <option value="">Choose a prepaid partner…</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </Select>
        </FormField>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Kind" hint="The reserve is used only when prepaid blocks are exhausted." error={errors?.kind}>
          <Select name="kind" defaultValue={valueOf(state, "kind") ?? "prepaid"}>
            <option value="prepaid">Prepaid</option>
            <option value="reserve">Reserve</option>
          </Select>
        </FormField>
        <FormField label="Points" error={errors?.points}>
          <Input name="points" inputMode="numeric" autoComplete="off" defaultValue={valueOf(state, "points")} placeholder="1000000" />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_6rem]">
        <FormField label="Price (minor units)" hint={<span data-testid="price-preview">{priceText}</span>} error={errors?.price}>
          <Input name="price" inputMode="numeric" autoComplete="off" value={price} onChange={(e) => setPrice(e.target.value)} placeholder="3500000" />
        </FormField>
        <FormField label="Currency" error={errors?.currency}>
          <Input name="currency" autoComplete="off" maxLength={3} className="uppercase" value={priceCurrency} onChange={(e) => setPriceCurrency(e.target.value)} />
        </FormField>
      </div>
      <FormField label="Reference" hint="The invoice or purchase order number." error={errors?.reference}>
        <Input name="reference" autoComplete="off" maxLength={80} defaultValue={valueOf(state, "reference")} placeholder="PO-2026-0142" />
      </FormField>
    </>
  );
}
