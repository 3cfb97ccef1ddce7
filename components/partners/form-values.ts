// Not in partner-form.tsx: a server page imports these values, and what a "use client" module exports
// reaches the server only as a reference, never as the object.

/** What the form starts with: the saved partner (as strings) or the defaults of a new one. */
export type PartnerFormValues = {
  code: string;
  name: string;
  type: string;
  status: string;
  currencyCode: string;
  currencyName: string;
  conversionRate: string;
  apiBaseUrl: string;
  apiTimeoutMs: string;
  hostProgramId: string;
  fundingMode: string;
  debitRate: string;
  billingCycle: string;
  pricePerPoint: string;
  billingCurrency: string;
  autoBlockThreshold: string;
  autoBlockPoints: string;
  autoBlockPrice: string;
  autoApprove: boolean;
};

export const NEW_PARTNER_VALUES: Omit<PartnerFormValues, "hostProgramId"> = {
  code: "",
  name: "",
  type: "airline",
  status: "active",
  currencyCode: "",
  currencyName: "",
  conversionRate: "1",
  apiBaseUrl: "",
  apiTimeoutMs: "5000",
  fundingMode: "prepaid",
  debitRate: "1",
  billingCycle: "monthly",
  pricePerPoint: "",
  billingCurrency: "INR",
  autoBlockThreshold: "",
  autoBlockPoints: "",
  autoBlockPrice: "",
  autoApprove: false,
};
