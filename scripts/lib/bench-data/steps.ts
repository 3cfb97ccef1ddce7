import { expressions, type Plan } from "./expressions";
import { CARDS, CHANNELS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, MERCHANTS, PROMOTIONS, SEGMENTS, sqlTextArray } from "./vocabulary";

export const STAGE = "bench_stage";

/** The set-based statements that fill the tables, in order; each is one INSERT … SELECT (or a staging table). */
export function buildSteps(plan: Plan): { label: string; sql: string }[] {
  const x = expressions(plan);
  const N = plan.members;
  const arr = (values: readonly string[], salt: number, key: string) => `(${sqlTextArray(values)})[1 + ${x.pick(key, salt, values.length)}]`;
  const merchant = (col: 0 | 1 | 2) => arr(MERCHANTS.map((m) => m[col]), 12, "s.g");
  const phone = `lpad(((n::bigint * 7919 + ${(plan.seed % 1_000_000) * 104_729}) % 1000000000)::text, 9, '0')`;

  return [
    {
      label: "staging: members and their share of the history",
      sql: `
        create unlogged table ${STAGE}.m as
        with base as (
          select n, ${arr(FIRST_NAMES, 1, "n")} as first_name, ${arr(LAST_NAMES, 2, "n")} as last_name,
            ${x.pick("n", 4, 100)} < 50 or n = 1 as in_dine, ${x.pick("n", 5, 100)} < 35 or n = 1 as in_trvl,
            case when n = 1 then ${x.asOf} - interval '1095 days' else ${x.asOf} - interval '1 day' * (30 + 1065 * ${x.unit("n", 6)}) end as enrolled_at,
            power(greatest(${x.unit("n", 13)}, 1e-7), -0.6) as w
          from generate_series(1, ${N}) n),
        sized as (
          select *, case when n = 1 then ${plan.heavySlots}
                         else greatest(1, round(w * ${plan.restSlots}::float8 / nullif(sum(w) filter (where n > 1) over (), 0)))::int end as e
          from base)
        select *, ${x.memberId("n")} as id, (sum(e) over (order by n) - e)::bigint as off from sized`,
    },
    {
      label: "members",
      sql: `
        insert into members (id, external_id, first_name, last_name, email, phone, attributes, created_at, updated_at)
        select id, 'CUST-' || (20000000 + n), first_name, last_name,
          lower(replace(first_name, '''', '')) || '.' || lower(replace(last_name, '''', '')) || n || '@' || ${arr(EMAIL_DOMAINS, 14, "n")},
          '+91 9' || substr(${phone}, 1, 4) || ' ' || substr(${phone}, 5, 5),
          jsonb_build_object('segment', ${arr(SEGMENTS, 15, "n")}, 'card', ${arr(CARDS, 16, "n")}),
          enrolled_at, enrolled_at
        from ${STAGE}.m order by n`,
    },
    {
      label: "staging: history slots",
      sql: `
        create unlogged table ${STAGE}.s as
        select g, n, member_id, kind, p,
          case when kind = 'expiry' then expiry_at else at end as at,
          case kind when 'award' then (case when p = 4 then 0 else prog_g end)
                    when 'redemption' then (case when grp then 0 else prog_1 end)
                    when 'expiry' then prog_6 else 0 end as prog,
          case kind when 'award' then pts_g when 'redemption' then half_1 + (case when grp then half_2 else 0 end)
                    when 'transfer' then half_4 else pts_6 end as pts,
          grp, kind = 'award' and p = 3 as promo,
          case kind when 'redemption' then g - 1 when 'transfer' then g - 4 when 'expiry' then g - 6 end as lot_g,
          case kind when 'redemption' then half_1 when 'transfer' then half_4 when 'expiry' then pts_6 end as x1,
          case kind when 'redemption' then prog_1 when 'transfer' then 0 when 'expiry' then prog_6 end as prog1,
          case when grp then half_2 end as x2, case when grp then prog_2 end as prog2,
          case when kind = 'transfer' then 1 + ((n + ${x.pick("g", 11, Math.max(1, N - 1))}) % ${N}) end as rn,
          case when kind = 'transfer' then at_4 end as src_at
        from (
          select m.off + k as g, m.n, m.id as member_id, (k - 1) % 10 as p, ${x.at("k")} as at,
            case when (k - 1) % 10 <= 6 then 'award' when (k - 1) % 10 = 7 then 'redemption'
                 when (k - 1) % 10 = 8 then (case when ${N} > 1 and ${x.pick("m.off + k", 9, 3)} = 0 then 'transfer' else 'award' end)
                 when ${x.promoExpiresAt(x.at("k - 6"))} < ${x.asOf} then 'expiry' else 'award' end as kind,
            (k - 1) % 10 = 7 and ${x.pick("m.off + k", 10, 3)} = 0 as grp,
            ${x.promoExpiresAt(x.at("k - 6"))} as expiry_at, ${x.at("k - 4")} as at_4,
            ${x.program("m.off + k")} as prog_g, ${x.program("m.off + k - 1")} as prog_1, ${x.program("m.off + k - 2")} as prog_2,
            ${x.program("m.off + k - 6")} as prog_6,
            ${x.points("m.off + k")} as pts_g, ${x.points("m.off + k - 6")} as pts_6,
            ${x.half("m.off + k - 1")} as half_1, ${x.half("m.off + k - 2")} as half_2, ${x.half("m.off + k - 4")} as half_4
          from ${STAGE}.m m cross join lateral generate_series(1, m.e) k) z`,
    },
    {
      label: "staging: what each spend took from which lot",
      sql: `
        create unlogged table ${STAGE}.mv as
        select g, n, kind, rn, lot_g, prog1 as prog, x1 as points from ${STAGE}.s where lot_g is not null
        union all
        select g, n, kind, rn, g - 2, prog2, x2 from ${STAGE}.s where grp`,
    },
    {
      label: "staging: balances per member and programme",
      sql: `
        create unlogged table ${STAGE}.bal as
        select n, prog, sum(lifetime)::bigint as lifetime, sum(tin)::bigint as tin, sum(red)::bigint as red, sum(exp)::bigint as exp, sum(tout)::bigint as tout
        from (
          select n, prog, pts as lifetime, 0 as tin, 0 as red, 0 as exp, 0 as tout from ${STAGE}.s where kind = 'award'
          union all select rn, 0, 0, points, 0, 0, 0 from ${STAGE}.mv where kind = 'transfer'
          union all select n, prog, 0, 0, case when kind = 'redemption' then points else 0 end,
                           case when kind = 'expiry' then points else 0 end, case when kind = 'transfer' then points else 0 end
                    from ${STAGE}.mv) b
        group by n, prog`,
    },
    {
      label: "ledger_accounts (members')",
      sql: `
        insert into ledger_accounts (id, program_id, member_id, kind)
        select ${x.account("m.n", "q.prog")}, ${x.programId("q.prog")}, m.id, 'member'
        from ${STAGE}.m m cross join (values (0), (1), (2)) q(prog)
        where q.prog = 0 or (q.prog = 1 and m.in_dine) or (q.prog = 2 and m.in_trvl)`,
    },
    {
      label: "member_programs (balances cached from the postings below)",
      sql: `
        insert into member_programs (member_id, program_id, tier_id, account_id, current, pending, redeemed, expired, transferred_in, transferred_out, lifetime, debt, enrolled_at)
        select m.id, ${x.programId("q.prog")}, ${x.tier("q.prog", "(case when coalesce(b.lifetime, 0) >= 100000 then 2 when coalesce(b.lifetime, 0) >= 25000 then 1 else 0 end)")},
          ${x.account("m.n", "q.prog")},
          coalesce(b.lifetime + b.tin - b.red - b.exp - b.tout, 0), 0, coalesce(b.red, 0), coalesce(b.exp, 0), coalesce(b.tin, 0), coalesce(b.tout, 0),
          coalesce(b.lifetime, 0), 0, m.enrolled_at
        from ${STAGE}.m m cross join (values (0), (1), (2)) q(prog)
        left join ${STAGE}.bal b on b.n = m.n and b.prog = q.prog
        where q.prog = 0 or (q.prog = 1 and m.in_dine) or (q.prog = 2 and m.in_trvl)`,
    },
    {
      label: "member_tier_changes (enrolments and upgrades)",
      sql: `
        insert into member_tier_changes (member_id, program_id, from_tier_id, to_tier_id, reason, actor_label, at)
        select mp.member_id, mp.program_id, null, t0.id, 'Enrolled', 'system', mp.enrolled_at
        from member_programs mp join tiers t0 on t0.program_id = mp.program_id and t0.is_default
        where mp.member_id in (select id from ${STAGE}.m)
        union all
        select mp.member_id, mp.program_id, t_from.id, t_to.id,
          'Lifetime points passed ' || to_char(th.points, 'FM999,999'), 'system:tiers',
          mp.enrolled_at + (${x.asOf} - mp.enrolled_at) * (th.points::float8 / mp.lifetime)
        from member_programs mp
        cross join (values (1, 25000), (2, 100000)) th(rank, points)
        join tiers t_from on t_from.program_id = mp.program_id and t_from.rank = th.rank - 1
        join tiers t_to on t_to.program_id = mp.program_id and t_to.rank = th.rank
        where mp.lifetime >= th.points and mp.member_id in (select id from ${STAGE}.m)`,
    },
    {
      label: "transactions (the purchases that earned)",
      sql: `
        insert into transactions (id, external_id, member_id, type, amount, currency, occurred_at, channel, merchant_id, merchant_name, mcc, category, country, refunded_amount, received_at)
        select ${x.uuid("t", "s.g")}, 'TXN-${plan.seed}-' || s.g, s.member_id, 'purchase', s.pts * 100, 'INR', s.at - interval '90 seconds',
          ${arr(CHANNELS, 17, "s.g")}, 'MER-' || (1 + ${x.pick("s.g", 12, MERCHANTS.length)}), ${merchant(0)}, ${merchant(1)}, ${merchant(2)}, 'IN', 0, s.at
        from ${STAGE}.s s where s.kind = 'award' and not s.promo`,
    },
    {
      label: "journal_entries",
      sql: `
        insert into journal_entries (id, kind, member_id, memo, reference, actor_label, at)
        select ${x.entryId("s.g")}, s.kind, s.member_id,
          case when s.kind = 'award' and s.promo then ${arr(PROMOTIONS, 18, "s.g")}
               when s.kind = 'award' then to_char(s.pts, 'FM999,999,999') || ' ' || ${x.programName("s.prog")} || ' points at ' || ${merchant(0)}
               when s.kind = 'expiry' then 'Points expired' end,
          case s.kind when 'award' then (case when s.promo then null else ${x.uuid("t", "s.g")}::text end)
                      when 'redemption' then 'ORD-${plan.seed}-' || s.g when 'transfer' then ${x.memberId("s.rn")}::text end,
          case s.kind when 'award' then (case when s.promo then 'campaigns' else 'api:card-switch' end) when 'redemption' then 'api:rewards-catalogue'
                      when 'transfer' then 'api:mobile-app' else 'system:expiry' end,
          s.at
        from ${STAGE}.s s`,
    },
    {
      label: "postings",
      sql: `
        insert into postings (entry_id, account_id, amount)
        select ${x.entryId("g")}, ${x.issued("prog")}, -pts from ${STAGE}.s where kind = 'award'
        union all
        select ${x.entryId("g")}, ${x.account("n", "prog")}, pts from ${STAGE}.s where kind = 'award'
        union all
        select ${x.entryId("g")}, account, sum(amount)::bigint from (
          select g, ${x.account("n", "prog")} as account, -points as amount from ${STAGE}.mv
          union all
          select g, case kind when 'redemption' then ${x.redeemedAccount("prog")} when 'expiry' then ${x.expiredAccount("prog")} else ${x.account("rn", "0")} end, points
          from ${STAGE}.mv) c
        group by g, account`,
    },
    {
      label: "lots",
      sql: `
        insert into lots (id, member_id, program_id, entry_id, source, awarded_at, expires_at, points, points_left)
        select ${x.lotId("s.g")}, s.member_id, ${x.programId("s.prog")}, ${x.entryId("s.g")}, 'award', s.at,
          case when s.promo then ${x.promoExpiresAt("s.at")} else ${x.expiresAt("s.at")} end, s.pts, s.pts - coalesce(u.used, 0)
        from ${STAGE}.s s left join (select lot_g, sum(points) as used from ${STAGE}.mv group by lot_g) u on u.lot_g = s.g
        where s.kind = 'award'
        union all
        select ${x.transferLotId("s.g")}, ${x.memberId("s.rn")}, ${x.programId("0")}, ${x.entryId("s.g")}, 'transfer_in', s.src_at, ${x.expiresAt("s.src_at")}, s.pts, s.pts
        from ${STAGE}.s s where s.kind = 'transfer'`,
    },
    {
      label: "lot_movements",
      sql: `insert into lot_movements (entry_id, lot_id, points) select ${x.entryId("g")}, ${x.lotId("lot_g")}, points from ${STAGE}.mv`,
    },
    {
      label: "fulfilments",
      sql: `
        insert into fulfilments (id, member_id, transaction_id, program_id, outcome_type, value, state, posting_method, narration, explanation, entry_id, reversed_value, created_at, updated_at)
        select ${x.uuid("f", "s.g")}, s.member_id, ${x.uuid("t", "s.g")}, ${x.programId("s.prog")}, 'reward_points', s.pts, 'posted', 'automatic',
          to_char(s.pts, 'FM999,999,999') || ' ' || ${x.programName("s.prog")} || ' points at ' || ${merchant(0)},
          jsonb_build_array('Base earn rule: 1 point per 1.00 spent'), ${x.entryId("s.g")}, 0, s.at, s.at
        from ${STAGE}.s s where s.kind = 'award' and not s.promo`,
    },
    {
      label: "fulfilment_events",
      sql: `
        insert into fulfilment_events (fulfilment_id, member_id, from_state, to_state, reason, actor_label, at)
        select ${x.uuid("f", "s.g")}, s.member_id, null, 'posted', 'Posted to the points ledger', 'api:card-switch', s.at
        from ${STAGE}.s s where s.kind = 'award' and not s.promo`,
    },
    {
      label: "redemptions",
      sql: `
        insert into redemptions (id, member_id, program_id, group_redemption, points, currency_value_minor, currency, points_to_currency, external_reference, breakup_by_program, entry_id, created_at)
        select ${x.uuid("r", "s.g")}, s.member_id, ${x.programId("s.prog")}, s.grp, s.pts, round(s.pts * ${x.ratio("s.prog")} * 100)::bigint,
          ${x.currency("s.prog")}, ${x.ratio("s.prog")}, 'ORD-${plan.seed}-' || s.g,
          case when s.grp and s.prog1 <> s.prog2
               then jsonb_build_array(jsonb_build_object('program_id', ${x.programId("s.prog1")}, 'points', s.x1), jsonb_build_object('program_id', ${x.programId("s.prog2")}, 'points', s.x2))
               else jsonb_build_array(jsonb_build_object('program_id', ${x.programId("s.prog1")}, 'points', s.pts)) end,
          ${x.entryId("s.g")}, s.at
        from ${STAGE}.s s where s.kind = 'redemption'`,
    },
    {
      label: "transfers",
      sql: `
        insert into transfers (id, from_member_id, to_member_id, to_program_id, group_transfer, points, breakup_by_program, entry_id, created_at)
        select ${x.uuid("x", "s.g")}, s.member_id, ${x.memberId("s.rn")}, ${x.programId("0")}, false, s.pts,
          jsonb_build_array(jsonb_build_object('program_id', ${x.programId("0")}, 'points', s.pts)), ${x.entryId("s.g")}, s.at
        from ${STAGE}.s s where s.kind = 'transfer'`,
    },
  ];
}
