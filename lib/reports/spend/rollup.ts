import "server-only";
import { sql } from "drizzle-orm";
import { transactions } from "@/db/schema";
import type { Rollup } from "../rollup";

/**
 * Folds new transactions into spend_days (per local day, currency, category and MCC) and
 * member_spend_months (per member, local month and currency), in one statement that reads the new rows
 * once. Days and months are in the default programme's time zone as it is when the rows are folded
 * (UTC when there is no programme). Refunds subtract: refund transactions, and refunds or chargebacks
 * of a purchase (transaction_refunds) on the day they were made. Categories are lower-cased, MCCs
 * trimmed, as the offer engine matches them.
 */
export const spendRollup: Rollup = {
  name: "spend",
  async apply({ tx, isNew }) {
    const [row] = await tx.execute<{ rows: string }>(sql`
      with zone as (
        select coalesce((select time_zone from programs where is_default limit 1), 'UTC') as tz
      ),
      src as materialized (
        select ${transactions.memberId} as member_id,
          (${transactions.occurredAt} at time zone zone.tz)::date as day,
          upper(${transactions.currency}) as currency,
          coalesce(lower(btrim(${transactions.category})), '') as category,
          coalesce(btrim(${transactions.mcc}), '') as mcc,
          (${transactions.type} = 'refund') as refund,
          case when ${transactions.type} = 'refund' then -${transactions.amount} else ${transactions.amount} end as signed
        from ${transactions}, zone
        where ${isNew(transactions.writtenIn)}
        union all
        -- Refunds and chargebacks of a purchase (POST /transactions/{id}/reverse), on the day they were made.
        select t.member_id, (r.at at time zone zone.tz)::date, upper(t.currency), coalesce(lower(btrim(t.category)), ''),
          coalesce(btrim(t.mcc), ''), true, -r.amount
        from transaction_refunds r join transactions t on t.id = r.transaction_id, zone
        where ${isNew(sql`r.written_in`)}
      ),
      days as (
        insert into spend_days as s (day, currency, category, mcc, purchases, refunds, amount)
        select day, currency, category, mcc, count(*) filter (where not refund), count(*) filter (where refund), sum(signed)
        from src group by day, currency, category, mcc
        on conflict (day, currency, category, mcc) do update
          set purchases = s.purchases + excluded.purchases, refunds = s.refunds + excluded.refunds, amount = s.amount + excluded.amount
      ),
      months as (
        insert into member_spend_months as m (member_id, month, currency, amount, count)
        select member_id, date_trunc('month', day::timestamp)::date, currency, sum(signed), (count(*) filter (where not refund) - count(*) filter (where refund))::int
        from src group by member_id, date_trunc('month', day::timestamp)::date, currency
        on conflict (member_id, month, currency) do update
          set amount = m.amount + excluded.amount, count = m.count + excluded.count
      )
      select count(*)::text as rows from src`);
    return Number(row?.rows ?? 0);
  },
};
