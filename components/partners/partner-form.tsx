"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useFormAction, valueOf, type FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { BILLING_CYCLES, PARTNER_TYPES } from "@/lib/partners/schemas";
import type { PartnerFormValues } from "./form-values";
import { PARTNER_TYPE_LABELS } from "./labels";

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-sm">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">{children}</CardContent>
    </Card>
  );
}

/**
 * Every field of a partner (lib/partners/schemas.ts partnerInputSchema), grouped: the partner, its
 * currency, its crediting API (the secret is write-only), and its funding terms. Creates or saves.
 */
export function PartnerForm({
  action,
  partnerId,
  initial,
  programmes,
  hasApiSecret = false,
  submitLabel,
  readOnly = false,
}: {
  action: FormAction<{ partnerId: string }>;
  partnerId?: string;
  initial: PartnerFormValues;
  programmes: { id: string; name: string; code: string }[];
  hasApiSecret?: boolean;
  submitLabel: string;
  /** For roles that may read but not change partners: the same fields, disabled, without buttons. */
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(action, {
    onSuccess: (result) => {
      if (!partnerId && result.data?.partnerId) router.push(`/partners/${result.data.partnerId}`);
    },
  });
  const all = state.success ? undefined : state.errors;
  const errors = all && Object.fromEntries(Object.entries(all).map(([field, messages]) => [field, messages.slice(0, 1)]));
  const value = (name: Exclude<keyof PartnerFormValues, "autoApprove">) => (state.values && !state.success ? (valueOf(state, name) ?? "") : initial[name]);
  const [fundingMode, setFundingMode] = useState(value("fundingMode"));
  const postpaid = fundingMode === "postpaid";

  return (
    <form action={formAction} noValidate aria-label={submitLabel}>
      <fieldset disabled={readOnly} className="flex flex-col gap-4">
      {partnerId && <input type="hidden" name="partnerId" value={partnerId} />}
      <FormMessage message={!state.success && state.message && !errors ? state.message : !state.success && errors ? "Check the highlighted fields." : undefined} />

      <Section title="Partner" description="Who the partner is. A suspended partner's earn transactions and new blocks are refused.">
        <FormField label="Code" hint={errors?.code ? undefined : "2–20 letters, digits, - or _; used in API paths and reports."} error={errors?.code}>
          <Input name="code" autoComplete="off" spellCheck={false} className="uppercase" defaultValue={value("code")} placeholder="SKYAIR" />
        </FormField>
        <FormField label="Name" error={errors?.name}>
          <Input name="name" autoComplete="off" defaultValue={value("name")} placeholder="Sky Airways" />
        </FormField>
        <FormField label="Type" error={errors?.type}>
          <Select name="type" defaultValue={value("type")}>
            {PARTNER_TYPES.map((t) => (
              <option key={t} value={t}>
                {PARTNER_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Status" error={errors?.status}>
          <Select name="status" defaultValue={value("status")}>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </Select>
        </FormField>
      </Section>

      <Section title="Loyalty currency and conversion" description="The partner's own points, and how many of them one unit of the bank's calculation gives.">
        <FormField label="Currency code" hint={errors?.currencyCode ? undefined : "2–10 letters or digits."} error={errors?.currencyCode}>
          <Input name="currencyCode" autoComplete="off" className="uppercase" defaultValue={value("currencyCode")} placeholder="SKYW" />
        </FormField>
        <FormField label="Currency name" error={errors?.currencyName}>
          <Input name="currencyName" autoComplete="off" defaultValue={value("currencyName")} placeholder="Skyward Miles" />
        </FormField>
        <FormField label="Conversion rate" hint={errors?.conversionRate ? undefined : "Partner points per unit of the bank's calculation; an exact decimal, e.g. 0.5."} error={errors?.conversionRate}>
          <Input name="conversionRate" inputMode="decimal" autoComplete="off" defaultValue={value("conversionRate")} placeholder="0.5" />
        </FormField>
        <FormField label="Host programme" hint={errors?.hostProgramId ? undefined : "The partner's earn transactions give points in this programme."} error={errors?.hostProgramId}>
          <Select name="hostProgramId" defaultValue={value("hostProgramId")}>
            <option value="">Choose a programme…</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </Select>
        </FormField>
      </Section>

      <Section title="Crediting API" description="Where the worker credits partner points. The secret signs each call (HMAC) and is stored encrypted.">
        <FormField label="Base URL" hint={errors?.apiBaseUrl ? undefined : "Leave blank if the partner is not credited by API."} error={errors?.apiBaseUrl} className="sm:col-span-2">
          <Input name="apiBaseUrl" type="url" autoComplete="off" spellCheck={false} defaultValue={value("apiBaseUrl")} placeholder="https://api.partner.example/loyalty" />
        </FormField>
        <FormField
          label="Secret"
          hint={errors?.apiSecret ? undefined : hasApiSecret ? "A secret is stored; leave blank to keep it." : "At least 8 characters. It cannot be shown again once saved."}
          error={errors?.apiSecret}
        >
          <Input name="apiSecret" type="password" autoComplete="new-password" placeholder={hasApiSecret ? "•••••••• (stored)" : ""} data-testid="partner-api-secret" />
        </FormField>
        <FormField label="Timeout (ms)" hint={errors?.apiTimeoutMs ? undefined : "100 to 30,000 ms per call."} error={errors?.apiTimeoutMs}>
          <Input name="apiTimeoutMs" inputMode="numeric" autoComplete="off" defaultValue={value("apiTimeoutMs")} />
        </FormField>
      </Section>

      <Section title="Funding of partner earn" description="How the points the partner's transactions give are paid for: from blocks it bought (prepaid) or billed per cycle (post-paid).">
        <FormField label="Funding mode" error={errors?.fundingMode}>
          <Select name="fundingMode" value={fundingMode} onChange={(e) => setFundingMode(e.target.value)} data-testid="funding-mode">
            <option value="prepaid">Prepaid (point blocks)</option>
            <option value="postpaid">Post-paid (billed per cycle)</option>
          </Select>
        </FormField>
        <FormField label="Debit conversion rate" hint={errors?.debitRate ? undefined : "Partner account points debited per point given (rounded up)."} error={errors?.debitRate}>
          <Input name="debitRate" inputMode="decimal" autoComplete="off" defaultValue={value("debitRate")} placeholder="1" />
        </FormField>
        {postpaid ? (
          <>
            <FormField label="Billing cycle" error={errors?.billingCycle}>
              <Select name="billingCycle" defaultValue={value("billingCycle") || "monthly"}>
                {BILLING_CYCLES.map((c) => (
                  <option key={c} value={c}>
                    {c === "monthly" ? "Monthly" : "Quarterly"}
                  </option>
                ))}
              </Select>
            </FormField>
            <div className="grid grid-cols-[1fr_6rem] gap-3">
              <FormField label="Price per point" hint={errors?.pricePerPoint ? undefined : "An exact decimal, e.g. 0.35."} error={errors?.pricePerPoint}>
                <Input name="pricePerPoint" inputMode="decimal" autoComplete="off" defaultValue={value("pricePerPoint")} placeholder="0.35" />
              </FormField>
              <FormField label="Currency" error={errors?.billingCurrency}>
                <Input name="billingCurrency" autoComplete="off" maxLength={3} className="uppercase" defaultValue={value("billingCurrency")} placeholder="INR" />
              </FormField>
            </div>
          </>
        ) : (
          <AutoBlockFields value={value} errors={errors} autoApprove={state.values && !state.success ? valueOf(state, "autoApprove") === "on" : initial.autoApprove} />
        )}
      </Section>

      {!readOnly && (
      <div className="flex items-center gap-2">
        <Button type="submit" loading={pending} data-testid="save-partner">
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={() => router.push(partnerId ? `/partners/${partnerId}` : "/partners")} disabled={pending}>
          Cancel
        </Button>
      </div>
      )}
      </fieldset>
    </form>
  );
}

function AutoBlockFields({
  value,
  errors,
  autoApprove,
}: {
  value: (name: "autoBlockThreshold" | "autoBlockPoints" | "autoBlockPrice") => string;
  errors?: Record<string, string[]>;
  autoApprove: boolean;
}) {
  return (
    <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-3">
      <legend className="px-1 text-[13px] font-medium text-slate-700">Automatic blocks (optional)</legend>
      <p className="-mt-1 text-xs text-slate-500 sm:col-span-3">When available points fall below the threshold, a block of the given size is created. Leave blank to create blocks by hand only.</p>
      <FormField label="Threshold (points)" error={errors?.autoBlockThreshold}>
        <Input name="autoBlockThreshold" inputMode="numeric" autoComplete="off" defaultValue={value("autoBlockThreshold")} placeholder="50000" />
      </FormField>
      <FormField label="Block size (points)" error={errors?.autoBlockPoints}>
        <Input name="autoBlockPoints" inputMode="numeric" autoComplete="off" defaultValue={value("autoBlockPoints")} placeholder="250000" />
      </FormField>
      <FormField label="Block price (minor units)" hint="Paise or cents." error={errors?.autoBlockPrice}>
        <Input name="autoBlockPrice" inputMode="numeric" autoComplete="off" defaultValue={value("autoBlockPrice")} placeholder="8750000" />
      </FormField>
      <label className="flex items-start gap-2 text-[13px] text-slate-800 sm:col-span-3">
        <Checkbox name="autoApprove" defaultChecked={autoApprove} className="mt-0.5" />
        <span>
          Approve automatic blocks at once
          <span className="block text-xs text-slate-500">Otherwise they wait for a partner manager’s approval like any other block.</span>
        </span>
      </label>
    </fieldset>
  );
}
