import { Handshake, Plus, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ListFilters } from "@/components/partners/list-filters";
import { FUNDING_LABELS, PARTNER_STATUS, PARTNER_TYPE_LABELS } from "@/components/partners/labels";
import { PartnersTable, type PartnerRow } from "@/components/partners/partners-table";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listPartnersWithFunding } from "@/lib/partners/queries";
import { FUNDING_MODES, PARTNER_STATUSES, PARTNER_TYPES } from "@/lib/partners/schemas";
import { pageParams, param, type SearchParams } from "../_lib/search-params";

export const metadata: Metadata = { title: "Partners" };

const oneOf = <T extends string>(value: string | undefined, options: readonly T[]): T | undefined => (options.includes(value as T) ? (value as T) : undefined);
const choices = (values: readonly string[], labels: Record<string, { label: string } | string>) =>
  values.map((v) => ({ value: v, label: typeof labels[v] === "string" ? labels[v] : (labels[v]?.label ?? v) }));

export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("partners:read");
  const params = await searchParams;
  const { page, pageSize } = pageParams(params);
  const filters = {
    q: param(params, "q", 80),
    type: oneOf(param(params, "type"), PARTNER_TYPES),
    status: oneOf(param(params, "status"), PARTNER_STATUSES),
    fundingMode: oneOf(param(params, "fundingMode"), FUNDING_MODES),
  };
  const result = await listPartnersWithFunding(getDb(), { ...filters, page, pageSize });
  const canWrite = can(user.roles, "partners:write");
  const filtered = Object.values(filters).some(Boolean);
  const newPartner = canWrite ? (
    <Link href="/partners/new" className={buttonVariants()} data-testid="new-partner">
      <Plus aria-hidden="true" />
      New partner
    </Link>
  ) : undefined;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });
  const rows: PartnerRow[] = result.rows.map((p) => ({ ...p, topUpRequired: p.topUpRequiredAt !== null }));

  const empty = filtered ? (
    <EmptyState icon={SearchX} title="No partners match these filters" action={<Link href="/partners" className={secondary}>Clear the filters</Link>}>
      Try another name, type or funding mode.
    </EmptyState>
  ) : result.total > 0 ? (
    <EmptyState icon={Handshake} title="This page is empty" action={<Link href="/partners" className={secondary}>Go to the first page</Link>}>
      There are fewer partners than this page number implies.
    </EmptyState>
  ) : (
    <EmptyState icon={Handshake} title="No partners yet" action={newPartner}>
      {canWrite
        ? "Add an airline, hotel or merchant with its loyalty currency, its crediting API and how its members' earn is funded: prepaid point blocks or a post-paid bill."
        : "Partners appear here once a partner manager sets them up."}
    </EmptyState>
  );

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Partners"
        description="Airlines, hotels and merchants with their own loyalty currency: how their points are credited, and how the points their transactions give are funded."
        actions={result.total > 0 || filtered ? newPartner : undefined}
      />
      {(result.total > 0 || filtered) && (
        <ListFilters
          action="/partners"
          label="Filter partners"
          pageSize={pageSize}
          values={filters}
          search={{ label: "Search", placeholder: "Name, code or currency" }}
          selects={[
            { name: "type", label: "Type", all: "All types", options: choices(PARTNER_TYPES, PARTNER_TYPE_LABELS) },
            { name: "status", label: "Status", all: "All statuses", options: choices(PARTNER_STATUSES, PARTNER_STATUS) },
            { name: "fundingMode", label: "Funding", all: "Prepaid and post-paid", options: choices(FUNDING_MODES, FUNDING_LABELS) },
          ]}
        />
      )}
      <PartnersTable
        rows={rows}
        empty={empty}
        footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={filters} noun={result.total === 1 ? "partner" : "partners"} /> : undefined}
      />
    </div>
  );
}
