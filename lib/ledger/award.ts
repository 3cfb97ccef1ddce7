import "server-only";
import { and, eq } from "drizzle-orm";
import { expiryStrategies, memberPrograms, programs, type ExpiryStrategyRow } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/actor";
import { expiryDate, type ExpiryStrategyKind } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import { writeAward, writeAwardBatch, type AwardToWrite } from "./award-write";
import { systemAccountId } from "./posting";

export type AwardInput = {
  memberId: string;
  programId: string;
  points: number;
  reason: string;
  /** When the points count as awarded (promotional points may be back-dated); expiry derives from it. */
  awardedAt?: Date;
  expiryStrategyId?: string;
  externalReference?: string | null;
};

export type AwardResult = { entryId: number; lotId: number; points: number; awardedAt: Date; expiresAt: Date | null };

export function assertPoints(points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0) throw new DomainError("invalid_points", "Points must be a whole number above zero.", { points });
}

/**
 * Credits promotional points to a member: a balanced entry (the programme's issued account to the
 * member's account), a lot whose expiry derives from the awarded date, the balances and the audit
 * record, all in one statement (see writeAwards). The programme's terms (time zone, expiry
 * strategies, issued account) come from a per-process cache; the write checks they are still current
 * and writes nothing if not, and then the award is derived again from fresh terms. So the hottest
 * write of the ledger usually costs one round trip, shared with the awards made at the same moment.
 */
export async function awardPoints(db: DbOrTx, actor: Actor, input: AwardInput, now = new Date()): Promise<AwardResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const award = await prepareAward(db, actor, input, now, attempt > 0);
    const written = await writeAward(db, award);
    if (written) return { entryId: written.entryId, lotId: written.lotId, points: input.points, awardedAt: award.awardedAt, expiresAt: award.expiresAt };
    // Nothing written: the member is not enrolled (say so), or the terms changed (derive again).
    await assertEnrolment(db, input);
  }
  throw new Error("award could not be written: the programme's terms kept changing");
}

export type AwardOutcome = { ok: true; award: AwardResult } | { ok: false; error: DomainError };

/**
 * Many awards at once (transaction batches, imports): the valid ones are written in one statement,
 * so they land together or not at all; each invalid one gets its own error and writes nothing.
 * Answers in the order asked.
 */
export async function awardPointsBatch(db: DbOrTx, actor: Actor, inputs: readonly AwardInput[], now = new Date()): Promise<AwardOutcome[]> {
  const outcomes: (AwardOutcome | null)[] = inputs.map(() => null);
  const ready: { index: number; award: AwardToWrite }[] = [];
  const expiries = new Map<string, Date | null>(); // most awards of a batch share their awarded time and strategy
  for (const [index, input] of inputs.entries()) {
    try {
      ready.push({ index, award: await prepareAward(db, actor, input, now, false, expiries) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes[index] = { ok: false, error };
    }
  }
  const written = await writeAwardBatch(db, ready.map((r) => r.award));
  for (const [k, { index, award }] of ready.entries()) {
    const w = written[k];
    if (w) outcomes[index] = { ok: true, award: { entryId: w.entryId, lotId: w.lotId, points: award.points, awardedAt: award.awardedAt, expiresAt: award.expiresAt } };
  }
  // The few left out (not enrolled, or the terms changed meanwhile) go one by one, to get each its answer.
  for (const [index, input] of inputs.entries()) {
    if (outcomes[index]) continue;
    try {
      outcomes[index] = { ok: true, award: await awardPoints(db, actor, input, now) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes[index] = { ok: false, error };
    }
  }
  return outcomes as AwardOutcome[];
}

/** Checks an award and derives its expiry from the programme's terms (remembered in `expiries` for the awards that follow). */
async function prepareAward(db: DbOrTx, actor: Actor, input: AwardInput, now: Date, freshTerms: boolean, expiries = new Map<string, Date | null>()): Promise<AwardToWrite> {
  assertPoints(input.points);
  const awardedAt = input.awardedAt ?? now;
  if (awardedAt.getTime() > now.getTime()) throw new DomainError("awarded_at_in_future", "awarded_at cannot be in the future.", { awarded_at: awardedAt.toISOString() });
  const terms = await programTerms(db, input.programId, freshTerms);
  const strategy = pickStrategy(terms, input.expiryStrategyId);
  const kind = strategy.kind as ExpiryStrategyKind;
  const expiryKey = `${awardedAt.getTime()}/${strategy.id}/${strategy.kind}/${strategy.amount}/${terms.timeZone}`;
  let expiresAt = expiries.get(expiryKey);
  if (expiresAt === undefined) expiries.set(expiryKey, (expiresAt = expiryDate(awardedAt, { kind, amount: strategy.amount }, terms.timeZone)));
  return {
    memberId: input.memberId,
    programId: input.programId,
    points: input.points,
    reason: input.reason,
    reference: input.externalReference ?? null,
    at: now,
    awardedAt,
    expiresAt,
    issuedAccountId: terms.issuedAccountId,
    timeZone: terms.timeZone,
    strategy: { id: strategy.id, kind, amount: strategy.amount, name: strategy.name },
    strategyNamed: input.expiryStrategyId !== undefined,
    actor,
  };
}

/**
 * When points credited at `creditedAt` expire under the programme's default expiry strategy, derived
 * exactly as an award's expiry is. For credits written outside the award path (goodwill adjustments).
 */
export async function defaultExpiryFor(db: DbOrTx, programId: string, creditedAt: Date): Promise<Date | null> {
  const terms = await programTerms(db, programId, true);
  const strategy = pickStrategy(terms, undefined);
  return expiryDate(creditedAt, { kind: strategy.kind as ExpiryStrategyKind, amount: strategy.amount }, terms.timeZone);
}

type ProgramTerms = { timeZone: string; issuedAccountId: number; strategies: ExpiryStrategyRow[] };
const termsCache = new Map<string, ProgramTerms>();

/** The programme's time zone, expiry strategies and issued account, cached per process. */
async function programTerms(db: DbOrTx, programId: string, fresh: boolean): Promise<ProgramTerms> {
  const cached = termsCache.get(programId);
  if (cached && !fresh) return cached;
  const [program] = await db.select({ timeZone: programs.timeZone }).from(programs).where(eq(programs.id, programId));
  if (!program) throw new DomainError("program_not_found", "No such programme.", { program_id: programId });
  const strategies = await db.select().from(expiryStrategies).where(eq(expiryStrategies.programId, programId));
  const terms = { timeZone: program.timeZone, issuedAccountId: await systemAccountId(db, programId, "issued"), strategies };
  termsCache.set(programId, terms);
  return terms;
}

function pickStrategy(terms: ProgramTerms, strategyId: string | undefined): ExpiryStrategyRow {
  const strategy = strategyId ? terms.strategies.find((s) => s.id === strategyId) : terms.strategies.find((s) => s.isDefault);
  if (!strategy) throw new DomainError("expiry_strategy_not_found", "That expiry strategy does not belong to this programme.", { expiry_strategy: strategyId });
  return strategy;
}

async function assertEnrolment(db: DbOrTx, input: AwardInput): Promise<void> {
  const [row] = await db
    .select({ memberId: memberPrograms.memberId })
    .from(memberPrograms)
    .where(and(eq(memberPrograms.memberId, input.memberId), eq(memberPrograms.programId, input.programId)));
  if (!row) throw new DomainError("member_not_enrolled", "The member is not enrolled in this programme.", { member_id: input.memberId, program_id: input.programId });
}
