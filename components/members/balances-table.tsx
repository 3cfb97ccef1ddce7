import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatPoints, sumBig } from "@/components/programs/format";

export type BalanceRow = {
  programId: string;
  programCode: string;
  programName: string;
  isDefault: boolean;
  tierName: string;
  current: number;
  pending: number;
  redeemed: number;
  expired: number;
  transferredIn: number;
  transferredOut: number;
  lifetime: number;
};

const AMOUNTS = [
  { key: "current", label: "Current" },
  { key: "pending", label: "Pending" },
  { key: "redeemed", label: "Redeemed" },
  { key: "expired", label: "Expired" },
  { key: "transferredIn", label: "Transferred in" },
  { key: "transferredOut", label: "Transferred out" },
  { key: "lifetime", label: "Lifetime" },
] as const;

const th = "px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600";
const td = "px-3 py-2.5 text-right text-slate-800";

/** The member's points per programme and the group total; programme names link when the reader may open programmes. */
export function BalancesTable({ rows, linkPrograms }: { rows: BalanceRow[]; linkPrograms: boolean }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-[13px] tabular-nums" data-testid="balances">
          <caption className="sr-only">Points per programme, with the group total</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className={th}>Programme</th>
              <th scope="col" className={th}>Tier</th>
              {AMOUNTS.map((a) => (
                <th key={a.key} scope="col" className={cn(th, "text-right")}>
                  {a.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.programId} className="hover:bg-slate-50/70">
                <th scope="row" className="px-3 py-2.5 font-normal whitespace-nowrap">
                  {linkPrograms ? (
                    <Link href={`/programs/${r.programId}`} className="font-medium text-indigo-700 hover:underline">
                      {r.programName}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{r.programName}</span>
                  )}{" "}
                  <span className="font-mono text-xs text-slate-500">{r.programCode}</span>
                  {r.isDefault && <span className="ml-1.5 text-xs text-indigo-700">· default</span>}
                </th>
                <td className="px-3 py-2.5 whitespace-nowrap text-slate-800">{r.tierName}</td>
                {AMOUNTS.map((a) => (
                  <td key={a.key} className={cn(td, a.key === "current" && "font-semibold text-slate-900", r[a.key] === 0 && "text-slate-400")}>
                    {formatPoints(r[a.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {rows.length > 0 && (
            <tfoot className="border-t border-slate-200 bg-slate-50/60 font-semibold text-slate-900">
              <tr data-testid="group-total">
                <th scope="row" colSpan={2} className="px-3 py-2.5 text-left">
                  Group total <span className="font-normal text-slate-500">({rows.length} {rows.length === 1 ? "programme" : "programmes"})</span>
                </th>
                {AMOUNTS.map((a) => (
                  <td key={a.key} className={cn(td, "text-slate-900")}>
                    {formatPoints(sumBig(rows.map((r) => r[a.key])))}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
