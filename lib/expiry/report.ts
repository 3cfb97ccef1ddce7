import "server-only";
import { clientOf, type DbOrTx } from "@/db";
import type { ExpiringWindow } from "./report-params";

export type ExpiringQuery = { programId: string; days: ExpiringWindow; now: Date };

/** A member with points expiring in the window, in one programme. */
export type ExpiringMember = {
  memberId: string;
  externalId: string;
  name: string | null;
  /** Points expiring within the window. */
  points: number;
  lots: number;
  /** When the earliest of them expire, and the last day they can be spent (the programme's local date, YYYY-MM-DD). */
  firstExpiresAt: Date;
  spendableUntil: string;
  /** The member's current points in the programme. */
  current: number;
};

type Row = {
  member_id: string;
  external_id: string;
  first_name: string | null;
  last_name: string | null;
  points: string;
  lots: number;
  first_at: string;
  spendable_until: string;
  current: string;
};

// Lots with points left expiring in (now, now + days], per member: a range of lots_expiring_idx.
const EXPIRING = `
  select l.member_id, sum(l.points_left)::bigint as points, count(*)::int as lots, min(l.expires_at) as first_at
  from lots l
  where l.program_id = $1::uuid and l.points_left > 0
    and l.expires_at > $2::timestamptz and l.expires_at <= $2::timestamptz + make_interval(days => $3::int)
  group by l.member_id`;

const ROWS = `
  with s as (${EXPIRING})
  select s.member_id, m.external_id, m.first_name, m.last_name, s.points::text, s.lots, to_json(s.first_at) #>> '{}' as first_at,
         ((s.first_at - interval '1 microsecond') at time zone p.time_zone)::date::text as spendable_until, mp.current::text
  from s
  join members m on m.id = s.member_id
  join member_programs mp on mp.member_id = s.member_id and mp.program_id = $1::uuid
  join programs p on p.id = $1::uuid
  order by s.first_at, s.member_id`;

const toMember = (r: Row): ExpiringMember => ({
  memberId: r.member_id,
  externalId: r.external_id,
  name: [r.first_name, r.last_name].filter(Boolean).join(" ") || null,
  points: Number(r.points),
  lots: r.lots,
  firstExpiresAt: new Date(r.first_at),
  spendableUntil: r.spendable_until,
  current: Number(r.current),
});

const params = (q: ExpiringQuery) => [q.programId, q.now.toISOString(), q.days];

/** One page of members with points expiring in the window, soonest first, with the window's totals. */
export async function listExpiringPoints(
  db: DbOrTx,
  query: ExpiringQuery & { page: number; pageSize: number },
): Promise<{ rows: ExpiringMember[]; members: number; points: number }> {
  const client = clientOf(db);
  const [rows, [summary]] = await Promise.all([
    client.unsafe<Row[]>(`${ROWS} limit $4 offset $5`, [...params(query), query.pageSize, (query.page - 1) * query.pageSize]),
    client.unsafe<{ members: number; points: string }[]>(`select count(*)::int as members, coalesce(sum(points), 0)::text as points from (${EXPIRING}) s`, params(query)),
  ]);
  return { rows: rows.map(toMember), members: summary!.members, points: Number(summary!.points) };
}

/** Every member of the report, soonest first, a batch at a time (for the CSV download): one query read through a cursor. */
export async function* allExpiringPoints(db: DbOrTx, query: ExpiringQuery, batchSize = 2000): AsyncGenerator<ExpiringMember[]> {
  for await (const rows of clientOf(db).unsafe<Row[]>(ROWS, params(query)).cursor(batchSize)) yield rows.map(toMember);
}
