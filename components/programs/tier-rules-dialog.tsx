"use client";

import { SlidersHorizontal } from "lucide-react";
import { useState, type ReactNode } from "react";
import { valueOf, type FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormDialog, type FormDialogState } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type TierRulesTarget = { id: string; name: string; isDefault: boolean; values: Record<string, string> };

const METRICS = [
  { value: "transaction_amount", label: "Spend", money: true },
  { value: "gross_bill_amount", label: "Gross bill amount", money: true },
  { value: "visits", label: "Visits", money: false },
  { value: "line_item_count", label: "Line items bought", money: false },
  { value: "line_item_quantity", label: "Quantity bought", money: false },
];
const WINDOWS = [
  { value: "rolling_days", label: "Rolling days" },
  { value: "calendar_month", label: "This calendar month" },
  { value: "calendar_quarter", label: "This calendar quarter" },
  { value: "calendar_year", label: "This calendar year" },
];

export function TierRulesDialog({ tier, currency, action }: { tier: TierRulesTarget; currency: string; action: FormAction<undefined> }) {
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" size="sm" data-testid={`tier-rules-${tier.name}`} aria-label={`Edit the rules of ${tier.name}`}>
          <SlidersHorizontal aria-hidden="true" />
          Rules
        </Button>
      }
      size="md"
      title={`Rules of ${tier.name}`}
      description={
        tier.isDefault
          ? "Every member starts here and no downgrade goes lower, so this tier has no upgrade or downgrade rule."
          : "How members reach this tier and lose it, and what it gives them. Upgrades happen with the transaction that qualifies; downgrades are checked every night, one tier at a time."
      }
      action={action}
      hidden={{ tierId: tier.id }}
      // The selects are controlled: React's reset after a <form action> would put them back on their first option.
      resetOnSubmit={false}
      submitLabel="Save rules"
      submitTestId="save-tier-rules"
    >
      {(form) => <TierRulesFields tier={tier} currency={currency} {...form} />}
    </FormDialog>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3 border-t border-slate-200 pt-3 first:border-t-0 first:pt-0">
      <legend className="mb-2 text-[13px] font-semibold text-slate-900">{title}</legend>
      {children}
    </fieldset>
  );
}

function TierRulesFields({ tier, currency, state, errors }: { tier: TierRulesTarget; currency: string } & FormDialogState) {
  const initial = (k: string) => valueOf(state, k) ?? tier.values[k] ?? "";
  const [upgradeKind, setUpgradeKind] = useState(initial("upgradeKind") || "none");
  const [metric, setMetric] = useState(initial("trackerMetric") || "transaction_amount");
  const [window, setWindow] = useState(initial("trackerWindow") || "rolling_days");
  const [downgradeKind, setDowngradeKind] = useState(initial("downgradeKind") || "none");
  const money = METRICS.find((m) => m.value === metric)?.money ?? false;
  return (
    <>
      {tier.isDefault ? (
        <>
          <input type="hidden" name="upgradeKind" value="none" />
          <input type="hidden" name="downgradeKind" value="none" />
        </>
      ) : (
        <>
          <Section title="Upgrade">
            <FormField label="Members reach this tier when" error={errors?.upgradeKind}>
              <Select name="upgradeKind" value={upgradeKind} onChange={(e) => setUpgradeKind(e.target.value)} data-testid="upgrade-kind">
                <option value="none">Never automatically (assigned by hand)</option>
                <option value="lifetime_points">Their lifetime points reach a threshold</option>
                <option value="tracker">A tracker reaches a threshold</option>
              </Select>
            </FormField>
            {upgradeKind === "tracker" && (
              <div className="grid grid-cols-2 gap-3">
                <FormField label="Tracker adds up" error={errors?.trackerMetric}>
                  <Select name="trackerMetric" value={metric} onChange={(e) => setMetric(e.target.value)}>
                    {METRICS.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
                  </Select>
                </FormField>
                <FormField label="Over" error={errors?.trackerWindow}>
                  <Select name="trackerWindow" value={window} onChange={(e) => setWindow(e.target.value)}>
                    {WINDOWS.map((w) => <option key={w.value} value={w.value}>{w.label}</option>)}
                  </Select>
                </FormField>
                {window === "rolling_days" && (
                  <FormField label="Days in the window" error={errors?.trackerDays}>
                    <Input name="trackerDays" inputMode="numeric" defaultValue={initial("trackerDays")} className="w-32" />
                  </FormField>
                )}
              </div>
            )}
            {upgradeKind !== "none" && (
              <FormField
                label={upgradeKind === "lifetime_points" ? "Lifetime points" : money ? `Threshold (${currency})` : "Threshold"}
                hint={upgradeKind === "tracker" && money ? `In whole ${currency}, e.g. 50,000.` : "A whole number; the tier is reached at exactly this value."}
                error={errors?.upgradeThreshold}
              >
                <Input name="upgradeThreshold" inputMode="numeric" defaultValue={initial("upgradeThreshold")} placeholder="10,000" className="w-40" />
              </FormField>
            )}
          </Section>
          <Section title="Downgrade">
            <FormField label="Members drop one tier when" error={errors?.downgradeKind}>
              <Select name="downgradeKind" value={downgradeKind} onChange={(e) => setDowngradeKind(e.target.value)} data-testid="downgrade-kind">
                <option value="none">Never (the tier is kept)</option>
                <option value="inactivity">They make no transaction for some months</option>
                <option value="visits">They make too few visits in a window</option>
              </Select>
            </FormField>
            {downgradeKind === "inactivity" && (
              <FormField label="Months without a transaction" hint="Counted from the last transaction, or from reaching the tier if later." error={errors?.inactivityMonths}>
                <Input name="inactivityMonths" inputMode="numeric" defaultValue={initial("inactivityMonths")} className="w-32" />
              </FormField>
            )}
            {downgradeKind === "visits" && (
              <div className="grid grid-cols-2 gap-3">
                <FormField label="Fewer visits than" error={errors?.minVisits}>
                  <Input name="minVisits" inputMode="numeric" defaultValue={initial("minVisits")} placeholder="3" />
                </FormField>
                <FormField label="In the last (days)" error={errors?.visitsDays}>
                  <Input name="visitsDays" inputMode="numeric" defaultValue={initial("visitsDays")} />
                </FormField>
              </div>
            )}
          </Section>
        </>
      )}
      <Section title="Benefits">
        <div className="grid grid-cols-2 gap-3">
          <FormField label="Earn multiplier" hint="Multiplies the programme's base earn (not offers), rounded as the base rule rounds. Empty for none." error={errors?.earnMultiplier}>
            <Input name="earnMultiplier" inputMode="decimal" defaultValue={initial("earnMultiplier")} placeholder="1.25" />
          </FormField>
          {!tier.isDefault && (
            <FormField label="Bonus points on upgrade" hint="Given once, the first time a member reaches this tier." error={errors?.upgradeBonusPoints}>
              <Input name="upgradeBonusPoints" inputMode="numeric" defaultValue={initial("upgradeBonusPoints")} placeholder="500" />
            </FormField>
          )}
        </div>
      </Section>
    </>
  );
}
