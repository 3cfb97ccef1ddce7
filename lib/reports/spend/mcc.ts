/** Human names of the merchant category codes (ISO 18245) the console shows most; others show the code. */
export const MCC_LABELS: Readonly<Record<string, string>> = {
  "4111": "Commuter transport",
  "4121": "Taxis and rideshare",
  "4511": "Airlines",
  "4722": "Travel agencies",
  "4814": "Telecom services",
  "4900": "Utilities",
  "5045": "Computers and software",
  "5311": "Department stores",
  "5411": "Grocery stores and supermarkets",
  "5499": "Convenience and speciality food",
  "5541": "Service stations",
  "5542": "Automated fuel dispensers",
  "5651": "Family clothing stores",
  "5691": "Clothing stores",
  "5732": "Electronics stores",
  "5812": "Restaurants",
  "5813": "Bars",
  "5814": "Fast food",
  "5912": "Pharmacies",
  "5942": "Book stores",
  "5999": "Miscellaneous retail",
  "6011": "Cash withdrawals",
  "7011": "Hotels and lodging",
  "7832": "Cinemas",
  "8062": "Hospitals",
  "8220": "Colleges and universities",
};

/** "5411 · Grocery stores and supermarkets"; "No MCC" for transactions without one. */
export function mccLabel(mcc: string): string {
  if (mcc === "") return "No MCC";
  const name = MCC_LABELS[mcc];
  return name ? `${mcc} · ${name}` : mcc;
}

/** "groceries" → "Groceries"; "Uncategorised" for transactions without a category. */
export function categoryLabel(category: string): string {
  if (category === "") return "Uncategorised";
  return category.charAt(0).toUpperCase() + category.slice(1).replaceAll("_", " ");
}
