import { StatusBadge, type BadgeTone } from "@/components/ui/badge";

/** Below this share of codes left, a pool is running low. */
export const LOW_STOCK_SHARE = 0.1;

/**
 * How a pool's stock stands: no codes yet, run out (every code given out: voucher awards now fail),
 * running low (under 10 % left) or in stock.
 */
export function poolStock(pool: { total: number; left: number }): { label: string; tone: BadgeTone; note: string | null } {
  if (pool.total === 0) return { label: "No codes yet", tone: "danger", note: "Voucher awards from it fail until codes are added." };
  if (pool.left === 0) return { label: "Run out", tone: "danger", note: "Voucher awards from it fail until codes are added." };
  if (pool.left < pool.total * LOW_STOCK_SHARE) return { label: "Running low", tone: "warning", note: "Under 10 % of its codes are left." };
  return { label: "In stock", tone: "success", note: null };
}

/** The stock badge, with what it means for awards when the pool cannot give out codes. */
export function PoolStockBadge({ pool }: { pool: { total: number; left: number } }) {
  const { label, tone, note } = poolStock(pool);
  return (
    <div className="flex max-w-[220px] flex-col items-start gap-0.5 leading-tight" data-testid="pool-stock">
      <StatusBadge tone={tone}>{label}</StatusBadge>
      {note && <span className="text-xs text-slate-500">{note}</span>}
    </div>
  );
}
