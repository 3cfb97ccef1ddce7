import { FileUp, Plus, SearchX, Tag, Ticket } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { OfferFilters, type OfferFilterInput } from "@/components/offers/offer-filters";
import { OffersTable, type OfferRow } from "@/components/offers/offers-table";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listOffers, OFFER_STATUS_FILTERS, OUTCOME_TYPES, type OfferStatusFilter, type OutcomeType } from "@/lib/offers/queries";
import { partnerChoices } from "@/lib/partners";
import { listPrograms } from "@/lib/programs";
import { pageParams, param, type SearchParams } from "../_lib/search-params";

export const metadata: Metadata = { title: "Offers" };

/** The time of this request (a server component renders once per request), for Scheduled / Active / Expired. */
const requestTime = () => Date.now();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(value: string | undefined, options: readonly T[]): T | undefined => (options.includes(value as T) ? (value as T) : undefined);

export default async function OffersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("offers:read");
  const params = await searchParams;
  const { page, pageSize } = pageParams(params);
  const input: OfferFilterInput = {
    status: oneOf(param(params, "status", 20), OFFER_STATUS_FILTERS),
    programId: param(params, "programId", 40),
    outcomeType: oneOf(param(params, "outcomeType", 20), OUTCOME_TYPES),
    partnerId: param(params, "partnerId", 60),
  };
  const partnerError = input.partnerId && !UUID.test(input.partnerId) ? "A partner id is a UUID, e.g. 3f2b…-…" : undefined;
  const programId = input.programId && UUID.test(input.programId) ? input.programId : undefined;
  const db = getDb();
  const canWrite = can(user.roles, "offers:write");
  const nowMs = requestTime();
  const [result, programmes, partners] = await Promise.all([
    partnerError
      ? Promise.resolve({ rows: [], total: 0 })
      : listOffers(db, {
          status: input.status as OfferStatusFilter | undefined,
          programId,
          outcomeType: input.outcomeType as OutcomeType | undefined,
          partnerId: input.partnerId,
          page,
          pageSize,
          now: new Date(nowMs),
        }),
    listPrograms(db),
    partnerChoices(db),
  ]);
  const rows: OfferRow[] = result.rows;
  const filtered = Boolean(input.status || input.programId || input.outcomeType || input.partnerId);
  const newOffer =
    canWrite && programmes.length > 0 ? (
      <Link href="/offers/new" className={buttonVariants()} data-testid="new-offer">
        <Plus aria-hidden="true" />
        New offer
      </Link>
    ) : undefined;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const empty = filtered ? (
    <EmptyState icon={SearchX} title="No offers match these filters" action={<Link href="/offers" className={secondary}>Clear the filters</Link>}>
      {partnerError ?? "Try another status or programme, or clear a filter."}
    </EmptyState>
  ) : result.total > 0 ? (
    <EmptyState icon={Tag} title="This page is empty" action={<Link href="/offers" className={secondary}>Go to the first page</Link>}>
      There are fewer offers than this page number implies.
    </EmptyState>
  ) : (
    <EmptyState icon={Tag} title="No offers yet" action={newOffer}>
      {canWrite
        ? programmes.length > 0
          ? "An offer rewards members for card spend or activity with points, cashback, vouchers or a partner’s miles. Build one step by step; another user approves it before it earns."
          : "Offers belong to a programme: create a programme first."
        : "Offers appear here once a programme manager creates them."}
    </EmptyState>
  );

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Offers"
        description="Earn rules on card spend and member activity: conditions, a calculation, an outcome, a budget, and an approval by a second person before they go live."
        actions={
          <>
            <Link href="/offers/vouchers" className={buttonVariants({ variant: "secondary" })} data-testid="voucher-pools-link">
              <Ticket aria-hidden="true" />
              Voucher pools
            </Link>
            <Link href="/transactions/imports" className={buttonVariants({ variant: "secondary" })} data-testid="import-transactions-link">
              <FileUp aria-hidden="true" />
              Import transactions
            </Link>
            {result.total > 0 || filtered ? newOffer : undefined}
          </>
        }
      />
      <OfferFilters input={input} programmes={programmes} partners={partners} partnerError={partnerError} pageSize={pageSize} />
      <OffersTable
        rows={rows}
        nowMs={nowMs}
        empty={empty}
        footer={
          result.total > 0 ? (
            <Pagination page={page} pageSize={pageSize} total={result.total} params={{ ...input }} noun={result.total === 1 ? "offer" : "offers"} />
          ) : undefined
        }
      />
    </div>
  );
}
