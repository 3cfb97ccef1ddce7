import type { Metadata } from "next";
import { ImportPage, loadImport } from "@/components/imports/import-page";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParams, type SearchParams } from "../../../_lib/search-params";

type Params = Promise<{ importId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("offers:read");
  return { title: `${(await loadImport((await params).importId, "transactions")).fileName} · Imports` };
}

export default async function TransactionImportPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePagePermission("offers:read");
  const { page, pageSize } = pageParams(await searchParams);
  return (
    <ImportPage
      importId={(await params).importId}
      kind="transactions"
      page={page}
      pageSize={pageSize}
      crumbs={[
        { label: "Offers", href: "/offers" },
        { label: "Transaction imports", href: "/transactions/imports" },
      ]}
      repeatHint="rows already imported are recognised by their external_id and change nothing."
    />
  );
}
