import "server-only";
import { clientOf, type Db } from "@/db";
import { systemActor } from "@/lib/actor";
import { logger } from "@/lib/logger";
import { partnerEndpoint, type PartnerEndpoint } from "@/lib/partners";
import { creditPartnerPoints, reversePartnerCredit } from "@/lib/partners/partner-api";
import { callCoreBanking, coreBankingTimeoutMs } from "./core-banking";
import { recordOutcomes, type Outcome } from "./record";
import type { Delivery } from "./signed-post";

/** A claimed outbox row with what its delivery needs of its fulfilment, member and partner. */
export type ClaimedRow = {
  id: number;
  kind: string;
  attempts: number;
  payload: Record<string, unknown>;
  fulfilmentId: string;
  state: string;
  /** What is still due (value − reversed): what a credit delivers. */
  due: number;
  currency: string | null;
  narration: string;
  externalReference: string | null;
  partnerId: string | null;
  /** The account to credit: the member's `partner_accounts.<PARTNER CODE>` attribute, else their external id. */
  account: string;
};

type Round = { db: Db; partners: Map<string, Promise<PartnerEndpoint>> };
type Handler = (round: Round, row: ClaimedRow) => Promise<{ delivery: Delivery; who: string }>;

export const MAX_ATTEMPTS = 6;
/** How much longer than a call's timeout a claimed row stays leased (queueing, recording, clock skew). */
export const LEASE_MARGIN_MS = Number(process.env.COALITION_OUTBOX_LEASE_MARGIN_MS ?? 30_000);
/** The first retry waits about this long; each further one twice as long (with ±25 % jitter). */
const BACKOFF_BASE_MS = Number(process.env.COALITION_OUTBOX_BACKOFF_MS ?? 1000);
/** Calls in flight at once in one worker. */
export const DEFAULT_CONCURRENCY = 48;
const FLUSH_SIZE = 128;
const actor = systemActor("worker");

/**
 * A row is leased for its call's timeout plus a margin, so it is never offered to another worker while
 * a call for it can still be under way — even a partner's longest timeout (60 s).
 */
export function leaseMs(callTimeoutMs: number, marginMs = LEASE_MARGIN_MS): number {
  const lease = callTimeoutMs + Math.max(marginMs, 1);
  if (!(lease > callTimeoutMs)) throw new Error("The outbox lease must be longer than the call's timeout.");
  return lease;
}

const partner = (round: Round, id: string | null): Promise<PartnerEndpoint> => {
  if (!id) return Promise.reject(new Error("The fulfilment names no partner."));
  let p = round.partners.get(id);
  if (!p) round.partners.set(id, (p = partnerEndpoint(round.db, id)));
  return p;
};

/** One key per fulfilment, unless a console retry after a refusal chose a new one (lib/partners/credits.ts). */
const keyOf = (f: ClaimedRow, usual: string) => (typeof f.payload.idempotencyKey === "string" ? f.payload.idempotencyKey : usual);

const HANDLERS: Record<string, Handler> = {
  async "cashback.credit"({ db }, f) {
    return { who: "the bank", delivery: await callCoreBanking(db, "credits", keyOf(f, `fulfilment-${f.fulfilmentId}`), { account: f.account, amount: f.due, currency: f.currency, narration: f.narration, fulfilment_id: f.fulfilmentId }) };
  },
  async "cashback.reverse"({ db }, f) {
    return { who: "the bank", delivery: await callCoreBanking(db, `credits/${encodeURIComponent(f.externalReference ?? "")}/reverse`, `outbox-${f.id}`, { amount: Number(f.payload.value), fulfilment_id: f.fulfilmentId }) };
  },
  async "partner_points.credit"(round, f) {
    const p = await partner(round, f.partnerId);
    return { who: p.name, delivery: await creditPartnerPoints(p, keyOf(f, `partner-credit-${f.fulfilmentId}`), { account: f.account, points: f.due, fulfilmentId: f.fulfilmentId, narration: f.narration }) };
  },
  async "partner_points.reverse"(round, f) {
    const p = await partner(round, f.partnerId);
    return { who: p.name, delivery: await reversePartnerCredit(p, f.externalReference ?? "", `partner-reverse-${f.id}`, { points: Number(f.payload.value), fulfilmentId: f.fulfilmentId }) };
  },
};

