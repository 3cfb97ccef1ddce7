"use client";

import type { ReactNode } from "react";
import { Badge, StatusBadge } from "@/components/ui/badge";
import type { FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { API_SCOPE_LABELS, isApiScope } from "@/lib/api-keys/scopes";
import { revokeApiKeyAction } from "./actions";

/** What the table shows of a key: never its secret or hash. */
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** `revoke` replaces the settings' revoke action, e.g. a partner's page revoking only that partner's keys (its fields go with it). */
export function ApiKeysTable({
  rows,
  canWrite,
  empty,
  footer,
  revoke = { action: revokeApiKeyAction, fields: {} },
}: {
  rows: ApiKeyRow[];
  canWrite: boolean;
  empty: ReactNode;
  footer?: ReactNode;
  revoke?: { action: FormAction<undefined>; fields: Record<string, string> };
}) {
  const columns: ColumnDef<ApiKeyRow, unknown>[] = [
    { id: "name", header: "Name", cell: ({ row }) => <span className="font-medium text-slate-900">{row.original.name}</span> },
    {
      id: "key",
      header: "Key",
      cell: ({ row }) => <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-slate-700">ck_{row.original.prefix}_…</code>,
    },
    {
      id: "scopes",
      header: "Scopes",
      meta: { className: "max-w-[320px]" },
      cell: ({ row }) => (
        <ul className="flex flex-wrap gap-1" aria-label="Scopes">
          {row.original.scopes.map((scope) => (
            <li key={scope}>
              <Badge className="font-mono text-[11px]" title={isApiScope(scope) ? API_SCOPE_LABELS[scope] : undefined}>
                {scope}
              </Badge>
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: "created",
      header: "Created",
      cell: ({ row }) => (
        <div className="leading-tight">
          <div className="text-slate-800">{row.original.createdBy ?? <span className="text-slate-500">System</span>}</div>
          <div className="text-xs text-slate-500">
            <DateTime value={row.original.createdAt} format="date" />
          </div>
        </div>
      ),
    },
    {
      id: "lastUsed",
      header: "Last used",
      cell: ({ row }) => (row.original.lastUsedAt ? <DateTime value={row.original.lastUsedAt} format="relative" /> : <span className="text-slate-500">Never</span>),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? (
          <div className="flex flex-col items-start gap-0.5 leading-tight">
            <StatusBadge tone="danger">Revoked</StatusBadge>
            <span className="text-xs text-slate-500">
              <DateTime value={k.revokedAt} format="date" />
            </span>
          </div>
        ) : (
          <StatusBadge tone="success">Active</StatusBadge>
        ),
    },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { className: "w-px text-right" },
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? null : (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" className="-my-1 text-red-700 hover:bg-red-50 hover:text-red-800" aria-label={`Revoke ${k.name}`} data-testid="revoke-api-key">
                Revoke
              </Button>
            }
            title={`Revoke “${k.name}”?`}
            consequence={
              <>
                Systems using this key (<code className="font-mono">ck_{k.prefix}_…</code>) will get 401 Unauthorized at once. A revoked key cannot be restored; create a new key instead.
              </>
            }
            confirmLabel="Revoke key"
            action={revoke.action}
            fields={{ ...revoke.fields, apiKeyId: k.id }}
          />
        ),
    });
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="API keys"
      empty={empty}
      footer={footer}
      getRowId={(k) => k.id}
      rowClassName={(k) => (k.revokedAt ? "bg-slate-50/60 text-slate-500" : undefined)}
    />
  );
}
