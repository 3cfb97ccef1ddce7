import { PackageCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { FulfilmentsTable, type FulfilmentRow } from "@/components/members/fulfilments-table";
import { memberName } from "@/components/members/member-name";
import { RefreshWhilePending } from "@/components/members/refresh-while-pending";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listFulfilmentHistory, listMemberFulfilmentsPage } from "@/lib/transactions/console-queries";
import { pageParams, type SearchParams } from "../../../_lib/search-params";
import { loadMember } from "../load-member";
import { CreditButtons } from "./credit-buttons";

type Params = Promise<{ memberId: string }>;
/** The time of this request (a server component renders once per request), for open and closed claim windows. */
const requestTime = () => Date.now();

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  return { title: `Fulfilments · ${memberName(member) ?? member.externalId}` };
}

export default async function MemberFulfilmentsPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const result = await listMemberFulfilmentsPage(db, member.id, { page, pageSize });
  const history = await listFulfilmentHistory(
    db,
    member.id,
    result.rows.map((f) => f.id),
  );
  const nowMs = requestTime();
  const rows: FulfilmentRow[] = result.rows.map((f) => ({
    id: f.id,
    outcomeType: f.outcomeType,
    value: f.value,
    reversedValue: f.reversedValue,
    currency: f.currency,
    partnerId: f.partnerId,
    partnerName: f.partnerName,
    partnerCurrency: f.partnerCurrency,
    voucherCode: f.voucherCode,
    state: f.state,
    postingMethod: f.postingMethod,
    claimExpiresAt: f.claimExpiresAt,
    claimOpen: f.claimExpiresAt !== null && f.claimExpiresAt.getTime() > nowMs,
    narration: f.narration,
    explanation: f.explanation,
    transactionId: f.transactionId,
    eventId: f.eventId,
    externalReference: f.externalReference,
    offerId: f.offerId,
    offerVersion: f.offerVersion,
    offerName: f.offerName,
    programCode: f.programCode,
    createdAt: f.createdAt,
    history: (history.get(f.id) ?? []).map((e) => ({ id: e.id, fromState: e.fromState, toState: e.toState, reason: e.reason, actorLabel: e.actorLabel, at: e.at })),
  }));
  const delivering = rows.some((f) => f.state === "pending" && (f.postingMethod === "automatic" || f.history.some((e) => e.reason?.startsWith("Claimed"))));
  const firstPage = buttonVariants({ variant: "secondary", size: "sm" });

  const empty =
    result.total > 0 ? (
      <EmptyState icon={PackageCheck} title="This page is empty" action={<Link href={`/members/${member.id}/fulfilments`} className={firstPage}>Go to the first page</Link>}>
        There are fewer fulfilments than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={PackageCheck} title="No fulfilments yet">
        When a transaction or an activity event earns something — points, cashback, a voucher or a partner’s points — it appears here with its state.
      </EmptyState>
    );

  return (
    <>
      <section aria-labelledby="fulfilments-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="fulfilments-heading">Fulfilments</span>}
          description="Every outcome the member earned, newest first. Each goes pending → posted or failed, and posted → reversed when a refund takes it back. Open a row’s history to see each step, why and by whom."
          actions={<RefreshWhilePending active={delivering} />}
        />
        <FulfilmentsTable
          rows={rows}
          actions={can(user.roles, "fulfilments:manage") ? creditButtons(member.id, rows) : undefined}
          linkOffers={can(user.roles, "offers:read")}
          empty={empty}
          footer={
            result.total > 0 ? (
              <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "fulfilment" : "fulfilments"} />
            ) : undefined
          }
        />
      </section>
    </>
  );
}

/**
 * Claim (pending, waiting for the member's claim, window open) for any outcome; retry (failed) and
 * reverse (posted) for credits delivered outside: partner points and cashback.
 */
function creditButtons(memberId: string, rows: FulfilmentRow[]): Record<string, React.ReactNode> {
  const buttons: Record<string, React.ReactNode> = {};
  for (const f of rows) {
    if (f.state === "pending" && f.postingMethod === "claim" && (f.claimExpiresAt === null || f.claimOpen) && f.value > f.reversedValue && !f.history.some((e) => e.reason?.startsWith("Claimed"))) {
      buttons[f.id] = <CreditButtons memberId={memberId} fulfilment={f} kind="claim" />;
    }
    if (f.outcomeType !== "partner_points" && f.outcomeType !== "cashback") continue;
    if (f.state === "failed" && f.value > f.reversedValue) buttons[f.id] = <CreditButtons memberId={memberId} fulfilment={f} kind="retry" />;
    if (f.state === "posted" && f.value > f.reversedValue && !f.history.at(-1)?.reason?.startsWith("Reversal of")) buttons[f.id] = <CreditButtons memberId={memberId} fulfilment={f} kind="reverse" />;
  }
  return buttons;
}
