import { ReceiptText } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { OpenCyclePanel } from "@/components/partners/open-cycle";
import { StatementsTable } from "@/components/partners/statements-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listStatements, openBillingCycle } from "@/lib/partners/billing";
import { pageParams, type SearchParams } from "../../../_lib/search-params";
import { loadPartner } from "../load-partner";

export const metadata: Metadata = { title: "Partner billing" };

/** A post-paid partner's billing: the open cycle, closing it, and its statements with their CSV. */
export default async function PartnerBillingPage({ params, searchParams }: { params: Promise<{ partnerId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("partners:read");
  const partner = await loadPartner((await params).partnerId);
  if (partner.fundingMode !== "postpaid") notFound();
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const [cycle, statements] = await Promise.all([openBillingCycle(db, partner.id), listStatements(db, partner.id, { page, pageSize })]);
  return (
    <div className="flex flex-col gap-6">
      <OpenCyclePanel partnerId={partner.id} partnerName={partner.name} cycle={cycle} canClose={can(user.roles, "partners:write")} />
      <section aria-labelledby="statements-heading" className="flex flex-col gap-3">
        <PageHeader level={2} title={<span id="statements-heading">Statements</span>} description="Each statement bills the transactions its close claimed; the next one starts where it ended." />
        <StatementsTable
          rows={statements.rows.map((s) => ({ ...s, csvHref: `/partners/${partner.id}/statements/${s.id}/csv` }))}
          empty={
            <EmptyState icon={ReceiptText} title="No statements yet">
              Close the open cycle to produce the first statement.
            </EmptyState>
          }
          footer={statements.total > 0 ? <Pagination page={page} pageSize={pageSize} total={statements.total} params={{}} noun={statements.total === 1 ? "statement" : "statements"} /> : undefined}
        />
      </section>
    </div>
  );
}
