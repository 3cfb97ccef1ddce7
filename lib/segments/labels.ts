import "server-only";
import type { DbOrTx } from "@/db";
import { offerProgrammes } from "@/lib/offers/queries";

/** Programmes with their tiers (for the builder) and the names describeSegment writes instead of ids. */
export async function segmentProgrammes(db: DbOrTx) {
  const programmes = (await offerProgrammes(db)).map((p) => ({ id: p.id, name: p.name, currency: p.currency, tiers: p.tiers.map((t) => ({ id: t.id, name: t.name })) }));
  const labels = {
    programs: Object.fromEntries(programmes.map((p) => [p.id, p.name])),
    tiers: Object.fromEntries(programmes.flatMap((p) => p.tiers.map((t) => [t.id, t.name]))),
  };
  return { programmes, labels };
}
