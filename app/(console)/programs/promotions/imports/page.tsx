import { FileUp } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { Breadcrumbs } from "@/components/imports/breadcrumbs";
import { ImportsTable } from "@/components/imports/imports-table";
import { isActive } from "@/components/imports/status";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { PromotionsFormatCard } from "@/components/promotions/format-card";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listImports } from "@/lib/imports";
import { pageParams, type SearchParams } from "../../../_lib/search-params";
import { uploadPromotionsAction } from "../actions";

export const metadata: Metadata = { title: "Promotional points imports" };

export default async function PromotionalImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("programs:read");
  const canUpload = can(user.roles, "programs:write");
  const { page, pageSize } = pageParams(await searchParams);
  const result = await listImports(getDb(), { page, pageSize, kind: "promotional_points" });

  const empty =
    result.total > 0 ? (
      <EmptyState icon={FileUp} title="This page is empty" action={<Link href="/programs/promotions/imports" className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
        There are fewer imports than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={FileUp} title="No imports yet">
        {canUpload ? "Upload a CSV file of promotional points above: each row awards points to one member." : "Files uploaded by programme managers appear here."}
      </EmptyState>
    );

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Breadcrumbs items={[{ label: "Programmes", href: "/programs" }, { label: "Promotional points", href: "/programs/promotions" }, { label: "Imports" }]} />
        <PageHeader
          title="Promotional points imports"
          description="Award points to many members from a CSV file, e.g. a campaign’s winners or lifetime balances brought over from another system. Rows with errors are reported by line."
        />
      </div>
      {canUpload && (
        <div className="grid items-start gap-5 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Upload a file</CardTitle>
              <CardDescription>The file is checked (header, size, each row’s format) before anything is stored, then awarded in the background, in batches.</CardDescription>
            </CardHeader>
            <CardContent>
              <ImportUploadForm kind="promotional_points" action={uploadPromotionsAction} />
            </CardContent>
          </Card>
          <PromotionsFormatCard />
        </div>
      )}
      <section className="flex flex-col gap-3" aria-labelledby="imports-heading">
        <PageHeader level={2} title={<span id="imports-heading">Imports</span>} />
        <ImportsTable
          rows={result.rows}
          empty={empty}
          footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "import" : "imports"} /> : undefined}
        />
      </section>
      <AutoRefresh active={result.rows.some((r) => isActive(r.status))} />
    </div>
  );
}
