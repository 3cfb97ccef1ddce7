import { SearchX, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users";
import { pageParams, param, type SearchParams } from "../../_lib/search-params";
import { NewUserDialog } from "./new-user-dialog";
import { SearchForm } from "@/components/ui/search-form";
import { UsersTable, type UserRow } from "./users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("users:read");
  const params = await searchParams;
  const q = param(params, "q", 100);
  const { page, pageSize } = pageParams(params);
  const result = await listUsers(getDb(), { q, page, pageSize });
  const canWrite = can(user.roles, "users:write");
  const rows: UserRow[] = result.rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    roles: u.roles,
    active: u.active,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
    deactivatedAt: u.deactivatedAt,
  }));

  const empty = q ? (
    <EmptyState
      icon={SearchX}
      title={`No users match “${q}”`}
      action={
        <Link href="/settings/users" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          Clear search
        </Link>
      }
    >
      Search matches the start of an email address or any part of a name.
    </EmptyState>
  ) : result.total > 0 ? (
    <EmptyState icon={Users} title="This page is empty" action={<Link href="/settings/users" className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
      There are fewer users than this page number implies.
    </EmptyState>
  ) : (
    <EmptyState icon={Users} title="No users yet">
      {canWrite ? "Add the people who will use the console with “New user”." : "An administrator adds the people who use the console."}
    </EmptyState>
  );

  return (
    <section aria-labelledby="users-heading" className="flex flex-col gap-4">
      <PageHeader
        level={2}
        title={<span id="users-heading">Users</span>}
        description={
          canWrite
            ? "People who can sign in to the console. Their roles decide what they can see and change."
            : "People who can sign in to the console. Your role can read this list but not change it."
        }
        actions={canWrite ? <NewUserDialog /> : undefined}
      />
      <SearchForm action="/settings/users" q={q} pageSize={pageSize} label="Search users by name or email" placeholder="Name or email" />
      <UsersTable
        rows={rows}
        currentUserId={user.id}
        canWrite={canWrite}
        empty={empty}
        footer={<Pagination page={page} pageSize={pageSize} total={result.total} params={{ q }} noun={result.total === 1 ? "user" : "users"} />}
      />
    </section>
  );
}
