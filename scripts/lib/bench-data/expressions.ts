/**
 * SQL expressions of the bench data set. Every value is a pure function of the seed and a row number
 * (hashint8extended), so the same seed always builds the same data, set-based, in any order.
 *
 * The history of a member is a sequence of slots k = 1..e (global slot number g = off + k). In each
 * block of ten slots, with p = (k - 1) % 10:
 *   p 0..6  awards (p 3 a promotional award with a 90-day expiry, p 4 always in the default programme)
 *   p 7     a redemption of half of the lot of slot g-1 (a group redemption also half of g-2)
 *   p 8     a transfer of half of the lot of slot g-4 to another member (one in three; else an award)
 *   p 9     the expiry of the promotional lot of slot g-6, when its expiry is before the as-of date (else an award)
 * Each spend takes a lot nothing else takes, so lots never go below zero and every cache can be
 * summed from the slots.
 */

export type Plan = {
  seed: number;
  members: number;
  /** Slots of the designated (heavy) member n = 1. */
  heavySlots: number;
  /** Slots shared by the other members. */
  restSlots: number;
  asOf: Date;
  /** Ids before the first generated one. */
  entryBase: number;
  lotBase: number;
  accountBase: number;
  timeZone: string;
  /** The three programmes: 0 the default (group) programme, then two brands. */
  programs: {
    id: string;
    name: string;
    ratio: string;
    currency: string;
    issued: number;
    redeemed: number;
    expired: number;
    tiers: [string, string, string];
  }[];
};

const MASK = "9007199254740991";

export function expressions(plan: Plan) {
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const hash = (x: string, salt: number) => `hashint8extended((${x})::bigint, ${plan.seed * 1000 + salt}::bigint)`;
  const pick = (x: string, salt: number, m: number) => `((${hash(x, salt)} & ${MASK}) % ${m})`;
  const unit = (x: string, salt: number) => `((${hash(x, salt)} & ${MASK})::float8 / 9007199254740992.0)`;
  const asOf = `${lit(plan.asOf.toISOString())}::timestamptz`;
  const tz = lit(plan.timeZone);
  const byProg = (prog: string, values: string[]) => `(case ${prog} ${values.map((v, i) => `when ${i} then ${v}`).join(" ")} end)`;
  const localDay = (t: string) => `((${t}) at time zone ${tz})::date`;
  const x = {
    lit,
    hash,
    pick,
    unit,
    asOf,
    memberId: (n: string) => `md5(${lit(`${plan.seed}:m:`)} || (${n}))::uuid`,
    uuid: (kind: string, g: string) => `md5(${lit(`${plan.seed}:${kind}:`)} || (${g}))::uuid`,
    /** When slot k of the member in scope (columns enrolled_at, off, e) happened. */
    at: (k: string) => `(m.enrolled_at + (${asOf} - m.enrolled_at) * (((${k}) - 0.5 + 0.8 * (${unit(`m.off + ${k}`, 3)} - 0.5)) / m.e))`,
    /** Points of the award in slot g: 400..5,350 in steps of 50, so half of it is a valid redemption in every programme. */
    points: (g: string) => `(50 * (8 + ${pick(g, 7, 100)}))::bigint`,
    half: (g: string) => `((50 * (8 + ${pick(g, 7, 100)})) / 100 * 50)::bigint`,
    /** The programme of an award slot (not p 4) among the member's programmes (columns in_dine, in_trvl). */
    program: (g: string) => `(case ${pick(g, 8, 3)} when 1 then (case when m.in_dine then 1 else 0 end) when 2 then (case when m.in_trvl then 2 else 0 end) else 0 end)`,
    /** The standard expiry (3 years, end of month) and the promotional one (90 days), as lib/engine/expiry.ts computes them. */
    expiresAt: (t: string) => `(date_trunc('month', ${localDay(t)} + interval '37 months')::timestamp at time zone ${tz})`,
    promoExpiresAt: (t: string) => `((${localDay(t)} + 91)::timestamp at time zone ${tz})`,
    programId: (prog: string) => `${byProg(prog, plan.programs.map((p) => `${lit(p.id)}::uuid`))}`,
    programName: (prog: string) => byProg(prog, plan.programs.map((p) => lit(p.name))),
    ratio: (prog: string) => byProg(prog, plan.programs.map((p) => `${p.ratio}::numeric`)),
    currency: (prog: string) => byProg(prog, plan.programs.map((p) => lit(p.currency))),
    issued: (prog: string) => byProg(prog, plan.programs.map((p) => String(p.issued))),
    redeemedAccount: (prog: string) => byProg(prog, plan.programs.map((p) => String(p.redeemed))),
    expiredAccount: (prog: string) => byProg(prog, plan.programs.map((p) => String(p.expired))),
    tier: (prog: string, rank: string) => `(case ${prog} ${plan.programs.map((p, i) => `when ${i} then ${byProg(rank, p.tiers.map((t) => `${lit(t)}::uuid`))}`).join(" ")} end)`,
    /** The member's points account in a programme: ids are reserved, three per member. */
    account: (n: string, prog: string) => `(${plan.accountBase} + ((${n}) - 1) * 3 + (${prog}) + 1)::bigint`,
    entryId: (g: string) => `(${plan.entryBase} + (${g}))::bigint`,
    /** The lot an award slot credits (odd) and the lot a transfer slot credits its recipient (even). */
    lotId: (g: string) => `(${plan.lotBase} + 2 * (${g}) - 1)::bigint`,
    transferLotId: (g: string) => `(${plan.lotBase} + 2 * (${g}))::bigint`,
  };
  return x;
}
