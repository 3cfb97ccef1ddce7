"use client";

import { UserCheck, UserX } from "lucide-react";
import type { ReactNode } from "react";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { setUserActiveAction } from "./actions";
import { EditRolesDialog } from "./edit-roles-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";

/** What the table shows of a user (never the password hash). */
export type UserRow = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  deactivatedAt: Date | null;
};

export function UsersTable({
  rows,
  currentUserId,
  canWrite,
  empty,
  footer,
}: {
  rows: UserRow[];
  currentUserId: string;
  canWrite: boolean;
  empty: ReactNode;
  footer?: ReactNode;
}) {
  const columns: ColumnDef<UserRow, unknown>[] = [
    {
      id: "user",
      header: "Name and email",
      cell: ({ row: { original: u } }) => (
        <div className="leading-tight">
          <div className="flex items-center gap-1.5 font-medium whitespace-nowrap text-slate-900">
            {u.name}
            {u.id === currentUserId && <Badge tone="accent">You</Badge>}
          </div>
          <div className="mt-0.5 text-xs whitespace-nowrap text-slate-500">{u.email}</div>
        </div>
      ),
    },
    {
      id: "roles",
      header: "Roles",
      cell: ({ row }) => (
        <div className="flex flex-wrap gap-1">
          {row.original.roles.length === 0 ? <span className="text-slate-500">None</span> : row.original.roles.map((r) => <Badge key={r}>{ROLE_LABELS[r] ?? r}</Badge>)}
        </div>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: u } }) =>
        u.active ? (
          <StatusBadge tone="success">Active</StatusBadge>
        ) : (
          <span title={u.deactivatedAt ? `Deactivated ${u.deactivatedAt.toISOString()}` : undefined}>
            <StatusBadge tone="neutral">Deactivated</StatusBadge>
          </span>
        ),
    },
    { id: "lastSignIn", header: "Last sign-in", cell: ({ row }) => <DateTime value={row.original.lastSignInAt} empty="Never" /> },
    { id: "created", header: "Created", cell: ({ row }) => <DateTime value={row.original.createdAt} format="date" /> },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="pr-1">Actions</span>,
      meta: { className: "w-px text-right" },
      cell: ({ row: { original: u } }) => <UserActions user={u} isSelf={u.id === currentUserId} />,
    });
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Console users"
      empty={empty}
      footer={footer}
      getRowId={(u) => u.id}
      rowClassName={(u) => (u.active ? undefined : "text-slate-500 [&_td]:text-slate-500")}
    />
  );
}

function UserActions({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  return (
    <div className="-my-1.5 flex items-center justify-end gap-0.5 whitespace-nowrap">
      <EditRolesDialog user={user} />
      <ResetPasswordDialog user={user} />
      {user.active ? (
        isSelf ? (
          <span className="size-8" title="You cannot deactivate your own account" />
        ) : (
          <ConfirmDialog
            trigger={
              <Button
                variant="ghost"
                size="icon"
                className="text-red-700 hover:bg-red-50 hover:text-red-800"
                aria-label={`Deactivate ${user.name}`}
                title="Deactivate"
                data-testid="deactivate-user"
              >
                <UserX aria-hidden="true" />
              </Button>
            }
            title={`Deactivate ${user.name}?`}
            consequence={`${user.name} will be signed out and cannot sign in until reactivated. Their roles are kept.`}
            confirmLabel="Deactivate"
            action={setUserActiveAction}
            fields={{ userId: user.id, active: "false" }}
          />
        )
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="icon" className="text-emerald-700 hover:bg-emerald-50" aria-label={`Reactivate ${user.name}`} title="Reactivate" data-testid="reactivate-user">
              <UserCheck aria-hidden="true" />
            </Button>
          }
          title={`Reactivate ${user.name}?`}
          consequence={`${user.name} will be able to sign in again, with the roles they had: ${user.roles.map((r) => ROLE_LABELS[r] ?? r).join(", ") || "none"}.`}
          confirmLabel="Reactivate"
          confirmVariant="primary"
          action={setUserActiveAction}
          fields={{ userId: user.id, active: "true" }}
        />
      )}
    </div>
  );
}
