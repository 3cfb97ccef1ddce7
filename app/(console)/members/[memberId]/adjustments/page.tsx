import { Scale } from "lucide-react";
import Link from "next/link";
import { getDb } from "@/db";
import { AdjustmentsTable } from "@/components/members/adjustments-table";
import { memberName } from "@/components/members/member-name";
import { NewAdjustmentDialog } from "@/components/members/new-adjustment-dialog";
import { formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getAdjustmentApprovalThreshold, listAdjustments } from "@/lib/members/adjustments";
import { pageParams, type SearchParams } from "../../../_lib/search-params";
import { adjustmentRows } from "../../../adjustments/rows";
import { loadMember, loadMemberPrograms } from "../load-member";
import { memberTabMetadata } from "../tab-metadata";

type Params = Promise<{ memberId: string }>;

export const generateMetadata = memberTabMetadata("Adjustments");

/** The member's goodwill adjustments; member care adds them here and decides on other agents' pending ones. */
export default async function MemberAdjustmentsPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const [balances, result, threshold] = await Promise.all([loadMemberPrograms(member.id), listAdjustments(db, { memberId: member.id, page, pageSize }), getAdjustmentApprovalThreshold(db)]);
  const canAdjust = can(user.roles, "members:adjust");
  const label = memberName(member) ?? member.externalId;

  const empty =
    result.total > 0 ? (
      <EmptyState icon={Scale} title="This page is empty" action={<Link href={`/members/${member.id}/adjustments`} className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
        There are fewer adjustments than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={Scale} title="No adjustments yet">
        {canAdjust
          ? "When points are missing or were credited by mistake, credit or debit them here with a reason. Each adjustment is kept with who asked for it and who approved it."
          : "Goodwill credits and debits made by member care appear here, with who asked for them and who approved them."}
      </EmptyState>
    );

  return (
    <>
      <section aria-labelledby="adjustments-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="adjustments-heading">Adjustments</span>}
          description={`Points credited or debited by member care, newest first. Up to ${formatPoints(threshold)} points post at once; larger adjustments wait for a second member care user’s approval.`}
          actions={
            canAdjust ? (
              <NewAdjustmentDialog
                memberId={member.id}
                memberLabel={label}
                threshold={threshold}
                programmes={balances.map((b) => ({ id: b.programId, code: b.programCode, name: b.programName, current: b.current }))}
              />
            ) : (
              <p className="text-[13px] text-slate-500">Read only: member care makes adjustments.</p>
            )
          }
        />
        <AdjustmentsTable
          rows={adjustmentRows(result.rows)}
          caption="The member’s adjustments, newest first"
          empty={empty}
          decider={canAdjust ? { id: user.id } : undefined}
          footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "adjustment" : "adjustments"} /> : undefined}
        />
      </section>
    </>
  );
}
