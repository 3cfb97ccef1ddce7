import { CalendarClock, Download, Layers } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { formatPoints } from "@/components/programs/format";
import { CheckTheChoices } from "@/components/reports/check-choices";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { listExpiringPoints } from "@/lib/expiry/report";
import { parseExpiringParams } from "@/lib/expiry/report-params";
import { listPrograms } from "@/lib/programs";
import { pageParams, param, type SearchParams } from "../../_lib/search-params";
import { ExpiringFilters } from "./filters";
import { ExpiringTable } from "./expiring-table";

export const metadata: Metadata = { title: "Points expiring soon" };

const PATH = "/reports/expiring";

export default async function ExpiringPointsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("reports:read");
  const params = await searchParams;
  const { page, pageSize } = pageParams(params);
  const db = getDb();
  const programs = await listPrograms(db);
  const parsed = parseExpiringParams({ program: param(params, "program", 40), days: param(params, "days", 4) }, programs);
  const programId = parsed.ok ? parsed.programId : (programs.find((p) => p.isDefault) ?? programs[0])?.id ?? null;
  const days = parsed.ok ? parsed.days : 30;
  const program = programs.find((p) => p.id === programId);
  const header = (
    <PageHeader
      title="Points expiring soon"
      description="Members whose points will expire if they do not spend them, soonest first. A member's points expire at the end of the day shown, in the programme's time zone; the expiry job then moves them to expired."
    />
  );
  const filters = (
    <ExpiringFilters programs={programs} programId={programId} days={days} pageSize={pageSize} error={parsed.ok ? undefined : { field: parsed.field, message: parsed.message }} />
  );

  if (!parsed.ok || !program) {
    return (
      <div className="flex flex-col gap-5">
        {header}
        {programs.length > 0 && filters}
        {program ? (
          <CheckTheChoices startAgain={PATH}>{!parsed.ok && parsed.message}</CheckTheChoices>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
            <EmptyState icon={Layers} title="No programmes yet">
              Points expire in a programme: once one is set up and members earn points, they appear here before their points expire.
            </EmptyState>
          </div>
        )}
      </div>
    );
  }

  const query = { programId: program.id, days, now: new Date() };
  const result = await listExpiringPoints(db, { ...query, page, pageSize });
  const kept = { program: program.isDefault ? undefined : program.id, days: days === 30 ? undefined : String(days) };
  const csvHref = hrefWith(`${PATH}/csv`, { program: program.id, days: String(days) });
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const empty =
    result.members > 0 ? (
      <EmptyState icon={CalendarClock} title="This page is empty" action={<Link href={hrefWith(PATH, kept)} className={secondary}>Go to the first page</Link>}>
        There are fewer members than this page number implies.
      </EmptyState>
    ) : (
      <EmptyState icon={CalendarClock} title={`No points expire in the next ${days} days`}>
        No member of {program.name} has points expiring before {days} days from now.
        {days < 90 && " Try a longer window."}
      </EmptyState>
    );

  return (
    <div className="flex flex-col gap-5">
      {header}
      {filters}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-[13px] text-slate-700" data-testid="expiring-summary">
          <span className="font-semibold text-slate-900">{formatPoints(result.members)}</span> {result.members === 1 ? "member has" : "members have"}{" "}
          <span className="font-semibold text-slate-900">{formatPoints(result.points)}</span> {result.points === 1 ? "point" : "points"} of {program.name} expiring in the next {days} days.
        </p>
        {result.members > 0 && (
          <a href={csvHref} className={secondary} download>
            <Download aria-hidden="true" /> Download CSV
          </a>
        )}
      </div>
      <ExpiringTable
        rows={result.rows}
        empty={empty}
        footer={result.members > 0 ? <Pagination page={page} pageSize={pageSize} total={result.members} params={kept} noun={result.members === 1 ? "member" : "members"} /> : undefined}
      />
    </div>
  );
}