/** The kinds this release delivers. */
export const DELIVERABLE_KINDS = Object.keys(HANDLERS);
const KINDS_ARRAY = `{${DELIVERABLE_KINDS.join(",")}}`;

export type DispatchTally = { claimed: number; delivered: number; failed: number; retried: number };

/**
 * Delivers what is due in the outbox: claims up to `limit` rows (SKIP LOCKED, each leased for its
 * call's timeout plus a margin, so two workers never take the same row and a crashed worker's rows
 * come back after the lease), calls the other side with the row's idempotency key, up to
 * `concurrency` calls at once, and records the outcomes in batches: posted with the reference; failed
 * when refused (what it used of budget, cap and block points is given back); retried with exponential
 * backoff on 5xx or timeouts, until MAX_ATTEMPTS. A row whose call could no longer finish within its
 * lease is handed back uncalled.
 */
export async function dispatchOutbox(db: Db, options: { limit?: number; now?: Date; concurrency?: number } = {}): Promise<DispatchTally> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const rows = await claim(db, now, options.limit ?? 512);
  const tally: DispatchTally = { claimed: rows.length, delivered: 0, failed: 0, retried: 0 };
  if (rows.length === 0) return tally;
  const round: Round = { db, partners: new Map() };
  const buffer: Outcome[] = [];
  const handedBack: ClaimedRow[] = [];
  let recording: Promise<void> = Promise.resolve();
  const flush = () => {
    // A fulfilment at most once per statement (a credit and its reversal are recorded one after the other).
    const seen = new Set<string>();
    const batch: Outcome[] = [];
    for (let i = 0; i < buffer.length && batch.length < FLUSH_SIZE; ) {
      if (seen.has(buffer[i]!.fulfilmentId)) {
        i++;
      } else {
        seen.add(buffer[i]!.fulfilmentId);
        batch.push(...buffer.splice(i, 1));
      }
    }
    recording = recording.then(async () => {
      for (const { outcome: o, owned } of await recordOutcomes(db, batch, now, actor.label)) {
        if (!owned || o.outcome === "skipped") continue;
        if (o.next === "retry") tally.retried++;
        else if (o.outcome === "ok") tally.delivered++;
        else tally.failed++;
      }
    });
  };
  const queue = [...rows];
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, rows.length) }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (performance.now() - started > LEASE_MARGIN_MS / 2) {
          handedBack.push(row);
          continue;
        }
        buffer.push(await deliver(round, row, now));
        if (buffer.length >= FLUSH_SIZE) flush();
      }
    }),
  );
  while (buffer.length > 0) flush();
  await recording;
  if (handedBack.length > 0) await handBack(db, handedBack);
  return tally;
}

async function deliver(round: Round, row: ClaimedRow, now: Date): Promise<Outcome> {
  const base = { outboxId: row.id, attempts: row.attempts, fulfilmentId: row.fulfilmentId, availableAt: null, reference: null, credited: null, reverseValue: null };
  const credit = row.kind.endsWith(".credit");
  if (credit && (row.state !== "pending" || row.due <= 0)) {
    return { ...base, next: "done", lastError: "Nothing left to deliver", outcome: "skipped", effect: null, reason: null };
  }
  let result: Delivery;
  let who = "the other side";
  try {
    ({ delivery: result, who } = await HANDLERS[row.kind]!(round, row));
  } catch (error) {
    logger.error({ err: error, outbox: row.id }, "outbox delivery could not be made");
    result = { kind: "retry", reason: error instanceof Error ? error.message : String(error) };
  }
  if (result.kind === "retry" && row.attempts < MAX_ATTEMPTS) {
    const backoffMs = BACKOFF_BASE_MS * 2 ** row.attempts * (0.75 + Math.random() / 2);
    return { ...base, next: "retry", availableAt: new Date(now.getTime() + backoffMs), lastError: result.reason, outcome: "retry", effect: null, reason: `Attempt ${row.attempts} failed: ${result.reason}; retrying` };
  }
  const done = { ...base, next: "done" as const, lastError: result.kind === "ok" ? null : result.reason };
  if (credit) {
    if (result.kind === "ok") return { ...done, outcome: "ok", effect: "post", reference: result.reference, credited: row.due, reason: `Credited by ${who} (${result.reference})` };
    // A last call that timed out may have been credited after all: a console retry sends the same key and settles it.
    const unsure = result.kind === "retry" && result.reason.startsWith("No answer") ? " (the partner may have credited it: Retry settles it without crediting twice)" : "";
    const reason = result.kind === "retry" ? `Gave up after ${row.attempts} attempts: ${result.reason}${unsure}` : result.reason;
    return { ...done, outcome: result.kind === "retry" ? "gave_up" : "refused", effect: "fail", reason };
  }
  const requested = row.payload.requestedBy !== undefined; // a reversal asked for in the console
  if (result.kind === "ok") return { ...done, outcome: "ok", effect: requested ? "reverse" : null, reverseValue: Number(row.payload.value), reason: `Reversed at ${who} (${result.reference})` };
  return { ...done, outcome: result.kind === "retry" ? "gave_up" : "refused", effect: null, reason: `The reversal was not done: ${result.reason}` };
}

