import "server-only";
import { clientOf, type Db, type DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import { systemActor, type Actor } from "@/lib/actor";

export type ExpiryRun = {
  /** Lots whose points left were expired. */
  lots: number;
  /** Member-programmes that got an `expiry` entry. */
  memberPrograms: number;
  points: number;
  /** Transactions committed (each with its audit record). */
  batches: number;
  /** Member-programmes another transaction held when first met, taken again at the end of the run. */
  deferred: number;
};

export type ExpiryOptions = {
  /** Lots with expires_at <= now expire. The scheduled job passes the current time. */
  now?: Date;
  /** Due lots read per batch; a batch locks at most this many member-programmes. */
  batchSize?: number;
  /** Batches written at once, each in its own transaction on its own connection (2: one per core of a small server). */
  concurrency?: number;
  actor?: Actor;
};

type Pair = { member_id: string; program_id: string };
type DueLot = Pair & { at: string; id: string };
type BatchResult = { member_programs: number; lots: number; points: string };

/**
 * Expires every lot with points left whose expiry has come (expires_at <= now): per member and
 * programme, one balanced `expiry` entry (member account → the programme's `expired` account), a
 * movement taking each lot's points left, the lots emptied, and `current` moved to `expired`.
 *
 * Set-based, in batches of one transaction each (with one audit record per batch):
 *  1. the next `batchSize` due lots are read from lots_expiring_idx by keyset on (expires_at, id),
 *     without locks;
 *  2. their member-programme rows (the row every spend and credit of those points locks first) are
 *     locked FOR UPDATE SKIP LOCKED in (member_id, program_id) order: the job never queues behind a
 *     redemption, and a redemption waits at most for one batch;
 *  3. a second statement, so with a snapshot taken after the locks, re-reads each locked pair's due
 *     lots and writes everything in one multi-row statement.
 * Two batches run at once by default (one per core of a small server), on their own connections.
 * A batch (2,000 due lots, with the other due lots of their member-programmes) holds its rows for
 * about 0.4 s in the benchmark (bench/expiry.ts): a redemption of one of its members waits that long.
 * Rows another transaction held in step 2 (a redemption, the other batch, a second run of this job)
 * are taken again at the end of the run with a plain FOR UPDATE in the same order, so they wait a
 * moment instead. Whatever the interleaving, a lot's points left are read under its member-programme
 * lock, so two runs, or a run and a redemption, never take the same points twice.
 */
export async function expirePoints(db: Db, options: ExpiryOptions = {}): Promise<ExpiryRun> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 2000;
  const actor = options.actor ?? systemActor("points expiry");
  const run: ExpiryRun = { lots: 0, memberPrograms: 0, points: 0, batches: 0, deferred: 0 };
  const deferred: Pair[] = [];
  const nextBatch = dueBatches(db, now, batchSize);

  // `concurrency` transactions at once, each on its own connection, taking batches in index order.
  await Promise.all(
    Array.from({ length: options.concurrency ?? 2 }, async () => {
      for (let due = await nextBatch(); due; due = await nextBatch()) {
        const pairs = uniquePairs(due);
        const { batch, locked } = await withTransactionRetry(() =>
          db.transaction(async (tx) => {
            const locked = await lockPairs(tx, pairs, true);
            return { locked, batch: await writeExpiries(tx, locked, now, actor) };
          }),
        );
        addBatch(run, batch);
        const held = new Set(locked.map(key));
        deferred.push(...pairs.filter((p) => !held.has(key(p))));
      }
    }),
  );

  // The rows that were busy: now waited for, in the global lock order.
  run.deferred = deferred.length;
  const rest = uniquePairs(deferred).sort(comparePairs);
  for (let i = 0; i < rest.length; i += batchSize) {
    const chunk = rest.slice(i, i + batchSize);
    addBatch(run, await withTransactionRetry(() => db.transaction(async (tx) => writeExpiries(tx, await lockPairs(tx, chunk, false), now, actor))));
  }
  return run;
}

function addBatch(run: ExpiryRun, batch: BatchResult | null): void {
  if (!batch || batch.member_programs === 0) return;
  run.lots += batch.lots;
  run.memberPrograms += batch.member_programs;
  run.points += Number(batch.points);
  run.batches++;
}

const key = (p: Pair) => `${p.member_id}/${p.program_id}`;
const comparePairs = (a: Pair, b: Pair) => (a.member_id !== b.member_id ? (a.member_id < b.member_id ? -1 : 1) : a.program_id < b.program_id ? -1 : a.program_id > b.program_id ? 1 : 0);

function uniquePairs(rows: readonly Pair[]): Pair[] {
  const seen = new Map<string, Pair>();
  for (const r of rows) if (!seen.has(key(r))) seen.set(key(r), { member_id: r.member_id, program_id: r.program_id });
  return [...seen.values()];
}

