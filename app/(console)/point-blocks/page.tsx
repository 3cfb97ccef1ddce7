import { Boxes, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { BlocksTable } from "@/components/partners/blocks-table";
import { BLOCK_KIND_LABELS, BLOCK_STATUS } from "@/components/partners/labels";
import { ListFilters } from "@/components/partners/list-filters";
import { RecordBlockDialog } from "@/components/partners/record-block-dialog";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listPointBlocks, partnerChoices } from "@/lib/partners/queries";
import { pageParams, param, type SearchParams } from "../_lib/search-params";

export const metadata: Metadata = { title: "Point block purchases" };

const oneOf = (value: string | undefined, options: readonly string[]) => (value && options.includes(value) ? value : undefined);

export default async function PointBlocksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("point_blocks:read");
  const params = await searchParams;
  const { page, pageSize } = pageParams(params);
  const db = getDb();
  const partners = await partnerChoices(db);
  const filters = {
    partnerId: oneOf(param(params, "partnerId", 40), partners.map((p) => p.id)),
    status: oneOf(param(params, "status"), Object.keys(BLOCK_STATUS)),
    kind: oneOf(param(params, "kind"), Object.keys(BLOCK_KIND_LABELS)),
  };
  const result = await listPointBlocks(db, { ...filters, page, pageSize });
  const canRecord = can(user.roles, "point_blocks:write");
  const prepaid = partners.filter((p) => p.fundingMode === "prepaid" && p.status === "active");
  const filtered = Object.values(filters).some(Boolean);
  const record = canRecord ? <RecordBlockDialog partners={prepaid} fixedPartnerId={filters.partnerId && prepaid.some((p) => p.id === filters.partnerId) ? filters.partnerId : undefined} /> : undefined;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const empty = filtered ? (
    <EmptyState icon={SearchX} title="No blocks match these filters" action={<Link href="/point-blocks" className={secondary}>Clear the filters</Link>}>
      Try another partner, status or kind.
    </EmptyState>
  ) : result.total > 0 ? (
    <EmptyState icon={Boxes} title="This page is empty" action={<Link href="/point-blocks" className={secondary}>Go to the first page</Link>}>
      There are fewer blocks than this page number implies.
    </EmptyState>
  ) : (
    <EmptyState icon={Boxes} title="No point blocks yet" action={record}>
      {prepaid.length === 0
        ? "Blocks are bought by prepaid partners: set one up under Partners first."
        : canRecord
          ? "Record a partner's purchase of points; a second partner manager approves it before its points fund earn transactions."
          : "Blocks appear here once a partner manager records a purchase."}
    </EmptyState>
  );

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Point block purchases"
        description="Points prepaid partners bought to fund their members' earn. A block is pending until a partner manager other than its recorder approves it; the reserve is used only when prepaid blocks run out."
        actions={result.total > 0 || filtered ? record : undefined}
      />
      {(result.total > 0 || filtered) && (
        <ListFilters
          action="/point-blocks"
          label="Filter point blocks"
          pageSize={pageSize}
          values={filters}
          selects={[
            { name: "partnerId", label: "Partner", all: "All partners", options: partners.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` })) },
            { name: "status", label: "Status", all: "All statuses", options: Object.entries(BLOCK_STATUS).map(([value, s]) => ({ value, label: s.label })) },
            { name: "kind", label: "Kind", all: "Prepaid and reserve", options: Object.entries(BLOCK_KIND_LABELS).map(([value, label]) => ({ value, label })) },
          ]}
        />
      )}
      <BlocksTable
        rows={result.rows}
        userId={user.id}
        canApprove={can(user.roles, "point_blocks:approve")}
        empty={empty}
        footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={filters} noun={result.total === 1 ? "block" : "blocks"} /> : undefined}
      />
    </div>
  );
}
