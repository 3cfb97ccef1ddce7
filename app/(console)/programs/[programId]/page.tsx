import { ArrowLeft, Layers } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { ExpiryStrategiesTable } from "@/components/programs/expiry-strategies-table";
import { pointValue, trimDecimal } from "@/components/programs/format";
import { ProgramDetails } from "@/components/programs/program-details";
import { TiersTable } from "@/components/programs/tiers-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getDefaultProgram, getProgram, listExpiryStrategies, listPrograms, listTiers } from "@/lib/programs";
import { describeBenefits, describeDowngrade, describeUpgrade, tierRulesFormValues } from "@/lib/tiers/describe";
import type { DowngradeRule, UpgradeRule } from "@/lib/engine/tiers";
import { setTierRulesAction } from "./tiers/actions";
import { GroupRulesForm } from "./group-rules-form";
import { AddExpiryStrategyDialog } from "./add-expiry-strategy-dialog";
import { AddTierDialog } from "./add-tier-dialog";
import { EditProgramDialog } from "./edit-program-dialog";
import { MakeDefaultButton } from "./make-default-button";

type Params = Promise<{ programId: string }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The programme, or a 404 for an id that is malformed or unknown. */
const loadProgram = cache(async (id: string) => {
  if (!UUID.test(id)) notFound();
  try {
    return await getProgram(getDb(), id);
  } catch (error) {
    if (isDomainError(error) && error.code === "program_not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("programs:read");
  const program = await loadProgram((await params).programId);
  return { title: program.name };
}

export default async function ProgramPage({ params }: { params: Params }) {
  const user = await requirePagePermission("programs:read");
  const program = await loadProgram((await params).programId);
  const canWrite = can(user.roles, "programs:write");
  const db = getDb();
  const [strategies, tiers, currentDefault, allPrograms] = await Promise.all([
    listExpiryStrategies(db, program.id),
    listTiers(db, program.id),
    program.isDefault ? Promise.resolve(program) : getDefaultProgram(db).catch(() => null),
    program.isDefault ? listPrograms(db) : Promise.resolve([]),
  ]);
  const rulesOf = (p: (typeof allPrograms)[number]) =>
    `${p.minRedemptionPoints.toLocaleString("en-US")} to ${p.maxRedemptionPoints === null ? "any number of" : p.maxRedemptionPoints.toLocaleString("en-US")} points, in multiples of ${p.redemptionMultipleOf.toLocaleString("en-US")}`;
  const value = pointValue(program.pointsToCurrency, program.currency);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Link href="/programs" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Programmes
        </Link>
        <PageHeader
          title={
            <span className="flex items-center gap-2">
              {program.name}
              {program.isDefault && <Badge tone="accent">Default programme</Badge>}
            </span>
          }
          description={`${program.code} · ${value} · ${program.timeZone}`}
          actions={
            canWrite ? (
              <>
                {!program.isDefault && (
                  <MakeDefaultButton program={{ id: program.id, name: program.name, pointValue: value }} currentDefault={currentDefault?.name ?? null} />
                )}
                <EditProgramDialog
                  programId={program.id}
                  values={{
                    code: program.code,
                    name: program.name,
                    pointsToCurrency: trimDecimal(program.pointsToCurrency),
                    currency: program.currency,
                    timeZone: program.timeZone,
                    minRedemptionPoints: String(program.minRedemptionPoints),
                    maxRedemptionPoints: program.maxRedemptionPoints === null ? "" : String(program.maxRedemptionPoints),
                    redemptionMultipleOf: String(program.redemptionMultipleOf),
                  }}
                />
              </>
            ) : undefined
          }
        />
      </div>

      <ProgramDetails program={program} />

      {program.isDefault && (
        <GroupRulesForm
          programId={program.id}
          canWrite={canWrite}
          current={program.groupRedemptionRulesProgramId ?? program.id}
          choices={allPrograms.map((p) => ({ id: p.id, name: p.id === program.id ? `${p.name} (this programme)` : p.name, rules: rulesOf(p) }))}
        />
      )}

      <section aria-labelledby="expiry-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="expiry-heading">Expiry strategies</span>}
          description="How long awarded points stay spendable. An award may name a strategy; otherwise the default applies."
          actions={canWrite ? <AddExpiryStrategyDialog programId={program.id} timeZone={program.timeZone} /> : undefined}
        />
        <ExpiryStrategiesTable
          rows={strategies.map((s) => ({ id: s.id, name: s.name, kind: s.kind, amount: s.amount, isDefault: s.isDefault, createdAt: s.createdAt }))}
          empty={<EmptyState icon={Layers} title="No expiry strategies" />}
        />
      </section>

      <section aria-labelledby="tiers-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="tiers-heading">Tiers</span>}
          description="Lowest rank first. New members start in the default tier; a transaction that meets a higher tier's rule upgrades the member at once, and the nightly job moves members whose tier's downgrade rule holds one tier down."
          actions={canWrite ? <AddTierDialog programId={program.id} topTier={tiers.at(-1)?.name ?? null} /> : undefined}
        />
        <TiersTable
          rows={tiers.map((t) => ({
            id: t.id,
            name: t.name,
            rank: t.rank,
            isDefault: t.isDefault,
            createdAt: t.createdAt,
            upgrade: describeUpgrade(t.upgradeRule as UpgradeRule | null, program.currency),
            downgrade: describeDowngrade(t.downgradeRule as DowngradeRule | null, t.isDefault),
            benefits: describeBenefits(t),
            values: tierRulesFormValues(t, program.currency),
          }))}
          empty={<EmptyState icon={Layers} title="No tiers" />}
          edit={canWrite ? { currency: program.currency, action: setTierRulesAction } : undefined}
        />
      </section>
    </div>
  );
}
