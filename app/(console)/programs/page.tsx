import { Layers } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { ProgramsTable } from "@/components/programs/programs-table";
import { ProgramsTabs } from "@/components/programs/programs-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { outstandingByProgram } from "@/lib/ledger/health";
import { NewProgramDialog } from "./new-program-dialog";

export const metadata: Metadata = { title: "Programmes" };

export default async function ProgramsPage() {
  const user = await requirePagePermission("programs:read");
  const canWrite = can(user.roles, "programs:write");
  const rows = await outstandingByProgram(getDb());
  const first = rows.length === 0;

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Programmes"
        description="Each programme is the points currency of one brand, with its own point value, tiers, expiry strategies and redemption rules. The default programme is also the group programme."
        actions={canWrite && !first ? <NewProgramDialog /> : undefined}
      />
      <ProgramsTabs />
      <ProgramsTable
        rows={rows}
        empty={
          <EmptyState
            icon={Layers}
            title="No programmes yet"
            action={canWrite ? <NewProgramDialog first label="Create the first programme" /> : undefined}
          >
            {canWrite
              ? "Create the first programme; it becomes the default (group) programme, whose rules and point value apply to group redemptions."
              : "A programme manager creates the first programme; it becomes the default (group) programme."}
          </EmptyState>
        }
      />
      {!first && (
        <p className="text-xs text-slate-500">
          Outstanding points are members’ current balances; liability values them at each programme’s point value, rounded half-even to the currency’s minor unit.
        </p>
      )}
    </div>
  );
}
