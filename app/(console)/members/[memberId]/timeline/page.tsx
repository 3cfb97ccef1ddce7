import { FileSearch, History } from "lucide-react";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { memberName } from "@/components/members/member-name";
import { TimelineEntry } from "@/components/members/timeline-entry";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { listMemberTimeline, type TimelinePage } from "@/lib/members/timeline";
import type { SearchParams } from "../../../_lib/search-params";
import { loadMember, loadMemberPrograms } from "../load-member";
import { parseTimelineFilter, timelineParams } from "./filters";
import { TimelineFilters } from "./timeline-filters";

type Params = Promise<{ memberId: string }>;
const PAGE_SIZE = 25;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  return { title: `Timeline · ${memberName(member) ?? member.externalId}` };
}

export default async function MemberTimelinePage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const balances = await loadMemberPrograms(member.id);
  const { input, filter, errors } = parseTimelineFilter(
    await searchParams,
    balances.map((b) => b.programId),
  );
  const path = `/members/${member.id}/timeline`;
  const invalid = Boolean(errors.from || errors.to);
  let page: TimelinePage = { items: [], nextCursor: null };
  let staleCursor = false;
  if (!invalid) {
    try {
      page = await listMemberTimeline(getDb(), member.id, { ...filter, cursor: input.cursor, limit: PAGE_SIZE });
    } catch (error) {
      if (!isDomainError(error) || error.code !== "invalid_cursor") throw error;
      staleCursor = true;
    }
  }
  const filters = timelineParams(input);
  const filtered = Boolean(input.programId || input.kind || input.from || input.to);

  const empty = invalid ? (
    <EmptyState icon={FileSearch} title="Check the dates">
      {errors.to ?? errors.from}
    </EmptyState>
  ) : staleCursor ? (
    <EmptyState icon={FileSearch} title="This page link is not valid">
      Go back to the newest entries.
    </EmptyState>
  ) : input.cursor ? (
    <EmptyState icon={History} title="No older entries">
      You have reached the member’s first entry that matches.
    </EmptyState>
  ) : filtered ? (
    <EmptyState icon={FileSearch} title="Nothing matches these filters">
      Widen the dates, choose another kind or programme, or reset the filters.
    </EmptyState>
  ) : (
    <EmptyState icon={History} title="Nothing has happened yet">
      Transactions, awards, redemptions, transfers, expiries and adjustments will appear here as they happen.
    </EmptyState>
  );

  return (
    <>
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="timeline-heading">Timeline</span>}
          description="Everything that touched the member, newest first: transactions and their line items, awards with the offer and rule that explain them, redemptions with their breakup by programme, transfers, expiries, reversals, adjustments, tier changes and every fulfilment state change."
        />
        <TimelineFilters
          path={path}
          input={input}
          errors={errors}
          programmes={balances.map((b) => ({ id: b.programId, code: b.programCode, name: b.programName }))}
        />
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
          {page.items.length === 0 ? (
            empty
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="Timeline entries, newest first">
              {page.items.map((item) => (
                <TimelineEntry key={item.key} item={item} />
              ))}
            </ol>
          )}
          <div className="border-t border-slate-200 px-4 py-2.5">
            <KeysetPager
              shown={page.items.length}
              newestHref={input.cursor ? hrefWith(path, filters) : null}
              olderHref={page.nextCursor ? hrefWith(path, filters, { cursor: page.nextCursor }) : null}
            />
          </div>
        </div>
      </section>
    </>
  );
}