async function claim(db: Db, now: Date, limit: number): Promise<ClaimedRow[]> {
  const bankTimeout = await coreBankingTimeoutMs(db);
  const rows = await clientOf(db).unsafe<
    { id: string; kind: string; attempts: number; payload: Record<string, unknown>; fulfilment_id: string; state: string; due: string; currency: string | null; narration: string; external_reference: string | null; partner_id: string | null; account: string }[]
  >(CLAIM, [now.toISOString(), KINDS_ARRAY, limit, bankTimeout, leaseMs(0)], { prepare: true });
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind, attempts: r.attempts, payload: r.payload, fulfilmentId: r.fulfilment_id, state: r.state, due: Number(r.due),
    currency: r.currency, narration: r.narration, externalReference: r.external_reference, partnerId: r.partner_id, account: r.account,
  }));
}

// Each row is leased for its call's timeout (the partner's, or the bank's) plus the margin.
const CLAIM = `
  with due as (
    select id, fulfilment_id from outbox
    where done_at is null and available_at <= $1::timestamptz and kind = any($2::text[])
    order by available_at, id limit $3 for update skip locked)
  update outbox o set attempts = o.attempts + 1,
    available_at = $1::timestamptz + (coalesce(p.api_timeout_ms, $4::int) + $5::int) * interval '1 millisecond'
  from due d join fulfilments f on f.id = d.fulfilment_id
    join members m on m.id = f.member_id
    left join partners p on p.id = f.partner_id
  where o.id = d.id
  returning o.id::text, o.kind, o.attempts, o.payload, f.id::text as fulfilment_id, f.state, (f.value - f.reversed_value)::text as due,
    f.currency, f.narration, f.external_reference, f.partner_id::text,
    coalesce(nullif(m.attributes ->> ('partner_accounts.' || p.code), ''), m.external_id) as account`;

/** Rows claimed but not called (their lease was running out): due again now, the attempt not counted. */
async function handBack(db: Db, rows: readonly ClaimedRow[]): Promise<void> {
  await clientOf(db).unsafe(
    `update outbox o set attempts = o.attempts - 1, available_at = now()
     from json_to_recordset($1::json) as t(id bigint, attempts int) where o.id = t.id and o.attempts = t.attempts and o.done_at is null`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, attempts: r.attempts })))],
  );
}

/**
 * Runs dispatch rounds back to back while there is work, and every `idleMs` when there is none, until
 * stopped (never two rounds at once in one loop; workers share the outbox by SKIP LOCKED).
 */
export function startDispatchLoop(db: Db, options: { idleMs?: number; limit?: number; concurrency?: number; onRound?: (t: DispatchTally) => void } = {}): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => {};
  const done = (async () => {
    while (!stopped) {
      let tally: DispatchTally | null = null;
      try {
        tally = await dispatchOutbox(db, { limit: options.limit, concurrency: options.concurrency });
        options.onRound?.(tally);
      } catch (err) {
        logger.error({ err }, "outbox round failed");
      }
      if (stopped || (tally && tally.claimed > 0)) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, options.idleMs ?? 1000);
      });
    }
  })();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    wake();
    await done;
  };
}
