import { ArrowLeft, Ticket } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { formatPoints } from "@/components/programs/format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { poolStock } from "@/components/vouchers/stock";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listVoucherPools } from "@/lib/vouchers";
import { NewPoolDialog } from "./new-pool-dialog";
import { PoolsTable, type PoolRow } from "./pools-table";

export const metadata: Metadata = { title: "Voucher pools" };

export default async function VoucherPoolsPage() {
  const user = await requirePagePermission("offers:read");
  const canWrite = can(user.roles, "offers:write");
  const pools = await listVoucherPools(getDb());
  const rows: PoolRow[] = pools.map((p) => ({ id: p.id, name: p.name, description: p.description, total: p.total, issued: p.issued, left: p.left, createdAt: p.createdAt }));
  const attention = pools.filter((p) => poolStock(p).tone !== "success").length;
  const left = pools.reduce((sum, p) => sum + p.left, 0);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/offers" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Offers
        </Link>
        <PageHeader
          title="Voucher pools"
          description={
            pools.length === 0
              ? "The codes voucher offers give out, one code per award: uploaded from the partner’s file or generated here."
              : `The codes voucher offers give out, one code per award. ${formatPoints(left)} ${left === 1 ? "code" : "codes"} left in ${pools.length} ${pools.length === 1 ? "pool" : "pools"}${attention > 0 ? `; ${attention} ${attention === 1 ? "needs" : "need"} codes soon` : ""}.`
          }
          actions={canWrite && pools.length > 0 ? <NewPoolDialog /> : undefined}
        />
      </div>
      <PoolsTable
        rows={rows}
        canWrite={canWrite}
        empty={
          <EmptyState icon={Ticket} title="No voucher pools yet" action={canWrite ? <NewPoolDialog /> : undefined}>
            {canWrite
              ? "Create a pool, then upload the partner’s codes or generate codes. A voucher offer gives out one code from its pool per award."
              : "A programme manager creates pools of codes for voucher offers."}
          </EmptyState>
        }
      />
    </div>
  );
}
