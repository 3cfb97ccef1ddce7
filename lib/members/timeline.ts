import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { DomainError } from "@/lib/errors";
import { loadTimelineDetails, type TimelineItem } from "./timeline-details";

/**
 * A member's timeline: everything that touched the member, newest first, from the tables that
 * record it (no copy is kept): transactions, activity events, awards (fulfilments and awards made
 * without one), fulfilment state changes, redemptions, transfers in and out, expiries, refund
 * take-backs and debt repayments, redemption reversals, goodwill adjustments and tier changes.
 *
 * Keyset pagination on (time, key): every source is read by an index on (member, time, id) from
 * the cursor on, at most one page each, and merged; so a page 1,000 entries deep costs what the
 * first page costs. The key ("T:<id>", "J:<0-padded id>"...) orders rows at the same microsecond.
 */

export const TIMELINE_KINDS = ["transaction", "activity", "award", "fulfilment", "redemption", "transfer", "expiry", "adjustment", "reversal", "tier"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  transaction: "Transactions",
  activity: "Activity events",
  award: "Awards",
  fulfilment: "Fulfilment changes",
  redemption: "Redemptions",
  transfer: "Transfers",
  expiry: "Expiries",
  adjustment: "Adjustments",
  reversal: "Reversals",
  tier: "Tier changes",
};

export type TimelineFilter = { programId?: string | null; kinds?: readonly TimelineKind[] | null; from?: Date | null; to?: Date | null };
export type TimelinePage = { items: TimelineItem[]; nextCursor: string | null };

type Cursor = { at: string; key: string };
export type TimelineKey = { at: string; key: string; kind: TimelineKind; source: string; id: string };

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.key}`, "utf8").toString("base64url");
}

/** The cursor a page handed out, or a coded error: a made-up cursor never reaches SQL. */
export function decodeCursor(cursor: string): Cursor {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const bar = text.indexOf("|");
  const at = text.slice(0, bar);
  const key = text.slice(bar + 1);
  if (bar < 0 || !ISO_MICROS.test(at) || !/^[A-Z]{1,2}:[0-9a-f-]{1,40}$/.test(key)) {
    throw new DomainError("invalid_cursor", "This page link is not valid any more: go back to the newest entries.");
  }
  return { at, key };
}

type Source = {
  kind: TimelineKind;
  /** Select list giving at, key, kind, source and id, from table alias `s`. */
  from: SQL;
  at: SQL;
  key: SQL;
  member: SQL;
  programFilter?: (programId: string) => SQL | null;
  extra?: SQL;
};

const micros = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const padded = (id: SQL) => sql`lpad(${id}::text, 19, '0')`;

/** A member's journal entries of one kind: one index range (journal_entries_member_idx) newest first. */
function journalKind(kind: TimelineKind, entryKind: string, m: SQL, programFilter: (programId: string) => SQL): Source {
  return { kind, from: sql`journal_entries s`, at: sql`s.at`, key: sql`'J:' || ${padded(sql`s.id`)}`, member: sql`s.member_id = ${m} and s.kind = ${entryKind}`, programFilter };
}

function sources(memberId: string): Source[] {
  const m = sql`${memberId}::uuid`;
  const memberHasPostingIn = (programId: string) =>
    sql`exists (select 1 from postings p join ledger_accounts a on a.id = p.account_id where p.entry_id = s.id and a.member_id = ${m} and a.program_id = ${programId}::uuid)`;
  return [
    {
      kind: "transaction",
      from: sql`transactions s`,
      at: sql`s.received_at`,
      key: sql`'T:' || s.id::text`,
      member: sql`s.member_id = ${m}`,
      programFilter: (p) => sql`exists (select 1 from fulfilments f where f.transaction_id = s.id and f.program_id = ${p}::uuid)`,
    },
    { kind: "activity", from: sql`member_events s`, at: sql`s.received_at`, key: sql`'E:' || s.id::text`, member: sql`s.member_id = ${m}`, programFilter: () => null },
    {
      // Outcomes that are not points in the ledger (cashback, vouchers, partner points) and points not posted yet.
      kind: "award",
      from: sql`fulfilments s`,
      at: sql`s.created_at`,
      key: sql`'F:' || s.id::text`,
      member: sql`s.member_id = ${m}`,
      extra: sql`(s.outcome_type <> 'reward_points' or s.entry_id is null)`,
      programFilter: (p) => sql`s.program_id = ${p}::uuid`,
    },
    // Points posted to the ledger: by an offer or base rule (their fulfilment explains them), the award API, partner earn, promotions.
    journalKind("award", "award", m, memberHasPostingIn),
    {
      kind: "fulfilment",
      from: sql`fulfilment_events s`,
      at: sql`s.at`,
      key: sql`'S:' || ${padded(sql`s.id`)}`,
      member: sql`s.member_id = ${m}`,
      // The first event of each fulfilment is its award, already on the timeline.
      extra: sql`s.from_state is not null`,
      programFilter: (p) => sql`exists (select 1 from fulfilments f where f.id = s.fulfilment_id and f.program_id = ${p}::uuid)`,
    },
    {
      kind: "redemption",
      from: sql`redemptions s`,
      at: sql`s.created_at`,
      key: sql`'R:' || s.id::text`,
      member: sql`s.member_id = ${m}`,
      programFilter: (p) => sql`(s.program_id = ${p}::uuid or s.breakup_by_program @> jsonb_build_array(jsonb_build_object('program_id', ${p}::text)))`,
    },
    {
      kind: "transfer",
      from: sql`transfers s`,
      at: sql`s.created_at`,
      key: sql`'XO:' || s.id::text`,
      member: sql`s.from_member_id = ${m}`,
      programFilter: (p) => sql`s.breakup_by_program @> jsonb_build_array(jsonb_build_object('program_id', ${p}::text))`,
    },
    {
      kind: "transfer",
      from: sql`transfers s`,
      at: sql`s.created_at`,
      key: sql`'XI:' || s.id::text`,
      member: sql`s.to_member_id = ${m}`,
      programFilter: (p) => sql`s.to_program_id = ${p}::uuid`,
    },
    journalKind("expiry", "expiry", m, memberHasPostingIn),
    journalKind("reversal", "award_reversal", m, memberHasPostingIn),
    journalKind("reversal", "debt_repayment", m, memberHasPostingIn),
    journalKind("reversal", "redemption_reversal", m, memberHasPostingIn),
    {
      kind: "adjustment",
      from: sql`member_adjustments s`,
      at: sql`s.created_at`,
      key: sql`'A:' || s.id::text`,
      member: sql`s.member_id = ${m}`,
      programFilter: (p) => sql`s.program_id = ${p}::uuid`,
    },
    {
      kind: "tier",
      from: sql`member_tier_changes s`,
      at: sql`s.at`,
      key: sql`'H:' || ${padded(sql`s.id`)}`,
      member: sql`s.member_id = ${m}`,
      programFilter: (p) => sql`s.program_id = ${p}::uuid`,
    },
  ];
}

function branch(source: Source, filter: TimelineFilter, cursor: Cursor | null, limit: number): SQL | null {
  // Keys compare byte by byte, whatever the database's collation.
  const s = { ...source, key: sql`(${source.key}) collate "C"` };
  const where: SQL[] = [s.member];
  if (s.extra) where.push(s.extra);
  if (filter.programId) {
    const p = s.programFilter?.(filter.programId);
    if (!p) return null;
    where.push(p);
  }
  if (filter.from) where.push(sql`${s.at} >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(sql`${s.at} < ${filter.to.toISOString()}::timestamptz`);
  if (cursor) {
    const at = sql`${cursor.at}::timestamptz`;
    where.push(sql`${s.at} <= ${at} and (${s.at} < ${at} or ${s.key} < ${cursor.key})`);
  }
  return sql`(select ${s.at} as at, ${s.key} as key, ${s.kind}::text as kind, s.id::text as id from ${s.from}
    where ${sql.join(where, sql` and `)} order by ${s.at} desc, ${s.key} desc limit ${limit})`;
}

