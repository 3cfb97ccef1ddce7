import { ClipboardCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { AdjustmentsTable } from "@/components/members/adjustments-table";
import { formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getAdjustmentApprovalThreshold, listAdjustments } from "@/lib/members/adjustments";
import { pageParams, type SearchParams } from "../_lib/search-params";
import { adjustmentRows } from "./rows";

export const metadata: Metadata = { title: "Adjustment approvals" };

/**
 * The approval queue: adjustments above the threshold waiting for a second member care user, oldest
 * first. In the navigation for members:adjust; readable (without buttons) by every role with members:read.
 */
export default async function AdjustmentApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("members:read");
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const [result, threshold] = await Promise.all([listAdjustments(db, { status: "pending_approval", order: "oldest", page, pageSize }), getAdjustmentApprovalThreshold(db)]);
  const canDecide = can(user.roles, "members:adjust");

  const empty =
    result.total > 0 ? (
      <EmptyState icon={ClipboardCheck} title="This page is empty" action={<Link href="/adjustments" className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
        There are fewer pending adjustments than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={ClipboardCheck} title="Nothing waits for approval">
        Adjustments above {formatPoints(threshold)} points appear here until another member care user approves or rejects them.
      </EmptyState>
    );

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Adjustment approvals"
        description={`Goodwill adjustments above ${formatPoints(threshold)} points wait here, oldest first, until a member care user other than their requester approves or rejects them. Nothing reaches the member’s balance before.`}
      />
      <AdjustmentsTable
        rows={adjustmentRows(result.rows)}
        caption="Adjustments waiting for approval, oldest first"
        showMember
        empty={empty}
        decider={canDecide ? { id: user.id } : undefined}
        footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "pending adjustment" : "pending adjustments"} /> : undefined}
      />
    </div>
  );
}
