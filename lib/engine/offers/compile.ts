/**
 * Compilation: a validated offer version turned into Sets, integer rates, band arrays and a split
 * narration, so that evaluation is lookups and integer math. An offer that cannot be compiled cannot be
 * evaluated, and so must not be saved: compileOffer throws EngineError for it.
 */
import type { Rounding } from "../decimal";
import { EngineError } from "../errors";
import { type CompiledCaps, compileCaps } from "./caps";
import {
  type BaseEarnRule,
  baseEarnRuleSchema,
  effectiveRounding,
  hasTransactionFilters,
  type OfferDefinition,
  offerDefinitionSchema,
  type OfferOutcome,
  type OfferTrigger,
  type PostingMethod,
} from "./definition";
import { type OutcomeSource, valueUnits } from "./explain";
import { type CompiledFilters, compileFilters, type CompiledLineItemFilter, type CompiledMemberFilters, compileMemberFilters } from "./filters";
import { type Factor, parseFactor } from "./math";
import { type CompiledNarration, compileNarration } from "./narration";
import { type CompiledRule, compileRule } from "./rules";
import { type CompiledTracker, compileTracker } from "./trackers";
import type { SkipReason, Skipped } from "./types";

export type OfferContext = {
  /** ISO alpha-2 country of the programme, for the `international` filter. */
  homeCountry: string;
  /** Partner points per base unit, an exact decimal such as "0.5"; required for partner_points outcomes. */
  partnerConversion?: string;
};

export type OfferVersionInput = { offerId: string; version: number; definition: OfferDefinition };

export type CompiledOffer = {
  offerId: string;
  version: number;
  definition: OfferDefinition;
  name: string;
  programId: string;
  trigger: OfferTrigger;
  validFromMs: number;
  /** Infinity when open-ended. */
  validUntilMs: number;
  filters: CompiledFilters | null;
  /** The offer's line-item filter: the rule then applies to each matching line. */
  lineItems: CompiledLineItemFilter | null;
  member: CompiledMemberFilters | null;
  milestone: { tracker: CompiledTracker; threshold: number } | null;
  outcome: OfferOutcome;
  /** The programme credited by reward points (the outcome's, else the offer's). */
  outcomeProgramId: string | null;
  rule: CompiledRule;
  /** True for percentage and slab rules: they read an amount. */
  amountBased: boolean;
  rounding: Rounding;
  conversion: Factor | null;
  caps: CompiledCaps;
  posting: PostingMethod;
  narration: CompiledNarration;
  /** What an outcome of this offer is built from (precomputed: outcomes allocate little). */
  source: OutcomeSource;
  /** Skip entries by reason, memoised and shared between evaluations (frozen). */
  skips: Partial<Record<SkipReason, Skipped>>;
};

export type CompiledBaseRule = {
  programId: string;
  definition: BaseEarnRule;
  rule: CompiledRule;
  rounding: Rounding;
  narration: CompiledNarration;
  source: OutcomeSource;
};

function assertHomeCountry(homeCountry: unknown): string {
  if (typeof homeCountry !== "string" || !/^[A-Za-z]{2}$/.test(homeCountry)) {
    throw new EngineError("invalid_context", "The programme's home country must be a two-letter ISO code.");
  }
  return homeCountry.toUpperCase();
}

/** Validates a definition against the schema, throwing EngineError("invalid_offer") with every message. */
export function parseOfferDefinition(definition: unknown): OfferDefinition {
  const parsed = offerDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new EngineError("invalid_offer", parsed.error.issues.map((i) => i.message).join(" "));
  }
  return parsed.data;
}

export function compileOffer(version: OfferVersionInput, context: OfferContext): CompiledOffer {
  if (!version || typeof version.offerId !== "string" || version.offerId.length === 0) {
    throw new EngineError("invalid_offer", "The offer needs an id.");
  }
  if (!Number.isSafeInteger(version.version) || version.version < 1) {
    throw new EngineError("invalid_offer", "The offer version must be a whole number of at least 1.");
  }
  const homeCountry = assertHomeCountry(context?.homeCountry);
  const d = parseOfferDefinition(version.definition);
  const outcome = d.outcome;

  let conversion: Factor | null = null;
  if (outcome.type === "partner_points") {
    if (context.partnerConversion === undefined) {
      throw new EngineError("missing_partner_conversion", "A partner-points offer needs the partner's conversion rate.");
    }
    conversion = parseFactor(context.partnerConversion, "invalid_partner_conversion", "The partner conversion");
  }

  const amountBased = d.rule.kind !== "flat";
  if (
    outcome.type === "cashback" && amountBased && d.target.kind === "each" &&
    d.filters?.currency !== undefined && d.filters.currency !== outcome.currency
  ) {
    throw new EngineError(
      "currency_mismatch",
      `The offer only accepts ${d.filters.currency} transactions but pays a share of them as ${outcome.currency} cashback.`,
    );
  }

  const filters = hasTransactionFilters(d.filters) ? compileFilters(d.filters, homeCountry) : null;
  const compiled: Omit<CompiledOffer, "source" | "skips"> = {
    offerId: version.offerId,
    version: version.version,
    definition: d,
    name: d.name,
    programId: d.programId,
    trigger: d.trigger,
    validFromMs: Date.parse(d.validFrom),
    validUntilMs: d.validUntil === undefined ? Infinity : Date.parse(d.validUntil),
    filters,
    lineItems: d.target.kind === "each" ? (filters?.lineItems ?? null) : null,
    member: compileMemberFilters(d.memberFilters),
    milestone: d.target.kind === "milestone"
      ? { tracker: compileTracker(d.target.tracker, { homeCountry }), threshold: d.target.threshold }
      : null,
    outcome,
    outcomeProgramId: outcome.type === "reward_points" ? (outcome.programId ?? d.programId) : null,
    rule: compileRule(d.rule),
    amountBased,
    rounding: effectiveRounding(d),
    conversion,
    caps: compileCaps(d.caps),
    posting: d.posting,
    narration: compileNarration(d.narration),
  };
  const source: OutcomeSource = {
    units: { base: valueUnits(outcome, "base"), final: valueUnits(outcome, "final") },
    offerId: compiled.offerId, offerVersion: compiled.version, name: compiled.name, outcome, outcomeProgramId: compiled.outcomeProgramId,
    rule: compiled.rule, rounding: compiled.rounding, conversion, caps: compiled.caps, narration: compiled.narration,
  };
  return { ...compiled, source, skips: {} };
}

/** A programme's base earn rule: reward points in `programId` on every purchase by an enrolled member. */
export function compileBaseRule(input: { programId: string; definition: BaseEarnRule }): CompiledBaseRule {
  if (!input || typeof input.programId !== "string" || input.programId.length === 0) {
    throw new EngineError("invalid_base_rule", "The base earn rule needs its programme.");
  }
  const parsed = baseEarnRuleSchema.safeParse(input.definition);
  if (!parsed.success) throw new EngineError("invalid_base_rule", parsed.error.issues.map((i) => i.message).join(" "));
  const d = parsed.data;
  const rule = compileRule(d.rule);
  const rounding = d.rounding ?? "floor";
  const narration = compileNarration(d.narration);
  const outcome = { type: "reward_points", programId: input.programId } as const;
  const source: OutcomeSource = {
    units: { base: valueUnits(outcome, "base"), final: valueUnits(outcome, "final") },
    offerId: null, offerVersion: null, name: "base earn", outcome,
    outcomeProgramId: input.programId, rule, rounding, conversion: null, caps: null, narration,
  };
  return { programId: input.programId, definition: d, rule, rounding, narration, source };
}
