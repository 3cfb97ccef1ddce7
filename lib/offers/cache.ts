import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { offers, offerVersions, partners, programs } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { baseEarnRuleSchema, compileBaseRule, compileOffer, offerDefinitionSchema, type CompiledBaseRule, type CompiledOffer } from "@/lib/engine";
import { logger } from "@/lib/logger";

/** What the engine evaluates: the live offers compiled once, each programme's base earn rule and terms. */
export type LiveOffers = {
  offers: CompiledOffer[];
  baseRules: Map<string, CompiledBaseRule>;
  programs: Map<string, { timeZone: string; homeCountry: string }>;
};

/**
 * Offers change rarely and are read by every transaction, so each process keeps them compiled for a
 * short time. A change made in this process is seen at once (invalidateOfferCache); one made by
 * another process within LIVE_OFFERS_TTL_MS.
 */
export const LIVE_OFFERS_TTL_MS = 2_000;
let cached: { at: number; value: Promise<LiveOffers> } | null = null;

export function invalidateOfferCache(): void {
  cached = null;
}

export function liveOffers(db: DbOrTx, nowMs = Date.now()): Promise<LiveOffers> {
  if (!cached || nowMs - cached.at > LIVE_OFFERS_TTL_MS) {
    const value = loadLiveOffers(db);
    cached = { at: nowMs, value };
    value.catch(() => {
      if (cached?.value === value) cached = null;
    });
  }
  return cached.value;
}

async function loadLiveOffers(db: DbOrTx): Promise<LiveOffers> {
  const programRows = await db.select({ id: programs.id, timeZone: programs.timeZone, homeCountry: programs.homeCountry, baseEarnRule: programs.baseEarnRule }).from(programs);
  const rows = await db
    .select({ offerId: offers.id, programId: offers.programId, version: offerVersions.version, definition: offerVersions.definition })
    .from(offers)
    .innerJoin(offerVersions, and(eq(offerVersions.offerId, offers.id), eq(offerVersions.version, offers.liveVersion)))
    .where(inArray(offers.status, ["active"]));
  const programMap = new Map(programRows.map((p) => [p.id, { timeZone: p.timeZone, homeCountry: p.homeCountry }]));
  const conversions = new Map((await db.select({ id: partners.id, rate: partners.conversionRate }).from(partners)).map((p) => [p.id, p.rate]));
  const compiled: CompiledOffer[] = [];
  for (const row of rows) {
    try {
      const definition = offerDefinitionSchema.parse(row.definition);
      const partnerConversion = definition.outcome.type === "partner_points" ? conversions.get(definition.outcome.partnerId) : "1";
      // A partner's conversion rate applies as it is now: a partner manager's change reaches live offers within the TTL.
      compiled.push(compileOffer({ offerId: row.offerId, version: row.version, definition }, { homeCountry: programMap.get(row.programId)?.homeCountry ?? "IN", partnerConversion }));
    } catch (error) {
      // Approval compiles every version, so this means a definition stored by an older release.
      logger.error({ err: error, offerId: row.offerId, version: row.version }, "live offer cannot be compiled; it earns nothing");
    }
  }
  const baseRules = new Map<string, CompiledBaseRule>();
  for (const p of programRows) {
    if (!p.baseEarnRule) continue;
    try {
      baseRules.set(p.id, compileBaseRule({ programId: p.id, definition: baseEarnRuleSchema.parse(p.baseEarnRule) }));
    } catch (error) {
      logger.error({ err: error, programId: p.id }, "base earn rule cannot be compiled; it earns nothing");
    }
  }
  return { offers: compiled, baseRules, programs: programMap };
}
