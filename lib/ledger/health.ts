import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { currencyMinorDigits, multiplyToMinorUnits } from "@/lib/engine";

export type ProgramOutstanding = {
  programId: string;
  code: string;
  name: string;
  isDefault: boolean;
  currency: string;
  pointsToCurrency: string;
  members: number;
  outstandingPoints: number;
  /** Outstanding points at the programme's ratio, in minor units of its currency. */
  liabilityMinor: number;
};

export type IntegrityReport = {
  ok: boolean;
  /** Journal entries whose postings do not sum to zero. */
  unbalancedEntries: number;
  /** Member balances whose cached `current` differs from the sum of their postings. */
  balanceMismatches: number;
  /** Member balances whose `current` differs from the points left in their lots. */
  lotMismatches: number;
  /** Lots whose points left differ from their points minus their movements. */
  lotMovementMismatches: number;
  /**
   * Postings without their entry or account, lots without their entry, member or programme, entries
   * without their member, fulfilments without their transaction, fulfilment history without its
   * fulfilment: these hot rows have no foreign keys (see db/schema), so the check proves it. Counted
   * per missing reference (each an anti-join, planned as a hash join over the whole table).
   */
  orphanRows: number;
  entriesChecked: number;
  checkedAt: Date;
};

export async function outstandingByProgram(db: DbOrTx): Promise<ProgramOutstanding[]> {
  const rows = await db.execute<{
    program_id: string; code: string; name: string; is_default: boolean; currency: string; points_to_currency: string; members: string; outstanding: string;
  }>(sql`
    select p.id as program_id, p.code, p.name, p.is_default, p.currency, p.points_to_currency::text as points_to_currency,
           count(mp.member_id)::text as members, coalesce(sum(mp.current), 0)::text as outstanding
    from programs p left join member_programs mp on mp.program_id = p.id
    group by p.id order by p.is_default desc, p.name`);
  return rows.map((r) => ({
    programId: r.program_id,
    code: r.code,
    name: r.name,
    isDefault: r.is_default,
    currency: r.currency,
    pointsToCurrency: r.points_to_currency,
    members: Number(r.members),
    outstandingPoints: Number(r.outstanding),
    liabilityMinor: multiplyToMinorUnits(Number(r.outstanding), r.points_to_currency, currencyMinorDigits(r.currency), "half_even"),
  }));
}

/** Checks the ledger's invariants in SQL over the whole ledger. */
export async function checkLedgerIntegrity(db: DbOrTx, now = new Date()): Promise<IntegrityReport> {
  const [row] = await db.execute<{ unbalanced: string; balance: string; lot: string; movement: string; orphans: string; entries: string }>(sql`
    select
      (select count(*) from (select entry_id from postings group by entry_id having sum(amount) <> 0) u)::text as unbalanced,
      (select count(*) from member_programs mp
         where mp.current <> coalesce((select sum(amount) from postings where account_id = mp.account_id), 0))::text as balance,
      (select count(*) from member_programs mp
         -- Empty lots add nothing; leaving them out lets the spendable-lots index serve this once most lots have expired or been spent.
         where mp.current <> coalesce((select sum(points_left) from lots l where l.member_id = mp.member_id and l.program_id = mp.program_id and l.points_left > 0), 0))::text as lot,
      (select count(*) from lots l
         where l.points_left <> l.points - coalesce((select sum(points) from lot_movements m where m.lot_id = l.id), 0))::text as movement,
      ((select count(*) from postings p where not exists (select 1 from journal_entries e where e.id = p.entry_id))
       + (select count(*) from postings p where not exists (select 1 from ledger_accounts a where a.id = p.account_id))
       + (select count(*) from lots l where not exists (select 1 from journal_entries e where e.id = l.entry_id))
       + (select count(*) from lots l where not exists (select 1 from members m where m.id = l.member_id))
       + (select count(*) from lots l where not exists (select 1 from programs p where p.id = l.program_id))
       + (select count(*) from journal_entries e where e.member_id is not null and not exists (select 1 from members m where m.id = e.member_id))
       + (select count(*) from fulfilments f where f.transaction_id is not null and not exists (select 1 from transactions t where t.id = f.transaction_id))
       + (select count(*) from fulfilment_events fe where not exists (select 1 from fulfilments f where f.id = fe.fulfilment_id)))::text as orphans,
      (select count(*) from journal_entries)::text as entries`);
  const report = {
    unbalancedEntries: Number(row!.unbalanced),
    balanceMismatches: Number(row!.balance),
    lotMismatches: Number(row!.lot),
    lotMovementMismatches: Number(row!.movement),
    orphanRows: Number(row!.orphans),
    entriesChecked: Number(row!.entries),
    checkedAt: now,
  };
  return { ...report, ok: report.unbalancedEntries + report.balanceMismatches + report.lotMismatches + report.lotMovementMismatches + report.orphanRows === 0 };
}
