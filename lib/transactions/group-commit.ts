import "server-only";
import type { Db, DbOrTx } from "@/db";
import { withTransactionRetry } from "@/db/retry";
import type { Actor } from "@/lib/actor";
import { DomainError } from "@/lib/errors";
import { resolveMembers } from "@/lib/members";
import type { IngestInput, IngestResult } from "./ingest";
import { ingestMany, type IngestOutcome } from "./ingest-many";

/** A single transaction as the API received it: the member still as a reference (`id` or `ext:<external id>`). */
export type SingleTransaction = { memberRef: string; input: Omit<IngestInput, "memberId"> };

type Waiting = { actor: Actor; item: SingleTransaction; resolve: (o: IngestOutcome) => void; reject: (e: unknown) => void };

/**
 * Groups written at a time. One: on 2 cores (Node and PostgreSQL sharing them) a second group in
 * flight measured slower (≈120–180/s against ≈180–200/s in process) and cost more CPU per
 * transaction, because groups got smaller; while a group is written, the next one fills up.
 */
const MAX_IN_FLIGHT = 1;
/** Most transactions gathered into one database transaction. */
const MAX_GROUP = 64;

/**
 * Group commit for single transactions sent one per request: those that arrive while earlier ones are
 * being written wait, and are then written together by one ingestMany call in one database
 * transaction, so a busy API pays one round of statements and one commit for many transactions
 * instead of one each. An idle caller's transaction is written at once.
 *
 * Each caller gets exactly its own answer: ingestMany answers per transaction, in order (a repeat of
 * an external id answers the first answer, one with other details is a conflict, a member who is not
 * enrolled gets that error, whoever else is in the group). If the group as a whole fails, every
 * transaction in it is written again on its own, so one bad transaction never fails the others.
 * A group holds one actor's transactions only (the actor signs the audit records).
 */
export class TransactionGroupCommit {
  private queue: Waiting[] = [];
  private inFlight = 0;

  /** `ingest` is ingestSingles; a test may wrap it. */
  constructor(
    private readonly db: Db,
    private readonly ingest: typeof ingestSingles = ingestSingles,
  ) {}

  submit(actor: Actor, item: SingleTransaction): Promise<IngestOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ actor, item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const actorKey = keyOf(this.queue[0]!.actor);
      const group: Waiting[] = [];
      this.queue = this.queue.filter((w) => {
        if (group.length >= MAX_GROUP || keyOf(w.actor) !== actorKey) return true;
        group.push(w);
        return false;
      });
      this.inFlight++;
      void this.flush(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.write(group);
      group.forEach((w, i) => w.resolve(outcomes[i]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One of them broke the group: each on its own, so only the bad one fails.
      await Promise.all(group.map((w) => this.write([w]).then(([o]) => w.resolve(o!), (e: unknown) => w.reject(e))));
    }
  }

  private write(group: readonly Waiting[]): Promise<IngestOutcome[]> {
    const actor = group[0]!.actor;
    return withTransactionRetry(() => this.db.transaction((tx) => this.ingest(tx, actor, group.map((w) => w.item), new Date())));
  }
}

const keyOf = (actor: Actor) => `${actor.type}:${actor.id ?? ""}:${actor.label}`;

/** Resolves the members and ingests, in the caller's transaction; an unknown member gets member_not_found. */
export async function ingestSingles(tx: DbOrTx, actor: Actor, items: readonly SingleTransaction[], now: Date): Promise<IngestOutcome[]> {
  // A NUL character cannot be in a member reference (PostgreSQL text cannot hold one): not found, not a failed group.
  const ids = await resolveMembers(tx, items.map((t) => t.memberRef).filter((ref) => !ref.includes("\u0000")));
  const out: IngestOutcome[] = new Array(items.length);
  const known: number[] = [];
  items.forEach((t, i) => {
    if (ids.has(t.memberRef)) known.push(i);
    else out[i] = { ok: false, error: new DomainError("member_not_found", `No member ${t.memberRef}.`, { member_id: t.memberRef }) };
  });
  const outcomes = await ingestMany(tx, actor, known.map((i) => ({ ...items[i]!.input, memberId: ids.get(items[i]!.memberRef)! })), now);
  known.forEach((i, k) => (out[i] = outcomes[k]!));
  return out;
}

const committers = new WeakMap<Db, TransactionGroupCommit>();

/**
 * Records one transaction through the group commit (see TransactionGroupCommit): it commits on its
 * own, with whatever else arrived at the same moment. Throws the transaction's DomainError.
 */
export async function ingestGrouped(db: Db, actor: Actor, item: SingleTransaction): Promise<IngestResult> {
  let committer = committers.get(db);
  if (!committer) committers.set(db, (committer = new TransactionGroupCommit(db)));
  const outcome = await committer.submit(actor, item);
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
