import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listApiKeys } from "@/lib/api-keys";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParams, type SearchParams } from "../../_lib/search-params";
import { apiKeyRows } from "./api-key-rows";
import { ApiKeysTable } from "./api-keys-table";
import { NewApiKeyDialog } from "./new-api-key-dialog";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("api_keys:read");
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const result = await listApiKeys(db, { page, pageSize });
  const canWrite = can(user.roles, "api_keys:write");

  const rows = await apiKeyRows(db, result.rows);

  return (
    <section aria-labelledby="api-keys-heading" className="flex flex-col gap-4">
      <PageHeader
        level={2}
        title={<span id="api-keys-heading">API keys</span>}
        description="Keys let systems such as a POS, the card switch or a partner call the Coalition API. Each key has only the scopes it was given."
        actions={canWrite ? <NewApiKeyDialog /> : undefined}
      />
      <ApiKeysTable
        rows={rows}
        canWrite={canWrite}
        empty={
          <EmptyState icon={KeyRound} title={result.total > 0 ? "This page is empty" : "No API keys yet"}>
            {result.total > 0
              ? "There are fewer keys than this page number implies."
              : canWrite
                ? "Create a key for each system that calls the API, with “New API key”."
                : "An administrator creates a key for each system that calls the API."}
          </EmptyState>
        }
        footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "key" : "keys"} /> : undefined}
      />
    </section>
  );
}
