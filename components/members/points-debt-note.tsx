import { CircleAlert } from "lucide-react";
import { formatPoints } from "@/components/programs/format";

/**
 * A member's points debt per programme: points taken back by a refund after the member had spent
 * them. Later earnings in that programme repay it before they reach the balance. Nothing when none.
 */
export function PointsDebtNote({ debts }: { debts: readonly { programCode: string; programName: string; debt: number }[] }) {
  if (debts.length === 0) return null;
  return (
    <div className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-[13px] text-amber-900 ring-1 ring-amber-200 ring-inset" role="note" data-testid="points-debt">
      <CircleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden="true" />
      <ul className="flex flex-col gap-0.5">
        {debts.map((d) => (
          <li key={d.programCode}>
            <strong className="font-semibold">
              Points debt: {formatPoints(d.debt)}
            </strong>{" "}
            in {d.programName} <span className="font-mono text-xs">{d.programCode}</span> (repaid first from new earnings)
          </li>
        ))}
      </ul>
    </div>
  );
}
