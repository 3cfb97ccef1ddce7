/**
 * Upgrading a database whose reports were already built: the migrations that reshape them carry over
 * what the old tables recorded, so the figures stay exact without a rebuild.
 *  - 0015: each member's last active day per scope, from the per-period rows of report_active_members.
 *  - 0017: refunds and chargebacks made before transaction_refunds existed, from their audit records,
 *    and whatever part of refunded_amount no audit record explains.
 *  - 0019: how many members were last active on each day, from 0015's table.
 */
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, expect, inject, it } from "vitest";
import { createDb } from "@/db";
import { migrationsFolder } from "@/db/migrate";

const admin = postgres(inject("adminUrl"), { max: 1, onnotice: () => {} });
const name = `coalition_upgrade_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const folder = mkdtempSync(path.join(tmpdir(), "coalition-migrations-"));

afterAll(async () => {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  rmSync(folder, { recursive: true, force: true });
});

/** The checked-in migrations up to and including `last` (its tag's number). */
function migrationsUpTo(last: number): string {
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

it("keeps active members and earlier refunds when it reshapes the report tables", async () => {
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${name}`;
  const { sql, db } = createDb(url.toString(), { max: 1 });
  try {
    await migrate(db, { migrationsFolder: migrationsUpTo(14) });

    const program = randomUUID();
    const group = "00000000-0000-0000-0000-000000000000";
    const [a, b] = [randomUUID(), randomUUID()];
    await sql`insert into members (id, external_id) values (${a}, 'UP-A'), (${b}, 'UP-B')`;
    // a: active on 3 and 20 January in the programme (and the group); b: on 5 February for the group only.
    await sql`insert into report_active_members (scope, grain, period, member_id) values
      (${program}, 0, '2025-01-03', ${a}), (${program}, 0, '2025-01-20', ${a}), (${program}, 1, '2025-01-20', ${a}), (${program}, 2, '2025-01-01', ${a}),
      (${group}, 0, '2025-01-03', ${a}), (${group}, 0, '2025-01-20', ${a}), (${group}, 2, '2025-01-01', ${a}),
      (${group}, 0, '2025-02-05', ${b}), (${group}, 2, '2025-02-01', ${b})`;
    // A purchase refunded twice through the API (audited), and one whose refund has no audit record.
    const [audited, unaudited] = [randomUUID(), randomUUID()];
    await sql`insert into transactions (id, external_id, member_id, type, amount, currency, occurred_at, refunded_amount, received_at) values
      (${audited}, 'UP-1', ${a}, 'purchase', 10000, 'INR', '2025-01-03T10:00:00Z', 7000, '2025-01-03T10:00:01Z'),
      (${unaudited}, 'UP-2', ${b}, 'purchase', 5000, 'INR', '2025-02-05T10:00:00Z', 1500, '2025-02-05T10:00:01Z')`;
    await sql`insert into audit_log (at, actor_type, actor_label, action, entity_type, entity_id, after) values
      ('2025-01-10T09:00:00Z', 'api_key', 'bank', 'transaction.refund', 'transaction', ${audited}, ${JSON.stringify({ amount: 3000, refundedTotal: 3000 })}::jsonb),
      ('2025-02-01T09:00:00Z', 'api_key', 'bank', 'transaction.chargeback', 'transaction', ${audited}, ${JSON.stringify({ amount: 4000, refundedTotal: 7000 })}::jsonb)`;

    await migrate(db, { migrationsFolder });

    const lastActive = await sql<{ scope: string; member_id: string; last_day: string }[]>`
      select scope::text, member_id::text, last_day::text from report_member_last_active order by scope, member_id`;
    expect(lastActive).toEqual(
      [
        { scope: group, member_id: a, last_day: "2025-01-20" },
        { scope: group, member_id: b, last_day: "2025-02-05" },
        { scope: program, member_id: a, last_day: "2025-01-20" },
      ].sort((x, y) => (x.scope + x.member_id < y.scope + y.member_id ? -1 : 1)),
    );
    expect(await sql`select 1 from pg_tables where tablename = 'report_active_members'`).toHaveLength(0);
    // 0019: how many members were last active on each day.
    const lastDays = await sql<{ scope: string; day: string; members: number }[]>`
      select scope::text, day::text, members from report_last_active_days order by scope, day`;
    expect(lastDays).toEqual(
      [
        { scope: group, day: "2025-01-20", members: 1 },
        { scope: group, day: "2025-02-05", members: 1 },
        { scope: program, day: "2025-01-20", members: 1 },
      ].sort((x, y) => (x.scope + x.day < y.scope + y.day ? -1 : 1)),
    );

    const refunds = await sql<{ transaction_id: string; amount: string; reason: string; at: string }[]>`
      select transaction_id::text, amount::text, reason, (at at time zone 'UTC')::text as at from transaction_refunds order by at`;
    expect(refunds.map((r) => [r.transaction_id, r.amount, r.reason, r.at])).toEqual([
      [audited, "3000", "refund", "2025-01-10 09:00:00"],
      [audited, "4000", "chargeback", "2025-02-01 09:00:00"],
      [unaudited, "1500", "refund", "2025-02-05 10:00:01"],
    ]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});
