import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { NewPartnerKeyDialog } from "@/components/partners/new-partner-key-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listApiKeys } from "@/lib/api-keys";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { pageParams, type SearchParams } from "../../../_lib/search-params";
import { apiKeyRows } from "../../../settings/api-keys/api-key-rows";
import { ApiKeysTable } from "../../../settings/api-keys/api-keys-table";
import { revokePartnerApiKeyAction } from "../../actions";
import { loadPartner } from "../load-partner";

export const metadata: Metadata = { title: "Partner API keys" };

/** The partner's own API keys: they may send only its earn transactions (and look up members). */
export default async function PartnerKeysPage({ params, searchParams }: { params: Promise<{ partnerId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("partners:read");
  const partner = await loadPartner((await params).partnerId);
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const result = await listApiKeys(db, { page, pageSize, partnerId: partner.id });
  const canWrite = can(user.roles, "partners:write");
  return (
    <section aria-labelledby="keys-heading" className="flex flex-col gap-4">
      <PageHeader
        level={2}
        title={<span id="keys-heading">API keys</span>}
        description={`Keys for ${partner.name}'s systems to send its earn transactions to POST /api/v1/partners/${partner.id}/transactions. A key of this partner cannot act for any other.`}
        actions={canWrite ? <NewPartnerKeyDialog partnerId={partner.id} partnerName={partner.name} /> : undefined}
      />
      <ApiKeysTable
        rows={await apiKeyRows(db, result.rows)}
        canWrite={canWrite}
        revoke={{ action: revokePartnerApiKeyAction, fields: { partnerId: partner.id } }}
        empty={
          <EmptyState icon={KeyRound} title={result.total > 0 ? "This page is empty" : "No keys for this partner yet"}>
            {result.total > 0 ? "There are fewer keys than this page number implies." : canWrite ? "Create a key for the partner's system with “New partner key”; it is shown once." : "A partner manager creates the partner's keys."}
          </EmptyState>
        }
        footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "key" : "keys"} /> : undefined}
      />
    </section>
  );
}
