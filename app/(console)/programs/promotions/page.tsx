import { FileUp, Gift } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ProgramsTabs } from "@/components/programs/programs-tabs";
import { AwardPromotionForm } from "@/components/promotions/award-form";
import { PromotionsTable } from "@/components/promotions/promotions-table";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listPromotions, programChoices } from "@/lib/promotions/queries";
import { pageParams, type SearchParams } from "../../_lib/search-params";
import { awardPromotionalPointsAction } from "./actions";

export const metadata: Metadata = { title: "Promotional points" };

/**
 * Promotional points live with the programmes: they are a programme's points given outside any
 * transaction, by the people who run the programme (programs:write). Member care corrects balances
 * with adjustments, which another agent approves; this page has no such check, so it is not theirs.
 */
export default async function PromotionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("programs:read");
  const canWrite = can(user.roles, "programs:write");
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const [programs, awards] = await Promise.all([canWrite ? programChoices(db) : Promise.resolve([]), listPromotions(db, { page, pageSize })]);
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Programmes"
        description="Promotional points are bonus points not tied to a transaction: for a campaign, a goodwill gesture or to balance lifetime points. Each award is a ledger entry with its own expiry."
        actions={
          <Link href="/programs/promotions/imports" className={secondary}>
            <FileUp aria-hidden="true" />
            Import from CSV
          </Link>
        }
      />
      <ProgramsTabs />
      {canWrite &&
        (programs.length === 0 ? (
          <Card>
            <EmptyState icon={Gift} title="No programme yet" action={<Link href="/programs" className={secondary}>Go to the programmes</Link>}>
              Create a programme first: promotional points are awarded in a programme.
            </EmptyState>
          </Card>
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>Award points to one member</CardTitle>
              <CardDescription>To award many members at once, import a CSV file. Back-dated points expire as if awarded on that day.</CardDescription>
            </CardHeader>
            <CardContent>
              <AwardPromotionForm programs={programs} action={awardPromotionalPointsAction} />
            </CardContent>
          </Card>
        ))}
      <section className="flex flex-col gap-3" aria-labelledby="awards-heading">
        <PageHeader level={2} title={<span id="awards-heading">Recent promotional awards</span>} description="From the console and from imports, newest first." />
        <PromotionsTable
          rows={awards.rows}
          empty={
            awards.total > 0 ? (
              <EmptyState icon={Gift} title="This page is empty" action={<Link href="/programs/promotions" className={secondary}>Go to the first page</Link>}>
                There are fewer awards than this page number implies.
              </EmptyState>
            ) : (
              <EmptyState icon={Gift} title="No promotional points yet">
                {canWrite ? "Award points to a member above, or import a CSV file of awards." : "Points awarded by programme managers appear here."}
              </EmptyState>
            )
          }
          footer={awards.total > 0 ? <Pagination page={page} pageSize={pageSize} total={awards.total} params={{}} noun={awards.total === 1 ? "award" : "awards"} /> : undefined}
        />
      </section>
    </div>
  );
}
