import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { sqlState, withTransactionRetry } from "@/db/retry";
import { programs, promotionalAwards, type PromotionalAward } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { startOfLocalDay } from "@/lib/engine/calendar";
import { DomainError } from "@/lib/errors";
import { awardPoints, awardPointsBatch, type AwardInput, type AwardResult } from "@/lib/ledger/award";

/** Promotional points for one member: the ledger award plus where it came from. */
export type PromotionInput = AwardInput & { externalReference?: string | null };
/** An import's row: also the file and line it came from (its key when it has no external reference). */
export type ImportedPromotion = PromotionInput & { importId: string; fileSha256: string; line: number };

export type PromotionOutcome =
  | { ok: true; award: AwardResult; repeated: false }
  | { ok: true; repeated: true; first: Pick<PromotionalAward, "entryId" | "lotId" | "createdAt" | "memberId" | "points"> }
  | { ok: false; error: DomainError };

const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";

function alreadyAwarded(reference: string): DomainError {
  return new DomainError("already_awarded", `Points with the external reference “${reference}” were already awarded in this programme; they are not awarded twice.`, {
    field: "externalReference",
    external_reference: reference,
  });
}

const recordOf = (actor: Actor, input: PromotionInput, award: AwardResult, from?: Pick<ImportedPromotion, "importId" | "fileSha256" | "line">) => ({
  programId: input.programId,
  memberId: input.memberId,
  entryId: award.entryId,
  lotId: award.lotId,
  points: input.points,
  reason: input.reason,
  externalReference: input.externalReference ?? null,
  importId: from?.importId ?? null,
  fileSha256: from?.fileSha256 ?? null,
  line: from?.line ?? null,
  actorLabel: actor.label,
});

/**
 * Awards promotional points to one member in the caller's transaction: the award and the record that
 * stops it being made twice land together. An external reference already used in the programme is
 * refused (already_awarded), also when two calls race (the second waits on the unique index);
 * a future awarded date is refused (awarded_at_in_future). The API's POST /points/award uses it.
 */
export async function awardPromotionIn(tx: DbOrTx, actor: Actor, input: PromotionInput, now = new Date()): Promise<AwardResult> {
  const reference = input.externalReference?.trim() || null;
  const normalized = { ...input, externalReference: reference };
  const award = await awardPoints(tx, actor, normalized, now);
  try {
    await tx.insert(promotionalAwards).values(recordOf(actor, normalized, award));
  } catch (error) {
    if (reference && isUniqueViolation(error)) throw alreadyAwarded(reference);
    throw error;
  }
  return award;
}

/** The console's form: awardPromotionIn in a transaction of its own (retried on a serialization failure), so a form sent twice awards once. */
export async function awardPromotionalPoints(db: Db, actor: Actor, input: PromotionInput, now = new Date()): Promise<AwardResult> {
  return withTransactionRetry(() => db.transaction((tx) => awardPromotionIn(tx, actor, input, now)));
}

type Existing = Pick<PromotionalAward, "programId" | "externalReference" | "fileSha256" | "line" | "entryId" | "lotId" | "createdAt" | "memberId" | "points">;

/** The awards already made for these rows: by file and line, and by external reference in the programme (each on its unique index). */
async function existingFor(db: DbOrTx, rows: readonly ImportedPromotion[]): Promise<Existing[]> {
  const columns = {
    programId: promotionalAwards.programId,
    externalReference: promotionalAwards.externalReference,
    fileSha256: promotionalAwards.fileSha256,
    line: promotionalAwards.line,
    entryId: promotionalAwards.entryId,
    lotId: promotionalAwards.lotId,
    createdAt: promotionalAwards.createdAt,
    memberId: promotionalAwards.memberId,
    points: promotionalAwards.points,
  };
  const found = await db
    .select(columns)
    .from(promotionalAwards)
    .where(and(eq(promotionalAwards.fileSha256, rows[0]!.fileSha256), inArray(promotionalAwards.line, rows.map((r) => r.line))));
  const refs = rows.filter((r) => r.externalReference);
  if (refs.length === 0) return found;
  const pairs = JSON.stringify(refs.map((r) => ({ p: r.programId, r: r.externalReference })));
  const byReference = await db
    .select(columns)
    .from(promotionalAwards)
    .where(
      and(
        sql`${promotionalAwards.externalReference} is not null`,
        sql`(${promotionalAwards.programId}, ${promotionalAwards.externalReference}) in (select x.p, x.r from jsonb_to_recordset(${pairs}::jsonb) as x(p uuid, r text))`,
      ),
    );
  return [...found, ...byReference];
}

/**
 * Awards an import's rows (one chunk of one file) in one transaction: rows already awarded — the same
 * line of the same file, or the same external reference in the programme — are answered as repeated
 * and change nothing; the others are awarded together (awardPointsBatch: one statement) with their
 * records. A concurrent import of the same rows makes the record's unique key refuse the whole chunk,
 * which is then tried again and finds them awarded. Answers one outcome per row, in order.
 */
export async function awardImportedPromotions(db: Db, actor: Actor, rows: readonly ImportedPromotion[], now = new Date()): Promise<PromotionOutcome[]> {
  if (rows.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransactionRetry(() => db.transaction((tx) => awardChunk(tx, actor, rows, now)));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function awardChunk(tx: DbOrTx, actor: Actor, rows: readonly ImportedPromotion[], now: Date): Promise<PromotionOutcome[]> {
  const existing = await existingFor(tx, rows);
  const byLine = new Map(existing.filter((e) => e.fileSha256 === rows[0]!.fileSha256 && e.line !== null).map((e) => [e.line!, e]));
  const byReference = new Map(existing.filter((e) => e.externalReference).map((e) => [`${e.programId}\u0000${e.externalReference}`, e]));
  const outcomes: (PromotionOutcome | null)[] = rows.map(() => null);
  const fresh: number[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const refKey = row.externalReference ? `${row.programId}\u0000${row.externalReference}` : null;
    const first = byLine.get(row.line) ?? (refKey ? byReference.get(refKey) : undefined);
    if (first) outcomes[i] = { ok: true, repeated: true, first };
    else if (refKey && seen.has(refKey)) {
      outcomes[i] = {
        ok: false,
        error: new DomainError("already_awarded", `external_reference “${row.externalReference}” is also on line ${seen.get(refKey)} of this file; it is awarded once.`, {}),
      };
    } else {
      if (refKey) seen.set(refKey, row.line);
      fresh.push(i);
    }
  });
  const results = await awardPointsBatch(tx, actor, fresh.map((i) => rows[i]!), now);
  const records: (typeof promotionalAwards.$inferInsert)[] = [];
  results.forEach((result, k) => {
    const row = rows[fresh[k]!]!;
    if (result.ok) {
      outcomes[fresh[k]!] = { ok: true, award: result.award, repeated: false };
      records.push(recordOf(actor, row, result.award, row));
    } else outcomes[fresh[k]!] = { ok: false, error: result.error };
  });
  if (records.length) await tx.insert(promotionalAwards).values(records);
  return outcomes as PromotionOutcome[];
}

/** A day chosen in the console ("2026-03-01") as the instant it starts in the programme's time zone. */
export async function startOfProgramDay(db: DbOrTx, programId: string, isoDay: string): Promise<Date> {
  const [program] = await db.select({ timeZone: programs.timeZone }).from(programs).where(eq(programs.id, programId));
  if (!program) throw new DomainError("program_not_found", "No such programme.", { field: "programId", program_id: programId });
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  return startOfLocalDay({ year, month, day }, program.timeZone);
}
