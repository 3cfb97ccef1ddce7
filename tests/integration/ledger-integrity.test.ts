import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { checkLedgerIntegrity } from "@/lib/ledger/health";
import { award, expectLedgerHealthy, makeMember, makeProgram } from "../support/ledger";

class RolledBack extends Error {}

describe("ledger integrity check", () => {
  it("the hot ledger and fulfilment rows have no foreign keys, so the check reports any row whose entry, account, member, programme, transaction or fulfilment is missing", async () => {
    const program = await makeProgram();
    const member = await makeMember([program.id]);
    await award(member.id, program.id, 100);
    await expectLedgerHealthy();
    // Rows a faulty writer could leave behind, in a transaction that is rolled back.
    await expect(
      getDb().transaction(async (tx) => {
        const [account] = await tx.execute<{ account_id: string }>(sql`select account_id::text from member_programs where member_id = ${member.id}`);
        await tx.execute(sql`insert into postings (entry_id, account_id, amount) values (-1, ${account!.account_id}::bigint, 5), (-1, ${account!.account_id}::bigint, -5)`);
        await tx.execute(sql`insert into postings (entry_id, account_id, amount) select entry_id, -7, 1 from postings where account_id = ${account!.account_id}::bigint limit 1`);
        await tx.execute(sql`insert into postings (entry_id, account_id, amount) select entry_id, account_id, -1 from postings where account_id = ${account!.account_id}::bigint limit 1`);
        await tx.execute(sql`insert into lots (member_id, program_id, entry_id, source, awarded_at, points, points_left) values (${member.id}, ${program.id}, -1, 'award', now(), 0, 0)`);
        await tx.execute(sql`insert into fulfilment_events (fulfilment_id, member_id, to_state, actor_label) values (gen_random_uuid(), ${member.id}, 'posted', 'test')`);
        await tx.execute(sql`insert into journal_entries (kind, member_id, actor_label) values ('adjustment', gen_random_uuid(), 'test')`);
        await tx.execute(sql`
          insert into fulfilments (member_id, transaction_id, outcome_type, value, state, posting_method, narration)
          values (${member.id}, gen_random_uuid(), 'cashback', 1, 'pending', 'automatic', 'test')`);
        const report = await checkLedgerIntegrity(tx);
        expect(report).toMatchObject({ ok: false, orphanRows: 7 });
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    await expectLedgerHealthy();
  });
});
