import { Layers } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { IntegrityCard, OutstandingCard } from "@/components/programs/ledger-health";
import { ProgramsTabs } from "@/components/programs/programs-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { checkLedgerIntegrity, outstandingByProgram } from "@/lib/ledger/health";

export const metadata: Metadata = { title: "Ledger health" };

/** Runs the integrity check on every visit: it is the point of the page to show the ledger now. */
export default async function LedgerHealthPage() {
  await requirePagePermission("programs:read");
  const db = getDb();
  const [rows, report] = await Promise.all([outstandingByProgram(db), checkLedgerIntegrity(db)]);

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Programmes"
        description="The ledger’s invariants, checked now over every journal entry, balance and lot, and what the points members hold are worth."
      />
      <ProgramsTabs />
      <IntegrityCard report={report} />
      {rows.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
          <EmptyState icon={Layers} title="No programmes yet">
            Outstanding points and liability appear here once a programme exists.
          </EmptyState>
        </div>
      ) : (
        <OutstandingCard rows={rows} />
      )}
    </div>
  );
}
