/** Expiry strategy kinds in words; the values are those of EXPIRY_KINDS in lib/programs/schemas.ts. */
export type ExpiryKind = "days" | "months" | "end_of_month_after_months" | "end_of_year_after_months" | "never";

export const EXPIRY_KIND_OPTIONS: readonly { value: ExpiryKind; label: string }[] = [
  { value: "days", label: "A number of days after the award" },
  { value: "months", label: "A number of months after the award" },
  { value: "end_of_month_after_months", label: "End of a month, some months after the award" },
  { value: "end_of_year_after_months", label: "End of a year, some months after the award" },
  { value: "never", label: "Never expire" },
];

/** What the amount of each kind counts, for the form: label, hint and its minimum. */
export const EXPIRY_AMOUNT: Record<Exclude<ExpiryKind, "never">, { label: string; hint: string; min: number }> = {
  days: { label: "Days after the award date", hint: "Points stay spendable through the last day, until local midnight.", min: 1 },
  months: { label: "Months after the award date", hint: "Calendar months; the 31st falls back to the month's last day.", min: 1 },
  end_of_month_after_months: {
    label: "Months after the award",
    hint: "Points expire at the end of that month. 0 means the end of the award month.",
    min: 0,
  },
  end_of_year_after_months: {
    label: "Months after the award",
    hint: "Points expire on 31 December of the year that month falls in. 0 means the end of the award year.",
    min: 0,
  },
};

const plural = (n: number, one: string, other: string) => `${new Intl.NumberFormat("en-GB").format(n)} ${n === 1 ? one : other}`;

/** "30 days after the award date", "End of the month, 12 months after the award", "Never". */
export function expiryRuleText(kind: string, amount: number | null): string {
  const n = amount ?? 0;
  switch (kind) {
    case "never":
      return "Never";
    case "days":
      return `${plural(n, "day", "days")} after the award date`;
    case "months":
      return `${plural(n, "month", "months")} after the award date`;
    case "end_of_month_after_months":
      return n === 0 ? "End of the award month" : `End of the month, ${plural(n, "month", "months")} after the award`;
    case "end_of_year_after_months":
      return n === 0 ? "End of the award year" : `End of the year, ${plural(n, "month", "months")} after the award`;
    default:
      return `Unknown rule (${kind})`;
  }
}