/** Hands out the due lots a batch at a time, one read at a time, each after the previous batch's last lot. */
function dueBatches(db: Db, now: Date, batchSize: number): () => Promise<DueLot[] | null> {
  let after: { at: string; id: string } | null = null;
  let exhausted = false;
  let reading: Promise<unknown> = Promise.resolve();
  return () => {
    const next = reading.then(async () => {
      if (exhausted) return null;
      const due = await dueLots(db, now, after, batchSize);
      exhausted = due.length < batchSize;
      const last = due.at(-1);
      if (!last) return null;
      after = { at: last.at, id: last.id };
      return due;
    });
    reading = next.catch(() => undefined);
    return next;
  };
}

/**
 * The next due lots after the cursor, in (expires_at, id) order. The cursor keeps expires_at as text:
 * a JS Date drops microseconds.
 *
 * The statements of a run are planned with their values each time (not prepared once): a generic
 * plan knows neither how many pairs a batch passes nor where the cursor stands, and the plan it
 * picks once a statement has run five times made batches ten times slower.
 */
async function dueLots(db: Db, now: Date, after: { at: string; id: string } | null, limit: number): Promise<DueLot[]> {
  const from = after ? "and (l.expires_at, l.id) > ($3::timestamptz, $4::bigint)" : "and $3::text is null and $4::text is null";
  return clientOf(db).unsafe(
    `select l.id::text as id, l.expires_at::text as at, l.member_id, l.program_id from lots l
     where l.points_left > 0 and l.expires_at <= $1::timestamptz ${from}
     order by l.expires_at, l.id limit $2`,
    [now.toISOString(), limit, after?.at ?? null, after?.id ?? null],
  );
}

/**
 * Locks the member-programme rows of the pairs in (member_id, program_id) order, the order every
 * spend and credit locks them in, so this cannot deadlock with them. With `skip`, rows another
 * transaction holds are left out (and not waited for).
 */
async function lockPairs(tx: DbOrTx, pairs: readonly Pair[], skip: boolean): Promise<Pair[]> {
  if (pairs.length === 0) return [];
  return clientOf(tx).unsafe(
    `select mp.member_id, mp.program_id from member_programs mp
     join json_to_recordset($1::json) as t(member_id uuid, program_id uuid) on mp.member_id = t.member_id and mp.program_id = t.program_id
     order by mp.member_id, mp.program_id
     for update of mp${skip ? " skip locked" : ""}`,
    [JSON.stringify(pairs)],
  );
}

/**
 * Expires the due lots of member-programmes whose rows the caller's transaction holds. A statement of
 * its own, after the locks: under READ COMMITTED it sees every spend committed before them, so it
 * expires only the points still left.
 */
async function writeExpiries(tx: DbOrTx, locked: readonly Pair[], now: Date, actor: Actor): Promise<BatchResult | null> {
  if (locked.length === 0) return null;
  const [result] = await clientOf(tx).unsafe<BatchResult[]>(
    WRITE_EXPIRIES,
    [JSON.stringify(locked), now.toISOString(), actor.type, actor.id, actor.label],
  );
  return result ?? null;
}

export const WRITE_EXPIRIES = `
    with locked as (
      select * from json_to_recordset($1::json) as t(member_id uuid, program_id uuid)),
    due as materialized (
      select l.id, k.member_id, k.program_id, l.points_left
      from locked k cross join lateral (
        select l.id, l.points_left from lots l
        where l.member_id = k.member_id and l.program_id = k.program_id and l.points_left > 0 and l.expires_at <= $2::timestamptz) l),
    per as materialized (
      select g.*, mp.account_id, x.id as expired_account, nextval('journal_entries_id_seq') as entry_id
      from (select member_id, program_id, sum(points_left)::bigint as points, count(*)::int as lots from due group by member_id, program_id) g
      join member_programs mp on mp.member_id = g.member_id and mp.program_id = g.program_id
      join ledger_accounts x on x.program_id = g.program_id and x.kind = 'expired' and x.member_id is null),
    e as (
      insert into journal_entries (id, kind, member_id, memo, actor_label, at)
      select entry_id, 'expiry', member_id, 'Expired: ' || lots || case when lots = 1 then ' lot' else ' lots' end, $5, $2::timestamptz from per),
    p as (
      insert into postings (entry_id, account_id, amount)
      select entry_id, account_id, -points from per union all select entry_id, expired_account, points from per),
    m as (
      insert into lot_movements (entry_id, lot_id, points)
      select per.entry_id, d.id, d.points_left from due d join per on per.member_id = d.member_id and per.program_id = d.program_id),
    u as (
      update lots l set points_left = 0 from due d where l.id = d.id),
    b as (
      update member_programs mp set current = mp.current - per.points, expired = mp.expired + per.points
      from per where mp.member_id = per.member_id and mp.program_id = per.program_id),
    a as (
      insert into audit_log (actor_type, actor_id, actor_label, action, entity_type, after)
      select $3, $4, $5, 'points.expire', 'ledger',
             jsonb_build_object('memberPrograms', count(*), 'lots', sum(lots), 'points', sum(points), 'now', $2::timestamptz)
      from per having count(*) > 0)
    select count(*)::int as member_programs, coalesce(sum(lots), 0)::int as lots, coalesce(sum(points), 0)::text as points from per`;
