import { Plus, UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { SECTION_META } from "@/components/console/section-meta";
import { formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listSegments } from "@/lib/segments";
import { pageParams, type SearchParams } from "../_lib/search-params";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("segments:read");
  const { page, pageSize } = pageParams(await searchParams);
  const { rows, total } = await listSegments(getDb(), { limit: pageSize, offset: (page - 1) * pageSize });
  const canWrite = can(user.roles, "segments:write");
  const newButton = canWrite ? (
    <Link href="/segments/new" className={buttonVariants()}>
      <Plus aria-hidden="true" /> New segment
    </Link>
  ) : undefined;
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Segments" description={SECTION_META.segments.description} actions={newButton} />
      <Card>
        {rows.length === 0 ? (
          <EmptyState icon={UsersRound} title={total > 0 ? "This page is empty" : "No segments yet"} action={total > 0 ? <Link href="/segments" className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link> : newButton}>
            {total > 0 ? "There are fewer segments than this page number implies." : "A segment is a saved group of members — by programme, tier, spend and profile — that offers can target and you can export."}
          </EmptyState>
        ) : (
          <table className="w-full text-[13px]">
            <caption className="sr-only">Saved segments</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-5 py-2.5 font-medium">Segment</th>
                <th scope="col" className="px-5 py-2.5 text-right font-medium">Members</th>
                <th scope="col" className="hidden px-5 py-2.5 font-medium md:table-cell">Counted</th>
                <th scope="col" className="hidden px-5 py-2.5 font-medium md:table-cell">Last changed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((s) => (
                <tr key={s.id} className="hover:bg-slate-50">
                  <td className="px-5 py-3">
                    <Link href={`/segments/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                      {s.name}
                    </Link>
                    {s.description && <p className="mt-0.5 line-clamp-1 text-slate-600">{s.description}</p>}
                  </td>
                  <td className="px-5 py-3 text-right text-slate-900 tabular-nums">{formatPoints(s.memberCount)}</td>
                  <td className="hidden px-5 py-3 text-slate-600 md:table-cell">{s.countedAt ? <DateTime value={s.countedAt} format="relative" /> : "not yet"}</td>
                  <td className="hidden px-5 py-3 text-slate-600 md:table-cell"><DateTime value={s.updatedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {total > pageSize && <Pagination page={page} pageSize={pageSize} total={total} params={{}} noun="segments" />}
    </div>
  );
}
