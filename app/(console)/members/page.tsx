import { SearchX, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { memberName } from "@/components/members/member-name";
import { MemberSearch } from "@/components/members/member-search";
import { MembersTable, type MemberRow } from "@/components/members/members-table";
import { pointValue } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listMembers } from "@/lib/members/queries";
import { listPrograms } from "@/lib/programs";
import { pageParams, param, type SearchParams } from "../_lib/search-params";
import { EnrolMemberDialog, type EnrolProgramOption } from "./enrol-member-dialog";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("members:read");
  const params = await searchParams;
  const q = param(params, "q", 100);
  const { page, pageSize } = pageParams(params);
  const db = getDb();
  const canWrite = can(user.roles, "members:write");
  const [result, programs] = await Promise.all([listMembers(db, { q, page, pageSize }), canWrite ? listPrograms(db) : Promise.resolve([])]);
  const rows: MemberRow[] = result.rows.map((m) => ({
    id: m.id,
    externalId: m.externalId,
    name: memberName(m),
    email: m.email,
    phone: m.phone,
    programmes: m.programmes,
    createdAt: m.createdAt,
  }));
  const options: EnrolProgramOption[] = programs.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    isDefault: p.isDefault,
    pointValue: pointValue(p.pointsToCurrency, p.currency),
  }));
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  const empty = q ? (
    <EmptyState icon={SearchX} title={`No members match “${q}”`} action={<Link href="/members" className={secondary}>Clear search</Link>}>
      Search matches the start of an external id, email, first or last name, or full name; the digits of a phone number, with or without its country code; or a member id.
    </EmptyState>
  ) : result.total > 0 ? (
    <EmptyState icon={Users} title="This page is empty" action={<Link href="/members" className={secondary}>Go to the first page</Link>}>
      There are fewer members than this page number implies.
    </EmptyState>
  ) : (
    <EmptyState icon={Users} title="No members yet">
      {canWrite
        ? programs.length > 0
          ? "Enrol a member with “Enrol member”, or let the bank’s systems enrol them through the API."
          : "Members are enrolled in programmes; a programme manager creates the first programme."
        : "Members appear here when they are enrolled, from the console or through the API."}
    </EmptyState>
  );

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Members"
        description="Find a member by the bank’s customer id, email, phone or name, and see their points in every programme."
        actions={canWrite && programs.length > 0 ? <EnrolMemberDialog programs={options} /> : undefined}
      />
      <MemberSearch q={q} pageSize={pageSize} />
      <MembersTable
        rows={rows}
        empty={empty}
        footer={result.total > 0 ? <Pagination page={page} pageSize={pageSize} total={result.total} params={{ q }} noun={result.total === 1 ? "member" : "members"} /> : undefined}
      />
    </div>
  );
}
