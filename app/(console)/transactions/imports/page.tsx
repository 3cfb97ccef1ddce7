import { Download, FileUp } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { Breadcrumbs } from "@/components/imports/breadcrumbs";
import { ImportsTable, type ImportListRow } from "@/components/imports/imports-table";
import { isActive } from "@/components/imports/status";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listImports } from "@/lib/imports";
import { formatBytes, IMPORT_KIND_INFO, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/format";
import { pageParams, type SearchParams } from "../../_lib/search-params";
import { uploadImportAction } from "./actions";

export const metadata: Metadata = { title: "Transaction imports" };

const info = IMPORT_KIND_INFO.transactions;
const number = new Intl.NumberFormat("en-GB");

function Column({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-3 py-1.5">
      <dt>
        <code className="font-mono text-xs text-slate-800">{name}</code>
      </dt>
      <dd className="text-slate-600">{children}</dd>
    </div>
  );
}

/** The file format, next to the upload form. */
function FormatCard() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>File format</CardTitle>
        <CardDescription>
          CSV with a header row naming the columns as the API does (snake_case), comma-separated (semicolons and tabs also work), UTF-8. Quoted cells may contain
          commas, quotes (doubled) and line breaks.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-[13px]">
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Required</h3>
          <dl className="divide-y divide-slate-100">
            <Column name="external_id">Your id of the transaction. A transaction already received (same id) changes nothing.</Column>
            <Column name="member_id">
              A member id, or <code className="font-mono text-xs">ext:</code> and the member’s external id, e.g. <code className="font-mono text-xs">ext:CUST-10042</code>.
            </Column>
            <Column name="type">
              <code className="font-mono text-xs">purchase</code> or <code className="font-mono text-xs">refund</code>.
            </Column>
            <Column name="amount">In minor units, a whole number: 125000 is 1,250.00. No decimals, no separators.</Column>
            <Column name="currency">ISO 4217 code, e.g. INR.</Column>
            <Column name="occurred_at">ISO 8601 with an offset, e.g. 2026-03-01T09:30:00+05:30.</Column>
          </dl>
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Optional (an empty cell is absent)</h3>
          <p className="text-slate-600">
            {info.optional.map((c, i) => (
              <span key={c}>
                {i > 0 && ", "}
                <code className="font-mono text-xs text-slate-800">{c}</code>
              </span>
            ))}
            .
          </p>
        </div>
        <ul className="list-disc space-y-1 pl-4 text-slate-600">
          <li>Line items are not supported in CSV: send such transactions through the API.</li>
          <li>
            Up to {formatBytes(MAX_IMPORT_BYTES)} and {number.format(MAX_IMPORT_ROWS)} rows per file. A file already imported is recognised and refused.
          </li>
          <li>Rows with errors are skipped and listed by line number; the other rows are imported.</li>
        </ul>
        <div>
          <a href="/transactions/imports/template.csv" className={buttonVariants({ variant: "secondary", size: "sm" })} download>
            <Download aria-hidden="true" />
            Download a template
          </a>
        </div>
      </CardContent>
    </Card>
  );
}

export default async function ImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("offers:read");
  const canUpload = can(user.roles, "offers:write");
  const { page, pageSize } = pageParams(await searchParams);
  const result = await listImports(getDb(), { page, pageSize, kind: "transactions" });
  const rows: ImportListRow[] = result.rows;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const empty =
    result.total > 0 ? (
      <EmptyState icon={FileUp} title="This page is empty" action={<Link href="/transactions/imports" className={secondary}>Go to the first page</Link>}>
        There are fewer imports than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={FileUp} title="No imports yet">
        {canUpload ? "Upload a CSV file of card or POS transactions above: each row is evaluated against the live offers, as if sent through the API." : "Files uploaded by programme managers appear here."}
      </EmptyState>
    );

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Breadcrumbs items={[{ label: "Offers", href: "/offers" }, { label: "Transaction imports" }]} />
        <PageHeader
          title="Transaction imports"
          description="Load card or POS transactions from a CSV file. Every row goes through the same checks and offers as a transaction sent to the API; rows with errors are reported by line."
        />
      </div>
      {canUpload && (
        <div className="grid items-start gap-5 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Upload a file</CardTitle>
              <CardDescription>The file is checked (header, size, each row’s format) before anything is stored. Large files are processed in the background.</CardDescription>
            </CardHeader>
            <CardContent>
              <ImportUploadForm kind="transactions" action={uploadImportAction} />
            </CardContent>
          </Card>
          <FormatCard />
        </div>
      )}
      <section className="flex flex-col gap-3" aria-labelledby="imports-heading">
        <PageHeader level={2} title={<span id="imports-heading">Imports</span>} />
        <ImportsTable
          rows={rows}
          empty={empty}
          footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "import" : "imports"} /> : undefined}
        />
      </section>
      <AutoRefresh active={rows.some((r) => isActive(r.status))} />
    </div>
  );
}
