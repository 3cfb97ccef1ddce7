import { Layers } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { BalancesTable, type BalanceRow } from "@/components/members/balances-table";
import { memberName } from "@/components/members/member-name";
import { MemberAttributes, MemberProfile } from "@/components/members/member-profile";
import { PointsDebtNote } from "@/components/members/points-debt-note";
import { formatPoints } from "@/components/programs/format";
import { ExpiringPoints } from "@/components/members/expiring-points";
import { ChangeTierDialog, type TierChoice } from "@/components/members/change-tier-dialog";
import { TierHistory } from "@/components/members/tier-history";
import { TrackersTable } from "@/components/members/trackers-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listRedemptions } from "@/lib/ledger/redeem";
import { currentTrackers, expiringPoints } from "@/lib/members/overview";
import { listTierHistory } from "@/lib/members/tier-history";
import { listPrograms, listTiers } from "@/lib/programs";
import { loadMember, loadMemberPrograms } from "./load-member";
import { RedemptionsTable } from "./redemptions-table";

type Params = Promise<{ memberId: string }>;
const WINDOW_LABELS = { calendar_month: "Calendar month", calendar_quarter: "Calendar quarter", calendar_year: "Calendar year" } as const;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  return { title: memberName(member) ?? member.externalId };
}

export default async function MemberPage({ params }: { params: Params }) {
  const user = await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const db = getDb();
  const [balances, programs, redemptions, expiring, tierHistory] = await Promise.all([
    loadMemberPrograms(member.id),
    listPrograms(db),
    listRedemptions(db, member.id, { limit: 50 }),
    expiringPoints(db, member.id),
    listTierHistory(db, member.id),
  ]);
  const codeOf = new Map(programs.map((p) => [p.id, p.code]));
  const group = programs.find((p) => p.isDefault);
  const defaultId = group?.id;
  const [trackers, tierChoices] = await Promise.all([
    currentTrackers(db, member.id, group?.timeZone ?? "UTC"),
    can(user.roles, "programs:write") ? tierChoicesOf(balances) : Promise.resolve([]),
  ]);
  const rows: BalanceRow[] = balances.map((b) => ({
    programId: b.programId,
    programCode: b.programCode,
    programName: b.programName,
    isDefault: b.programId === defaultId,
    tierName: b.tierName,
    current: b.current,
    pending: b.pending,
    redeemed: b.redeemed,
    expired: b.expired,
    transferredIn: b.transferredIn,
    transferredOut: b.transferredOut,
    lifetime: b.lifetime,
  }));
  rows.sort((a, b) => Number(b.isDefault) - Number(a.isDefault)); // the default (group) programme first; stable, so by code after
  const debts = balances.filter((b) => b.debt > 0).map((b) => ({ programCode: b.programCode, programName: b.programName, debt: b.debt }));

  return (
    <>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <MemberProfile member={member} />
        <MemberAttributes attributes={member.attributes} />
      </div>
      <section aria-labelledby="balances-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="balances-heading">Points by programme</span>}
          description="Current points can be spent; pending points are not yet confirmed. Lifetime counts every point earned here, not transfers in."
        />
        {rows.length === 0 ? (
          <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
            <EmptyState icon={Layers} title="Not enrolled in any programme" />
          </div>
        ) : (
          <BalancesTable rows={rows} linkPrograms={can(user.roles, "programs:read")} />
        )}
        <PointsDebtNote debts={debts} />
      </section>
      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="expiring-heading" className="flex flex-col gap-3">
          <PageHeader
            level={2}
            title={<span id="expiring-heading">Expiring soon</span>}
            description="Current points that expire unless spent first (redemptions spend the earliest-expiring points first)."
          />
          <ExpiringPoints rows={expiring} />
        </section>
        <section aria-labelledby="trackers-heading" className="flex flex-col gap-3">
          <PageHeader level={2} title={<span id="trackers-heading">Trackers</span>} description="Running totals for milestone offers, as they stand today." />
          <TrackersTable
            currency={group?.currency ?? "INR"}
            rows={trackers.map((t) => ({
              key: t.key,
              metric: t.metric,
              windowLabel: t.window.kind === "rolling_days" ? `Rolling ${t.window.days} days` : WINDOW_LABELS[t.window.kind],
              period: t.period,
              value: t.value,
              usedBy: t.usedBy,
            }))}
          />
        </section>
      </div>
      <section aria-labelledby="redemptions-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="redemptions-heading">Redemptions</span>}
          description="The latest 50, newest first. A reversal returns the points to the lots they came from, with their original expiry."
        />
        <RedemptionsTable
          memberId={member.id}
          canReverse={can(user.roles, "members:adjust")}
          rows={redemptions.map((r) => ({
            id: r.id,
            createdAt: r.createdAt,
            points: r.points,
            currencyValueMinor: r.currencyValueMinor,
            currency: r.currency,
            groupRedemption: r.groupRedemption,
            externalReference: r.externalReference,
            breakup: r.breakupByProgram.map((b) => `${codeOf.get(b.program_id) ?? "?"} ${formatPoints(b.points)}`).join(" · "),
            reversedAt: r.reversedAt,
          }))}
        />
      </section>
      <section aria-labelledby="tiers-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="tiers-heading">Tier history</span>}
          description="Every tier the member has been in, per programme, newest first, with why it changed."
          actions={tierChoices.length > 0 ? <ChangeTierDialog memberId={member.id} programmes={tierChoices} /> : undefined}
        />
        <TierHistory rows={tierHistory} />
      </section>
    </>
  );
}

/** The member's programmes with their tiers, for a programme manager to change the member's tier. */
async function tierChoicesOf(balances: { programId: string; programName: string; tierId: string }[]): Promise<TierChoice[]> {
  const db = getDb();
  return Promise.all(
    balances.map(async (b) => ({
      programId: b.programId,
      programName: b.programName,
      currentTierId: b.tierId,
      tiers: (await listTiers(db, b.programId)).map((t) => ({ id: t.id, name: t.name })),
    })),
  );
}
