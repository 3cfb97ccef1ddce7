import { ArrowLeft, Download, Pencil, UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { formatPoints } from "@/components/programs/format";
import { StatTile } from "@/components/reports/stat-tile";
import { DeleteSegmentButton } from "@/components/segments/delete-segment";
import { describeSegment } from "@/components/segments/describe";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { definitionOf, getSegment, offersTargeting, segmentMembersPage } from "@/lib/segments";
import { segmentProgrammes } from "@/lib/segments/labels";
import { pageParams, type SearchParams } from "../../_lib/search-params";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params, searchParams }: { params: Promise<{ segmentId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("segments:read");
  const { segmentId } = await params;
  const { page, pageSize } = pageParams(await searchParams);
  const db = getDb();
  const segment = await getSegment(db, segmentId).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [{ labels }, offers, members] = await Promise.all([
    segmentProgrammes(db),
    offersTargeting(db, segment.id),
    segmentMembersPage(db, segment.id, { limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const canWrite = can(user.roles, "segments:write");
  const secondary = buttonVariants({ variant: "secondary" });
  const actions = (
    <div className="flex flex-wrap gap-2">
      <a href={`/segments/${segment.id}/csv`} className={secondary} download>
        <Download aria-hidden="true" /> Export CSV
      </a>
      {canWrite && (
        <>
          <Link href={`/segments/${segment.id}/edit`} className={secondary}>
            <Pencil aria-hidden="true" /> Edit
          </Link>
          <DeleteSegmentButton segmentId={segment.id} name={segment.name} targetedBy={offers.length} />
        </>
      )}
    </div>
  );
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/segments" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Segments
        </Link>
        <PageHeader title={segment.name} description={segment.description || undefined} actions={actions} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <StatTile label="Members" value={formatPoints(segment.memberCount)} testId="segment-member-count" detail={<>as of {segment.countedAt ? <DateTime value={segment.countedAt} /> : "—"}</>} />
        <StatTile label="Offers targeting it" value={formatPoints(offers.length)} detail={offers.length === 0 ? "None yet" : "Only its members earn from them"} />
        <StatTile label="Last changed" value={<DateTime value={segment.updatedAt} format="date" />} detail={`Version ${segment.version}`} />
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Who is in it</CardTitle>
            <CardDescription>Members who meet every condition. The worker lists them again every 5 minutes; saving lists them at once.</CardDescription>
          </CardHeader>
          <ul className="flex list-disc flex-col gap-1.5 py-4 pr-5 pl-10 text-[13px] text-slate-800 marker:text-slate-400" data-testid="segment-conditions">
            {describeSegment(definitionOf(segment), labels).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Offers targeting it</CardTitle>
            <CardDescription>Offers not ended whose member filters name this segment.</CardDescription>
          </CardHeader>
          {offers.length === 0 ? (
            <p className="px-5 py-4 text-[13px] text-slate-500">No offer targets this segment. Choose it in an offer’s member filters.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {offers.map((o) => (
                <li key={o.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-[13px]">
                  <Link href={`/offers/${o.id}`} className="font-medium text-indigo-700 hover:underline">
                    {o.name}
                  </Link>
                  <Badge>{o.status}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
        </CardHeader>
        {members.length === 0 ? (
          <EmptyState icon={UsersRound} title={segment.memberCount > 0 ? "This page is empty" : "No members match"}>
            {segment.memberCount > 0 ? "There are fewer members than this page number implies." : "No member meets every condition now. Edit the segment to widen it."}
          </EmptyState>
        ) : (
          <table className="w-full text-[13px]">
            <caption className="sr-only">Members of {segment.name}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-5 py-2.5 font-medium">Member</th>
                <th scope="col" className="px-5 py-2.5 font-medium">External id</th>
                <th scope="col" className="hidden px-5 py-2.5 font-medium md:table-cell">Email</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <td className="px-5 py-2.5">
                    <Link href={`/members/${m.id}`} className="font-medium text-indigo-700 hover:underline">
                      {[m.firstName, m.lastName].filter(Boolean).join(" ") || m.externalId}
                    </Link>
                  </td>
                  <td className="px-5 py-2.5 font-mono text-xs text-slate-700">{m.externalId}</td>
                  <td className="hidden px-5 py-2.5 text-slate-600 md:table-cell">{m.email ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {segment.memberCount > pageSize && <Pagination page={page} pageSize={pageSize} total={segment.memberCount} params={{}} noun="members" />}
    </div>
  );
}
