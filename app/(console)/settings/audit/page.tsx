import { FileSearch, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { auditEntityTypes, listAuditLog } from "@/lib/audit/queries";
import { requirePagePermission } from "@/lib/auth/session";
import type { SearchParams } from "../../_lib/search-params";
import { AuditFilters } from "./audit-filters";
import { AuditTable, type AuditRow } from "./audit-table";
import { filterParams, parseAuditFilter } from "./filters";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/settings/audit";
const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("audit:read");
  const { input, query, errors } = parseAuditFilter(await searchParams);
  const db = getDb();
  const invalid = Boolean(errors.from || errors.to);
  const [entityTypes, result] = await Promise.all([
    auditEntityTypes(db),
    invalid ? Promise.resolve({ rows: [], nextBefore: null }) : listAuditLog(db, { ...query, limit: PAGE_SIZE }),
  ]);
  const rows: AuditRow[] = result.rows.map((e) => ({
    id: e.id,
    at: e.at,
    actorType: e.actorType,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  }));
  const filters = filterParams(input);
  const filtered = Boolean(input.actor || input.entityType || input.entityId || input.from || input.to);

  const empty = invalid ? (
    <EmptyState icon={FileSearch} title="Check the dates">
      {errors.to ?? errors.from}
    </EmptyState>
  ) : input.before ? (
    <EmptyState icon={ScrollText} title="No older entries">
      You have reached the oldest entry that matches.
    </EmptyState>
  ) : filtered ? (
    <EmptyState icon={FileSearch} title="No entries match these filters">
      Widen the dates or clear a filter.
    </EmptyState>
  ) : (
    <EmptyState icon={ScrollText} title="The audit log is empty">
      Every change made in the console or through the API will be recorded here.
    </EmptyState>
  );

  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <PageHeader
        level={2}
        title={<span id="audit-heading">Audit log</span>}
        description="Who changed what, and when: every change from the console, the API and the system, newest first. Entries cannot be edited or deleted."
      />
      <AuditFilters input={input} errors={errors} entityTypes={entityTypes} />
      <AuditTable
        rows={rows}
        empty={empty}
        footer={
          <KeysetPager
            shown={rows.length}
            newestHref={input.before ? hrefWith(PATH, filters) : null}
            olderHref={result.nextBefore ? hrefWith(PATH, filters, { before: String(result.nextBefore) }) : null}
          />
        }
      />
    </section>
  );
}
