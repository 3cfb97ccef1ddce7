import "server-only";
import { PgTransaction } from "drizzle-orm/pg-core";
import { clientOf, type Db, type DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import type { ExpiryStrategyKind } from "@/lib/engine";

/**
 * An award ready to write: the expiry is already derived, and the terms it was derived from (the
 * programme's time zone and the expiry strategy) travel with it so the write can check they are
 * still the programme's terms when it lands.
 */
export type AwardToWrite = {
  memberId: string;
  programId: string;
  points: number;
  reason: string;
  reference: string | null;
  at: Date;
  awardedAt: Date;
  expiresAt: Date | null;
  issuedAccountId: number;
  timeZone: string;
  strategy: { id: string; kind: ExpiryStrategyKind; amount: number | null; name: string };
  /** The caller named the strategy (otherwise it must still be the programme's default). */
  strategyNamed: boolean;
  actor: Actor;
};

/** What landed: the entry and the lot, or null when the member is not enrolled or the terms changed. */
export type WrittenAward = { entryId: number; lotId: number } | null;

/**
 * Writes many awards in one statement: per award a balanced entry (issued → member), its lot and its
 * audit record, and the balances (summed per member and programme). All or nothing, so every award
 * in it is atomic. An award whose member is not enrolled, or whose time zone or expiry strategy
 * changed since its expiry was derived, is left out (null) and nothing of it is written.
 *
 * Entry and lot ids are drawn from their sequences first, so each award's rows are tied together
 * without relying on insert order. Each balance row is locked (FOR UPDATE) as its award is checked.
 */
export async function writeAwards(db: DbOrTx, awards: readonly AwardToWrite[]): Promise<WrittenAward[]> {
  if (awards.length === 0) return [];
  // Rows go in (member, programme) order: the balance rows are locked as they are read, in the
  // order every spend locks them in, so a batch and a redemption cannot deadlock.
  const order = awards.map((_, i) => i).sort((x, y) => compareKeys(awards[x]!, awards[y]!));
  const rows = order.map((idx) => awards[idx]!).map((a, k) => ({
    idx: order[k]!,
    member_id: a.memberId,
    program_id: a.programId,
    points: a.points,
    reason: a.reason,
    reference: a.reference,
    at: a.at.toISOString(),
    awarded_at: a.awardedAt.toISOString(),
    expires_at: a.expiresAt?.toISOString() ?? null,
    strategy_id: a.strategy.id,
    strategy_kind: a.strategy.kind,
    strategy_amount: a.strategy.amount,
    named: a.strategyNamed,
    time_zone: a.timeZone,
    issued: a.issuedAccountId,
    actor_type: a.actor.type,
    actor_id: a.actor.id,
    actor_label: a.actor.label,
    audit: {
      programId: a.programId,
      points: a.points,
      awardedAt: a.awardedAt,
      expiresAt: a.expiresAt,
      reason: a.reason,
      expiryStrategy: a.strategy.name,
    },
  }));
  const result = await clientOf(db).unsafe<{ idx: number; entry_id: string; lot_id: string }[]>(WRITE_AWARDS, [JSON.stringify(rows)], { prepare: true });
  const written: WrittenAward[] = awards.map(() => null);
  for (const r of result) written[r.idx] = { entryId: Number(r.entry_id), lotId: Number(r.lot_id) };
  return written;
}

function compareKeys(a: AwardToWrite, b: AwardToWrite): number {
  if (a.memberId !== b.memberId) return a.memberId < b.memberId ? -1 : 1;
  return a.programId < b.programId ? -1 : a.programId > b.programId ? 1 : 0;
}

const WRITE_AWARDS = `
    with input as (
      select * from json_to_recordset($1::json) as t(
        idx int, member_id uuid, program_id uuid, points bigint, reason text, reference text, at timestamptz,
        awarded_at timestamptz, expires_at timestamptz, strategy_id uuid, strategy_kind text, strategy_amount int,
        named boolean, time_zone text, issued bigint, actor_type text, actor_id text, actor_label text, audit jsonb)),
    ok as materialized (
      select i.*, mp.account_id, nextval('journal_entries_id_seq') as entry_id, nextval('lots_id_seq') as lot_id
      from input i
      cross join lateral (
        select mp.account_id from member_programs mp
        join programs p on p.id = mp.program_id
        join expiry_strategies s on s.program_id = mp.program_id
        where mp.member_id = i.member_id and mp.program_id = i.program_id and p.time_zone = i.time_zone
          and s.id = i.strategy_id and s.kind = i.strategy_kind and s.amount is not distinct from i.strategy_amount
          and (i.named or s.is_default)
        for update of mp) mp),
    e as (
      insert into journal_entries (id, kind, member_id, memo, reference, actor_label, at)
      select entry_id, 'award', member_id, reason, reference, actor_label, at from ok),
    p as (
      insert into postings (entry_id, account_id, amount)
      select entry_id, issued, -points from ok union all select entry_id, account_id, points from ok),
    l as (
      insert into lots (id, member_id, program_id, entry_id, source, awarded_at, expires_at, points, points_left)
      select lot_id, member_id, program_id, entry_id, 'award', awarded_at, expires_at, points, points from ok),
    b as (
      update member_programs mp set current = mp.current + s.points, lifetime = mp.lifetime + s.points
      from (select member_id, program_id, sum(points)::bigint as points from ok group by member_id, program_id) s
      where mp.member_id = s.member_id and mp.program_id = s.program_id),
    a as (
      insert into audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, after)
      select actor_type, actor_id, actor_label, 'points.award', 'member', member_id::text, audit from ok)
    select idx, entry_id::text, lot_id::text from ok`;

type Waiting = { award: AwardToWrite; resolve: (w: WrittenAward) => void; reject: (e: unknown) => void };

/**
 * Group commit for awards made outside a transaction: awards that arrive while earlier ones are being
 * written wait and are written together in one statement, so a busy API pays one commit for many
 * awards instead of one each. An idle caller's award is written at once. If a batch fails, its awards
 * are written one by one, so one bad award never takes others down with it.
 */
class AwardWriter {
  private queue: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Db,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 200,
  ) {}

  write(award: AwardToWrite): Promise<WrittenAward> {
    return new Promise((resolve, reject) => {
      this.queue.push({ award, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Waiting[]): Promise<void> {
    try {
      const written = await withTransactionRetry(() => writeAwards(this.db, batch.map((w) => w.award)));
      batch.forEach((w, i) => w.resolve(written[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(
        batch.map((w) =>
          withTransactionRetry(() => writeAwards(this.db, [w.award])).then(
            ([one]) => w.resolve(one!),
            (e: unknown) => w.reject(e),
          ),
        ),
      );
    }
  }
}

const writers = new WeakMap<Db, AwardWriter>();

/** Writes many awards in one statement: inside the caller's transaction, or on its own (retried on deadlock). */
export function writeAwardBatch(db: DbOrTx, awards: readonly AwardToWrite[]): Promise<WrittenAward[]> {
  if (db instanceof PgTransaction) return writeAwards(db, awards);
  return withTransactionRetry(() => writeAwards(db, awards));
}

/** Writes one award: inside the caller's transaction when given one, else through the group commit. */
export function writeAward(db: DbOrTx, award: AwardToWrite): Promise<WrittenAward> {
  if (db instanceof PgTransaction) return writeAwards(db, [award]).then(([one]) => one!);
  const root = db as Db;
  let writer = writers.get(root);
  if (!writer) writers.set(root, (writer = new AwardWriter(root)));
  return writer.write(award);
}
