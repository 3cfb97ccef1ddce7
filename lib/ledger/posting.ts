import "server-only";
import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { journalEntries, ledgerAccounts, lotMovements, lots, memberPrograms, postings, type MemberProgram } from "@/db/schema";
import type { DbOrTx } from "@/db";
import type { SpendableLot } from "@/lib/engine";
import { DomainError } from "@/lib/errors";
import type { SystemAccount } from "@/lib/programs";

/**
 * Locks the balance rows of the given (member, programme) pairs FOR UPDATE, always in
 * (member_id, program_id) order, so that any two transactions lock in the same order and cannot
 * deadlock. Every spend or credit of a member's points holds these locks until commit.
 */
export async function lockMemberPrograms(tx: DbOrTx, pairs: { memberId: string; programId: string }[]): Promise<MemberProgram[]> {
  const unique = [...new Map(pairs.map((p) => [`${p.memberId}/${p.programId}`, p])).values()];
  if (unique.length === 0) return [];
  const rows = await tx
    .select()
    .from(memberPrograms)
    .where(or(...unique.map((p) => and(eq(memberPrograms.memberId, p.memberId), eq(memberPrograms.programId, p.programId)))))
    .orderBy(asc(memberPrograms.memberId), asc(memberPrograms.programId))
    .for("update");
  const missing = unique.find((p) => !rows.some((r) => r.memberId === p.memberId && r.programId === p.programId));
  if (missing) {
    throw new DomainError("member_not_enrolled", `Member ${missing.memberId} is not enrolled in programme ${missing.programId}.`, {
      member_id: missing.memberId,
      program_id: missing.programId,
    });
  }
  return rows;
}

/** Locks all of a member's balance rows (a group spend), in the same global order. */
export async function lockAllMemberPrograms(tx: DbOrTx, memberId: string): Promise<MemberProgram[]> {
  return tx.select().from(memberPrograms).where(eq(memberPrograms.memberId, memberId)).orderBy(asc(memberPrograms.programId)).for("update");
}

const systemAccounts = new Map<string, number>();
/** The id of a programme's system account; ids never change, so they are cached. */
export async function systemAccountId(tx: DbOrTx, programId: string, kind: SystemAccount): Promise<number> {
  const key = `${programId}/${kind}`;
  const cached = systemAccounts.get(key);
  if (cached) return cached;
  const [row] = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.programId, programId), eq(ledgerAccounts.kind, kind), isNull(ledgerAccounts.memberId)));
  if (!row) throw new Error(`programme ${programId} has no ${kind} account`);
  systemAccounts.set(key, row.id);
  return row.id;
}

/** Writes a journal entry and its postings; refuses an entry that does not balance. */
export async function postEntry(
  tx: DbOrTx,
  entry: { kind: string; memberId: string | null; memo?: string | null; reference?: string | null; actorLabel: string; at: Date; postings: { accountId: number; amount: number }[] },
): Promise<number> {
  const merged = new Map<number, number>();
  for (const p of entry.postings) merged.set(p.accountId, (merged.get(p.accountId) ?? 0) + p.amount);
  const lines = [...merged].filter(([, amount]) => amount !== 0);
  if (lines.reduce((sum, [, amount]) => sum + amount, 0) !== 0) throw new Error(`unbalanced ${entry.kind} entry`);
  if (lines.length === 0) throw new Error(`empty ${entry.kind} entry`);
  const [row] = await tx
    .insert(journalEntries)
    .values({ kind: entry.kind, memberId: entry.memberId, memo: entry.memo ?? null, reference: entry.reference ?? null, actorLabel: entry.actorLabel, at: entry.at })
    .returning({ id: journalEntries.id });
  await tx.insert(postings).values(lines.map(([accountId, amount]) => ({ entryId: row!.id, accountId, amount })));
  return row!.id;
}

const spendableWhere = (memberId: string, programIds: string[] | null, now: Date) =>
  and(eq(lots.memberId, memberId), gt(lots.pointsLeft, 0), or(isNull(lots.expiresAt), gt(lots.expiresAt, now)), programIds ? inArray(lots.programId, programIds) : undefined);

const lotColumns = { lotId: lots.id, programId: lots.programId, awardedAt: lots.awardedAt, expiresAt: lots.expiresAt, pointsLeft: lots.pointsLeft };

/** The points the member can spend now, summed in the database. */
export async function spendableTotal(tx: DbOrTx, memberId: string, programIds: string[] | null, now: Date): Promise<number> {
  const [row] = await tx.select({ total: sql<string>`coalesce(sum(${lots.pointsLeft}), 0)::text` }).from(lots).where(spendableWhere(memberId, programIds, now));
  return Number(row!.total);
}

/**
 * The lots a spend of `points` will take, read in consumption order from the spendable-lots index:
 * the first 64 usually cover it, so a member with years of lots costs no more than a new one.
 * When they do not, every spendable lot is read (and the allocation reports the shortfall).
 */
export async function loadLotsForSpend(tx: DbOrTx, memberId: string, programIds: string[] | null, points: number, now: Date): Promise<SpendableLot[]> {
  const order = [sql`${lots.expiresAt} asc nulls last`, asc(lots.awardedAt), asc(lots.id)];
  const first = await tx.select(lotColumns).from(lots).where(spendableWhere(memberId, programIds, now)).orderBy(...order).limit(64);
  if (first.length < 64 || first.reduce((sum, l) => sum + l.pointsLeft, 0) >= points) return first;
  return tx.select(lotColumns).from(lots).where(spendableWhere(memberId, programIds, now)).orderBy(...order);
}

/** An integer array as one bound parameter (`{1,2,3}`), cast in SQL: no SQL text is built from values. */
function pgArray(values: number[]): string {
  for (const v of values) if (!Number.isSafeInteger(v)) throw new Error("lot movements must be integers");
  return `{${values.join(",")}}`;
}

/** Takes (positive) or gives back (negative) points on lots, with the movements that explain it. */
export async function moveLots(tx: DbOrTx, entryId: number, moves: { lotId: number; points: number }[]): Promise<void> {
  if (moves.length === 0) return;
  await tx.insert(lotMovements).values(moves.map((m) => ({ entryId, lotId: m.lotId, points: m.points })));
  await tx.execute(sql`
    update lots set points_left = lots.points_left - m.points
    from (select unnest(${pgArray(moves.map((m) => m.lotId))}::bigint[]) as id,
                 unnest(${pgArray(moves.map((m) => m.points))}::bigint[]) as points) m
    where lots.id = m.id`);
}

type Counter = "current" | "pending" | "redeemed" | "expired" | "transferredIn" | "transferredOut" | "lifetime";
const COLUMN: Record<Counter, string> = {
  current: "current",
  pending: "pending",
  redeemed: "redeemed",
  expired: "expired",
  transferredIn: "transferred_in",
  transferredOut: "transferred_out",
  lifetime: "lifetime",
};

/** Adds to a locked balance row's counters. */
export async function addToBalances(tx: DbOrTx, memberId: string, programId: string, delta: Partial<Record<Counter, number>>): Promise<void> {
  const sets = (Object.entries(delta) as [Counter, number][]).filter(([, v]) => v !== 0);
  if (sets.length === 0) return;
  for (const [, v] of sets) if (!Number.isSafeInteger(v)) throw new Error("balance change must be an integer");
  const assignments = sql.join(
    sets.map(([k, v]) => sql`${sql.identifier(COLUMN[k])} = ${sql.identifier(COLUMN[k])} + ${v}`),
    sql`, `,
  );
  await tx.execute(sql`update member_programs set ${assignments} where member_id = ${memberId} and program_id = ${programId}`);
}