/** One page of keys (which rows, in order), before their details are loaded. */
export async function listTimelineKeys(db: DbOrTx, memberId: string, filter: TimelineFilter, cursor: Cursor | null, limit: number): Promise<TimelineKey[]> {
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const branches = sources(memberId)
    .filter((s) => !kinds || kinds.has(s.kind))
    .map((s) => branch(s, filter, cursor, limit))
    .filter((b): b is SQL => b !== null);
  if (branches.length === 0) return [];
  const rows = await db.execute<{ at: string; key: string; kind: TimelineKind; id: string }>(sql`
    select ${micros(sql`u.at`)} as at, u.key, u.kind, u.id from (${sql.join(branches, sql` union all `)}) u
    order by u.at desc, u.key collate "C" desc limit ${limit}`);
  return rows.map((r) => ({ at: r.at, key: r.key, kind: r.kind, source: r.key.slice(0, r.key.indexOf(":")), id: r.id }));
}

/**
 * A page of the member's timeline, newest first. `cursor` is the previous page's `nextCursor`;
 * `limit` at most 100.
 */
export async function listMemberTimeline(
  db: DbOrTx,
  memberId: string,
  options: TimelineFilter & { limit?: number; cursor?: string | null } = {},
): Promise<TimelinePage> {
  const limit = Math.min(100, Math.max(1, Math.floor(options.limit ?? 25)));
  const cursor = options.cursor ? decodeCursor(options.cursor) : null;
  const keys = await listTimelineKeys(db, memberId, options, cursor, limit + 1);
  const page = keys.slice(0, limit);
  const items = await loadTimelineDetails(db, memberId, page);
  const last = page.at(-1);
  return { items, nextCursor: keys.length > limit && last ? encodeCursor({ at: last.at, key: last.key }) : null };
}
