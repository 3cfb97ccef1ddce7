/**
 * The wizard's "try it" panel: one uncompiled definition against an example transaction (or event), with
 * no usage and no tracker history. It goes through compileOffer and evaluateTransaction / evaluateEvent,
 * the same code that earns for real, so a preview never disagrees with production.
 */
import { EngineError } from "../errors";
import { type CompiledOffer, compileOffer, type OfferContext } from "./compile";
import type { OfferDefinition } from "./definition";
import { evaluateTransaction } from "./evaluate";
import { evaluateEvent } from "./events";
import type { ActivityEventInput, MemberContext, Outcome, TrackerUpdate, TransactionInput } from "./types";

export type PreviewContext = OfferContext & {
  timeZone: string;
  /** Defaults to the sample's time. */
  now?: Date;
  /** Defaults to a member who meets the offer's member conditions. */
  member?: MemberContext;
};

export type PreviewResult = {
  earns: boolean;
  outcome: Outcome | null;
  /** Why it would not earn (or why the definition cannot be evaluated): code and sentence. */
  reasons: { code: string; message: string }[];
  /** The outcome's steps, or the reasons' sentences. */
  explanation: string[];
  trackerUpdates: TrackerUpdate[];
};

const PREVIEW_ID = "preview";

/** A member enrolled where needed, in a listed tier and segment, with attributes that satisfy eq/in conditions. */
export function sampleMember(o: CompiledOffer): MemberContext {
  const d = o.definition;
  const programIds = new Set([d.programId, ...(d.memberFilters?.enrolledProgramIds ?? [])]);
  if (o.outcomeProgramId) programIds.add(o.outcomeProgramId);
  const tierIdByProgram: Record<string, string> = {};
  const firstTier = d.memberFilters?.tierIds?.[0];
  if (firstTier) tierIdByProgram[d.programId] = firstTier;
  const attributes: Record<string, string> = {};
  for (const a of d.memberFilters?.attributes ?? []) {
    if (a.op !== "neq" && a.values[0] !== undefined) attributes[a.key] = a.values[0];
  }
  const segmentIds = d.memberFilters?.segmentIds?.slice(0, 1) ?? [];
  return { programIds: [...programIds], tierIdByProgram, attributes, segmentIds };
}

const isTransaction = (s: TransactionInput | ActivityEventInput): s is TransactionInput =>
  s.type === "purchase" || s.type === "refund";

const fail = (code: string, message: string): PreviewResult => ({
  earns: false, outcome: null, reasons: [{ code, message }], explanation: [message], trackerUpdates: [],
});

export function previewOffer(
  definition: OfferDefinition,
  sample: TransactionInput | ActivityEventInput,
  context: PreviewContext,
): PreviewResult {
  let compiled: CompiledOffer;
  try {
    compiled = compileOffer({ offerId: PREVIEW_ID, version: 1, definition }, context);
  } catch (e) {
    if (e instanceof EngineError) return fail(e.code, e.message);
    throw e;
  }
  const member = context.member ?? sampleMember(compiled);
  try {
    const now = context.now ?? sample.occurredAt;
    const common = { offers: [compiled], member, usage: {}, timeZone: context.timeZone, now };
    const result = isTransaction(sample)
      ? evaluateTransaction({ ...common, transaction: sample, trackers: {} })
      : { ...evaluateEvent({ ...common, event: sample }), trackerUpdates: [] };
    const outcome = result.outcomes.find((o) => o.offerId === PREVIEW_ID) ?? null;
    const reasons = result.skipped.map((s) => ({ code: s.reason, message: s.message }));
    return {
      earns: outcome !== null,
      outcome,
      reasons,
      explanation: outcome ? outcome.explanation : reasons.map((r) => r.message),
      trackerUpdates: result.trackerUpdates,
    };
  } catch (e) {
    if (e instanceof EngineError) return fail(e.code, e.message);
    throw e;
  }
}
