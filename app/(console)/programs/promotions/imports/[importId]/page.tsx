import type { Metadata } from "next";
import { ImportPage, loadImport } from "@/components/imports/import-page";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParams, type SearchParams } from "../../../../_lib/search-params";

type Params = Promise<{ importId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("programs:read");
  return { title: `${(await loadImport((await params).importId, "promotional_points")).fileName} · Promotional points` };
}

export default async function PromotionalImportPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePagePermission("programs:read");
  const { page, pageSize } = pageParams(await searchParams);
  return (
    <ImportPage
      importId={(await params).importId}
      kind="promotional_points"
      page={page}
      pageSize={pageSize}
      crumbs={[
        { label: "Programmes", href: "/programs" },
        { label: "Promotional points", href: "/programs/promotions" },
        { label: "Imports", href: "/programs/promotions/imports" },
      ]}
      repeatHint="rows already awarded (the same external_reference in the programme, or the same line of the same file) are recognised and change nothing."
    />
  );
}
