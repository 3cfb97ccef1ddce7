import type { ConvertContext } from "./form-values";

/** What the wizard knows of a programme (lib/offers/queries offerProgrammes). */
export type WizardProgramme = {
  id: string;
  code: string;
  name: string;
  currency: string;
  timeZone: string;
  homeCountry: string;
  tiers: { id: string; name: string }[];
};

/** A partner a partner-points or partner-funded offer can name (lib/partners listPartners). */
export type WizardPartner = { id: string; name: string; currencyName: string; conversionRate: string; active: boolean };

/** A saved segment an offer can target (lib/segments segmentOptions). */
export type WizardSegment = { id: string; name: string; memberCount: number };

/** A voucher pool a voucher offer can give codes from (lib/vouchers listVoucherPools). */
export type WizardPool = { id: string; name: string; left: number };

export function programmeOf(programmes: readonly WizardProgramme[], id: string): WizardProgramme | undefined {
  return programmes.find((p) => p.id === id) ?? programmes[0];
}

export function convertContext(programme: WizardProgramme | undefined): ConvertContext {
  return { currency: programme?.currency ?? "INR", timeZone: programme?.timeZone ?? "UTC" };
}
