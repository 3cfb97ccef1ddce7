"use client";

import { FieldSection, MoneyField, RadioGroupField, TextField } from "../fields";

const LIST_HINT = "Comma-separated; empty means any.";

/** The transaction conditions of a transaction-triggered offer; every one is optional. */
export function TransactionFilters({ currency, programmeCurrency }: { currency: string; programmeCurrency: string }) {
  return (
    <FieldSection title="Transaction filters" description="Only purchases earn. Leave a field empty to accept any value.">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField name="filters.channels" label="Channels" hint={LIST_HINT} placeholder="pos, ecom" spellCheck={false} />
        <TextField name="filters.merchantIds" label="Merchant ids" hint={LIST_HINT} placeholder="M-1001, M-1002" spellCheck={false} />
        <TextField name="filters.mccs" label="MCCs" hint="Four-digit merchant category codes, comma-separated." placeholder="5812, 5814" inputMode="numeric" />
        <TextField name="filters.categories" label="Spend categories" hint={LIST_HINT} placeholder="dining, travel" spellCheck={false} />
        <TextField name="filters.countries" label="Countries" hint="Two-letter ISO codes, comma-separated." placeholder="IN, AE" spellCheck={false} />
      </div>
      <RadioGroupField
        name="filters.international"
        legend="Domestic or international"
        columns={3}
        options={[
          { value: "any", label: "Any", description: "Wherever the purchase is made." },
          { value: "false", label: "Domestic only", description: "In the programme’s home country." },
          { value: "true", label: "International only", description: "Outside the programme’s home country." },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <MoneyField name="filters.minAmount" label="Minimum amount" currency={currency} placeholder="0.00" hint="The purchase must be at least this much." />
        <TextField
          name="filters.currency"
          label="Currency (optional)"
          placeholder={programmeCurrency}
          maxLength={3}
          spellCheck={false}
          hint={`Only transactions in this currency. Amounts are read in ${currency}${currency === programmeCurrency ? ", the programme’s currency" : ""}.`}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="filters.lineItems.skus"
          label="Line-item SKUs"
          hint="With SKUs or line-item categories, the offer earns on each matching line of the bill."
          placeholder="SKU-123, SKU-456"
          spellCheck={false}
        />
        <TextField name="filters.lineItems.categories" label="Line-item categories" hint={LIST_HINT} placeholder="beverages" spellCheck={false} />
      </div>
    </FieldSection>
  );
}
