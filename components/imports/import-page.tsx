import { CheckCircle2, Download, SearchX } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { Breadcrumbs } from "@/components/imports/breadcrumbs";
import { ImportErrorsTable, type ImportErrorRow } from "@/components/imports/errors-table";
import { ImportProgress, type ImportProgressData } from "@/components/imports/import-progress";
import { isActive } from "@/components/imports/status";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { isDomainError } from "@/lib/errors";
import { countRepeatedRows, getImport, listImportErrors, type ImportView } from "@/lib/imports";
import { formatBytes, IMPORT_KIND_INFO, IMPORT_KIND_PATHS, type ImportKindName } from "@/lib/imports/format";

/** One import of a kind (not_found for an unknown id, or an import of another kind). */
export const loadImport = cache(async (importId: string, kind: ImportKindName): Promise<ImportView> => {
  try {
    const view = await getImport(getDb(), importId);
    if (view.kind !== kind) notFound();
    return view;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

/**
 * The page of one import: the file, its progress (polled while it runs) and the error report by line.
 * Shared by the kinds; each passes its breadcrumbs and how rows already imported are recognised.
 */
export async function ImportPage({
  importId,
  kind,
  page,
  pageSize,
  crumbs,
  repeatHint,
}: {
  importId: string;
  kind: ImportKindName;
  page: number;
  pageSize: number;
  crumbs: { label: string; href?: string }[];
  /** How a corrected file avoids importing rows twice, for the error report's description. */
  repeatHint: string;
}) {
  const view = await loadImport(importId, kind);
  const base = IMPORT_KIND_PATHS[kind];
  const db = getDb();
  const finished = !isActive(view.status);
  const [errors, repeatedRows] = await Promise.all([listImportErrors(db, view, { page, pageSize }), finished ? countRepeatedRows(db, view.id) : 0]);
  const info = IMPORT_KIND_INFO[view.kind];
  const progress: ImportProgressData = {
    status: view.status,
    totalRows: view.totalRows,
    processedRows: view.processedRows,
    okRows: view.okRows,
    errorRows: view.errorRows,
    repeatedRows,
    startedAt: view.startedAt?.toISOString() ?? null,
    finishedAt: view.finishedAt?.toISOString() ?? null,
    error: view.error,
  };
  const rows: ImportErrorRow[] = errors.rows;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const empty =
    errors.total > 0 ? (
      <EmptyState icon={SearchX} title="This page is empty" action={<Link href={`${base}/${view.id}`} className={secondary}>Go to the first page</Link>}>
        There are fewer errors than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={CheckCircle2} title={finished ? "No errors" : "No errors so far"}>
        {finished ? "Every row of the file was imported." : "Rows that cannot be imported appear here as the import runs."}
      </EmptyState>
    );

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Breadcrumbs items={[...crumbs, { label: view.fileName }]} />
        <PageHeader
          title={<span className="break-all">{view.fileName}</span>}
          description={
            <>
              {info.label} · {formatBytes(view.fileSize)} · uploaded by {view.createdBy.name} ({view.createdBy.email}) on <DateTime value={view.createdAt} />
            </>
          }
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Progress</CardTitle>
        </CardHeader>
        <CardContent>
          <ImportProgress importId={view.id} initial={progress} basePath={base} />
        </CardContent>
      </Card>
      <section id="errors" className="flex scroll-mt-20 flex-col gap-3" aria-labelledby="errors-heading">
        <PageHeader
          level={2}
          title={<span id="errors-heading">Error report</span>}
          description={`Rows that were not imported, by their line in the file (the header is line 1). Fix them and upload them again in a new file: ${repeatHint}`}
          actions={
            errors.total > 0 ? (
              <a href={`${base}/${view.id}/errors.csv`} className={secondary} download data-testid="download-errors">
                <Download aria-hidden="true" />
                Download errors (CSV)
              </a>
            ) : undefined
          }
        />
        <ImportErrorsTable
          rows={rows}
          referenceLabel={info.referenceColumn}
          empty={empty}
          footer={errors.total > 0 ? <Pagination page={page} pageSize={pageSize} total={errors.total} params={{}} noun={errors.total === 1 ? "error" : "errors"} /> : undefined}
        />
      </section>
      <p className="text-xs text-slate-500">
        File SHA-256: <span className="font-mono break-all">{view.fileSha256}</span>
      </p>
    </div>
  );
}
