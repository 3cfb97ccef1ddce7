import postgres from "postgres";
import { createDb } from "@/db";
import { seedDemoData } from "@/lib/seed";
import type { Plan } from "./expressions";
import { buildSteps, STAGE } from "./steps";

export type BenchDataOptions = {
  members: number;
  /** Postings wanted in total (approximately). */
  postings: number;
  seed?: number;
  /** Timeline entries of the one designated heavy member. */
  heavyTimelineEntries?: number;
  /** Every generated event happens before this instant. */
  asOf?: Date;
  log?: (line: string) => void;
};

export type BenchDataset = {
  seed: number;
  members: number;
  postingsTarget: number;
  asOf: string;
  heavyMember: { id: string; externalId: string; timelineEntries: number };
  generatedAt: string;
  durationMs: number;
  counts: Record<string, number>;
};

export const DEFAULT_SEED = 20_261_130;
export const DEFAULT_AS_OF = new Date("2026-11-01T00:00:00.000Z");
/** Postings per history slot, measured (see expressions.ts: 7 awards, a redemption, a transfer or award and an expiry or award per ten). */
const POSTINGS_PER_SLOT = 2.01;
/**
 * Timeline entries per slot: a purchase and its award for most slots, one entry for a promotion,
 * redemption, transfer or expiry (see timelineEntryCount).
 */
export const TIMELINE_ENTRIES_PER_SLOT = 1.68;

/** Tables the generator fills: their secondary indexes are dropped during the load and built once at the end. */
const LOADED_TABLES = [
  "members", "ledger_accounts", "member_programs", "member_tier_changes", "transactions", "journal_entries", "postings", "lots",
  "lot_movements", "fulfilments", "fulfilment_events", "redemptions", "transfers",
];

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Fills an empty, migrated database with a realistic data set, set-based and deterministic: the demo
 * programmes (lib/seed), `members` members with Indian names, a skewed history (most members a few
 * entries, a few thousands) adding up to about `postings` postings, and one designated member with
 * `heavyTimelineEntries` timeline entries. The ledger's invariants hold (lib/ledger/health.ts).
 */
export async function generateBenchData(url: string, options: BenchDataOptions): Promise<BenchDataset> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!Number.isSafeInteger(options.members) || options.members < 2) throw new Error("--members must be a whole number of at least 2");
  if (!Number.isSafeInteger(options.postings) || options.postings < 1) throw new Error("--postings must be a positive whole number");
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2_000_000_000) throw new Error("--seed must be a whole number from 0 to 2,000,000,000");
  const started = performance.now();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = (await sql`select count(*)::int as n from members`) as unknown as [{ n: number }];
    if (n > 0) throw new Error("the database already has members: the bench data set is built into an empty database");

    let t = performance.now();
    const seeded = createDb(url, { max: 1 });
    await seedDemoData(seeded.db, { history: false }).finally(() => seeded.sql.end({ timeout: 5 }));
    log(`demo programmes, users and offers (lib/seed): ${secs(performance.now() - t)}`);

    const plan = await makePlan(sql, { ...options, seed, asOf });
    log(`plan: ${options.members.toLocaleString("en-US")} members, ~${Math.round((plan.heavySlots + plan.restSlots) * POSTINGS_PER_SLOT).toLocaleString("en-US")} postings, heavy member ${plan.heavySlots.toLocaleString("en-US")} entries, seed ${seed}`);

    const [{ rolsuper }] = (await sql`select rolsuper from pg_roles where rolname = current_user`) as unknown as [{ rolsuper: boolean }];
    await sql.unsafe(`set jit = off; set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '256MB'`);
    // Foreign keys are not checked row by row while loading (the data is built consistent; the integrity check proves it).
    if (rolsuper) await sql.unsafe(`set session_replication_role = replica`);
    const indexes = await sql<{ name: string; def: string }[]>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indrelid
      where c.relnamespace = 'public'::regnamespace and c.relname = any(${LOADED_TABLES})
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
    for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);

    await sql.unsafe(`drop schema if exists ${STAGE} cascade; create schema ${STAGE}`);
    for (const step of buildSteps(plan)) {
      t = performance.now();
      const result = await sql.unsafe(step.sql);
      log(`${step.label}: ${(result.count ?? 0).toLocaleString("en-US")} rows in ${secs(performance.now() - t)}`);
    }

    t = performance.now();
    for (const index of indexes) await sql.unsafe(index.def);
    log(`${indexes.length} indexes rebuilt: ${secs(performance.now() - t)}`);
    await sql.unsafe(`
      select setval('journal_entries_id_seq', (select max(id) from journal_entries));
      select setval('lots_id_seq', (select max(id) from lots));
      select setval('ledger_accounts_id_seq', (select max(id) from ledger_accounts));`);
    const [heavy] = await sql<{ id: string; external_id: string }[]>`select id, external_id from members where id = md5(${`${seed}:m:`} || 1)::uuid`;
    await sql.unsafe(`drop schema ${STAGE} cascade`);
    if (rolsuper) await sql.unsafe(`set session_replication_role = origin`);

    t = performance.now();
    await sql.unsafe("analyze");
    log(`analyze: ${secs(performance.now() - t)}`);

    const dataset: BenchDataset = {
      seed,
      members: options.members,
      postingsTarget: options.postings,
      asOf: asOf.toISOString(),
      heavyMember: { id: heavy!.id, externalId: heavy!.external_id, timelineEntries: await timelineEntryCount(sql, heavy!.id) },
      generatedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      counts: await datasetCounts(sql),
    };
    await sql`create schema if not exists bench`;
    await sql`create table if not exists bench.dataset (id int primary key default 1 check (id = 1), info jsonb not null)`;
    await sql`insert into bench.dataset (info) values (${sql.json(dataset)}) on conflict (id) do update set info = excluded.info`;
    return dataset;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function makePlan(sql: postgres.Sql, options: BenchDataOptions & { seed: number; asOf: Date }): Promise<Plan> {
  const programs = await sql<{ id: string; code: string; name: string; ratio: string; currency: string; time_zone: string }[]>`
    select id, code, name, points_to_currency::text as ratio, currency, time_zone from programs
    where code in ('COAL', 'DINE', 'TRVL') order by is_default desc, code`;
  if (programs.length !== 3 || programs[0]!.code !== "COAL") throw new Error("the demo programmes (COAL, DINE, TRVL) are missing");
  const accounts = await sql<{ program_id: string; kind: string; id: string }[]>`select program_id, kind, id::text from ledger_accounts where member_id is null`;
  const tiers = await sql<{ program_id: string; id: string; rank: number }[]>`select program_id, id, rank from tiers order by rank`;
  const [bases] = await sql<{ entry: string; lot: string; account: string }[]>`
    select coalesce((select max(id) from journal_entries), 0)::text as entry, coalesce((select max(id) from lots), 0)::text as lot,
           coalesce((select max(id) from ledger_accounts), 0)::text as account`;
  const systemAccount = (programId: string, kind: string) => Number(accounts.find((a) => a.program_id === programId && a.kind === kind)!.id);
  const totalSlots = Math.max(options.members, Math.round(options.postings / POSTINGS_PER_SLOT));
  const heavySlots = Math.max(10, Math.ceil((options.heavyTimelineEntries ?? 100_000) / TIMELINE_ENTRIES_PER_SLOT));
  return {
    seed: options.seed,
    members: options.members,
    heavySlots,
    restSlots: Math.max(options.members - 1, totalSlots - heavySlots),
    asOf: options.asOf,
    entryBase: Number(bases!.entry),
    lotBase: Number(bases!.lot),
    accountBase: Number(bases!.account),
    timeZone: programs[0]!.time_zone,
    programs: programs.map((p) => {
      const ranked = tiers.filter((t) => t.program_id === p.id);
      if (ranked.length < 3) throw new Error(`programme ${p.code} needs three tiers`);
      return {
        id: p.id,
        name: p.name,
        ratio: p.ratio,
        currency: p.currency,
        issued: systemAccount(p.id, "issued"),
        redeemed: systemAccount(p.id, "redeemed"),
        expired: systemAccount(p.id, "expired"),
        tiers: [ranked[0]!.id, ranked[1]!.id, ranked[2]!.id],
      };
    }),
  };
}

