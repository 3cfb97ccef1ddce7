import { Activity } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { ProgramsTabs } from "@/components/programs/programs-tabs";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { trackersInUse } from "@/lib/offers/trackers-usage";
import { pageParams, type SearchParams } from "../../_lib/search-params";
import { TrackersTable, type TrackerRow } from "./trackers-table";

export const metadata: Metadata = { title: "Trackers" };

export default async function TrackersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("programs:read");
  const { page, pageSize } = pageParams(await searchParams);
  const all = await trackersInUse(getDb());
  const rows: TrackerRow[] = all.slice((page - 1) * pageSize, page * pageSize).map(({ definition: _definition, ...rest }) => rest);

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Programmes"
        description="Trackers add up members’ activity over a window — spend, bill amount, line items, visits — and milestone offers and tier rules read them. Two offers with the same tracker share one running total."
      />
      <ProgramsTabs />
      <TrackersTable
        rows={rows}
        empty={
          all.length > 0 ? (
            <EmptyState icon={Activity} title="This page is empty" action={<Link href="/programs/trackers" className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
              There are fewer trackers than this page number implies.
            </EmptyState>
          ) : (
            <EmptyState icon={Activity} title="No trackers in use">
              A tracker appears here when a live or paused offer’s milestone reads it, e.g. “when the member’s spend in the calendar year reaches 500,000”.
            </EmptyState>
          )
        }
        footer={all.length > 0 ? <Pagination page={page} pageSize={pageSize} total={all.length} params={{}} noun={all.length === 1 ? "tracker" : "trackers"} /> : undefined}
      />
      <p className="text-xs text-slate-500">Members are counted in the current period of each tracker, in the time zone of the programme of the first offer that reads it.</p>
    </div>
  );
}
