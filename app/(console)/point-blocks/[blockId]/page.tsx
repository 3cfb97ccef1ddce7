import { ArrowLeft, History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { BlockDebitsTable } from "@/components/partners/block-debits-table";
import { BlockDecision } from "@/components/partners/block-decision";
import { BlockUsage } from "@/components/partners/block-usage";
import { BLOCK_KIND_LABELS, BLOCK_STATUS } from "@/components/partners/labels";
import { formatMoney, formatPoints } from "@/components/programs/format";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { getPointBlock, listBlockDebits } from "@/lib/partners/queries";
import { pageParams, type SearchParams } from "../../_lib/search-params";

type Params = Promise<{ blockId: string }>;

const loadBlock = cache(async (id: string) => {
  try {
    return await getPointBlock(getDb(), id);
  } catch (error) {
    if (isDomainError(error) && error.code === "point_block_not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("point_blocks:read");
  return { title: `Block ${(await loadBlock((await params).blockId)).reference}` };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-[13px] text-slate-900">{children}</dd>
    </div>
  );
}

/** A block: its purchase, who recorded and decided it, how much is used, and every use (paginated). */
export default async function PointBlockPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("point_blocks:read");
  const block = await loadBlock((await params).blockId);
  const { page, pageSize } = pageParams(await searchParams);
  const debits = await listBlockDebits(getDb(), block.id, { page, pageSize });
  const status = BLOCK_STATUS[block.status] ?? { label: block.status, tone: "neutral" as const };
  const canApprove = can(user.roles, "point_blocks:approve") && block.status === "pending";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Link href="/point-blocks" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Point block purchases
        </Link>
        <PageHeader
          title={
            <span className="flex flex-wrap items-center gap-2">
              {formatPoints(block.points)} points · {block.reference}
              <span data-testid="block-status">
                <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
              </span>
              {block.autoCreated && <Badge tone="accent">Auto-created</Badge>}
            </span>
          }
          description={
            <>
              {BLOCK_KIND_LABELS[block.kind] ?? block.kind} block of{" "}
              <Link href={`/partners/${block.partnerId}`} className="text-indigo-700 hover:underline">
                {block.partnerName}
              </Link>
            </>
          }
          actions={
            canApprove ? (
              <BlockDecision block={{ id: block.id, partnerName: block.partnerName, points: block.points, price: block.price, currency: block.currency, reference: block.reference }} ownBlock={block.recordedBy === user.id} />
            ) : undefined
          }
        />
      </div>
      <Card className="px-5 py-4">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="Price">{formatMoney(block.price, block.currency)}</Item>
          <Item label="Recorded">
            {block.recordedByName ?? "The system"} · <DateTime value={block.createdAt} />
          </Item>
          <Item label={block.status === "rejected" ? "Rejected" : "Approved"}>
            {block.decidedAt ? (
              <>
                {block.decidedByName ?? "The system"} · <DateTime value={block.decidedAt} />
              </>
            ) : (
              <span className="text-slate-500">Awaiting approval</span>
            )}
          </Item>
          <Item label="Used">{block.status === "active" ? <BlockUsage points={block.points} used={block.used} /> : <span className="text-slate-500">Not in use</span>}</Item>
          {block.rejectionReason && (
            <div className="sm:col-span-2 lg:col-span-4">
              <Item label="Reason for rejection">{block.rejectionReason}</Item>
            </div>
          )}
        </dl>
      </Card>
      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <PageHeader level={2} title={<span id="history-heading">Usage history</span>} description="Every debit from this block, newest first; points given back by a reversal or a failed credit show as returned." />
        <BlockDebitsTable
          rows={debits.rows}
          empty={
            <EmptyState icon={History} title="Not used yet">
              {block.status === "active" ? "Earn transactions of the partner will draw on this block, oldest block first." : "A block is used only once it is approved."}
            </EmptyState>
          }
          footer={debits.total > 0 ? <Pagination page={page} pageSize={pageSize} total={debits.total} params={{}} noun={debits.total === 1 ? "use" : "uses"} /> : undefined}
        />
      </section>
    </div>
  );
}