/**
 * Entries on a member's timeline (lib/members/timeline.ts): purchases, activity events, fulfilments,
 * awards and other ledger entries without a fulfilment, later fulfilment changes, redemptions,
 * transfers out and in, adjustments and tier changes.
 */
export async function timelineEntryCount(sql: postgres.Sql, memberId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select ((select count(*) from transactions where member_id = ${memberId}) + (select count(*) from member_events where member_id = ${memberId})
      + (select count(*) from fulfilments where member_id = ${memberId})
      + (select count(*) from journal_entries j where j.member_id = ${memberId}
           and (j.kind in ('expiry', 'award_reversal', 'debt_repayment', 'redemption_reversal')
                or (j.kind = 'award' and not exists (select 1 from fulfilments f where f.entry_id = j.id))))
      + (select count(*) from fulfilment_events where member_id = ${memberId} and from_state is not null)
      + (select count(*) from redemptions where member_id = ${memberId}) + (select count(*) from transfers where from_member_id = ${memberId})
      + (select count(*) from transfers where to_member_id = ${memberId}) + (select count(*) from member_adjustments where member_id = ${memberId})
      + (select count(*) from member_tier_changes where member_id = ${memberId}))::int as n`;
  return row!.n;
}

/** Row counts and sums that identify a data set (the same seed and sizes give the same figures). */
export async function datasetCounts(sql: postgres.Sql): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, string>[]>`
    select (select count(*) from members)::text as members, (select count(*) from member_programs)::text as member_programs,
      (select count(*) from journal_entries)::text as journal_entries, (select count(*) from postings)::text as postings,
      (select count(*) from lots)::text as lots, (select count(*) from lot_movements)::text as lot_movements,
      (select count(*) from transactions)::text as transactions, (select count(*) from fulfilments)::text as fulfilments,
      (select count(*) from fulfilment_events)::text as fulfilment_events, (select count(*) from redemptions)::text as redemptions,
      (select count(*) from redemptions where group_redemption)::text as group_redemptions, (select count(*) from transfers)::text as transfers,
      (select count(*) from journal_entries where kind = 'expiry')::text as expiries, (select count(*) from member_tier_changes)::text as member_tier_changes,
      (select coalesce(sum(current), 0) from member_programs)::text as sum_current, (select coalesce(sum(lifetime), 0) from member_programs)::text as sum_lifetime,
      (select coalesce(sum(redeemed), 0) from member_programs)::text as sum_redeemed, (select coalesce(sum(expired), 0) from member_programs)::text as sum_expired,
      (select coalesce(sum(abs(amount)), 0) from postings)::text as sum_abs_postings`;
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}
