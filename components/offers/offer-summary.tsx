import { describeOffer, type OfferDefinition } from "@/lib/engine";

/** Labels describeOffer needs to write names instead of ids. */
export type SummaryProgramme = { id: string; name: string; currency: string; tiers: { id: string; name: string }[] };

/** An offer definition in plain sentences (lib/engine describeOffer). Renders on the server and in the wizard. */
export function OfferSummary({
  definition,
  programme,
  pools = [],
  partners = [],
  segments = [],
}: {
  definition: OfferDefinition;
  programme: SummaryProgramme;
  pools?: readonly { id: string; name: string }[];
  partners?: readonly { id: string; name: string; currencyName: string }[];
  segments?: readonly { id: string; name: string }[];
}) {
  const sentences = describeOffer(definition, {
    programs: { [programme.id]: programme.name },
    tiers: Object.fromEntries(programme.tiers.map((t) => [t.id, t.name])),
    currency: programme.currency,
    pools: Object.fromEntries(pools.map((p) => [p.id, p.name])),
    partners: Object.fromEntries(partners.map((p) => [p.id, p.name])),
    partnerCurrencies: Object.fromEntries(partners.map((p) => [p.id, p.currencyName])),
    segments: Object.fromEntries(segments.map((s) => [s.id, s.name])),
  });
  return (
    <ul className="flex list-disc flex-col gap-1.5 pl-5 text-[13px] text-slate-800 marker:text-slate-400" data-testid="offer-summary">
      {sentences.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ul>
  );
}
