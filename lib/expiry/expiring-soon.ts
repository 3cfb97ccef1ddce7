import "server-only";
import { clientOf, type DbOrTx } from "@/db";

export const EXPIRING_SOON_DAYS = 30;

/**
 * Emits a `points_expiring` notification per member and programme with points expiring within the
 * next `days` days (expires_at in (now, now + days]): the points, the earliest expiry and its last
 * spendable day in the programme's time zone. The period of a reminder is that day, so running
 * again emits nothing new until those points have expired (or been spent) and others come into view.
 * Answers the number of notifications emitted. One insert, reading lots_expiring_idx; nothing locked.
 */
export async function emitExpiringSoon(db: DbOrTx, options: { now?: Date; days?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const days = options.days ?? EXPIRING_SOON_DAYS;
  if (!Number.isSafeInteger(days) || days < 1 || days > 366) throw new Error("the reminder window must be 1 to 366 days");
  const result = await clientOf(db).unsafe(
    `insert into member_notifications (member_id, program_id, kind, period_key, points, expires_at, expires_on, created_at)
     select s.member_id, s.program_id, 'points_expiring', s.expires_on::text, s.points, s.expires_at, s.expires_on, $1::timestamptz
     from (
       select l.member_id, l.program_id, sum(l.points_left)::bigint as points, min(l.expires_at) as expires_at,
              ((min(l.expires_at) - interval '1 microsecond') at time zone p.time_zone)::date as expires_on
       from lots l join programs p on p.id = l.program_id
       where l.points_left > 0 and l.expires_at > $1::timestamptz and l.expires_at <= $1::timestamptz + make_interval(days => $2::int)
       group by l.member_id, l.program_id, p.time_zone) s
     on conflict (member_id, program_id, kind, period_key) do nothing`,
    [now.toISOString(), days],
  );
  return result.count;
}
