import { formatPoints } from "@/components/programs/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { blockUsageSeries } from "@/lib/reports/offers/compute";
import type { BlockUsage } from "@/lib/reports/partners/queries";
import type { ReportRange } from "@/lib/reports/range";

/** Each of a partner's blocks over the period: given, given back, used and left at its end. */
export function BlockTable({ blocks, range }: { blocks: BlockUsage[]; range: ReportRange }) {
  const cell = "px-3 py-2 text-right whitespace-nowrap tabular-nums";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Blocks</CardTitle>
        <CardDescription>
          Each block from {range.from} to {range.to}: points it gave, points given back (failed or refunded awards), and what it had used and left at the end.
        </CardDescription>
      </CardHeader>
      <div className="overflow-x-auto px-5 pb-5">
        <table className="w-full text-[13px]">
          <caption className="sr-only">Point blocks over the period</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              {["Block", "Points", "Given", "Given back", "Used at end", "Left at end"].map((h, i) => (
                <th key={h} scope="col" className={i === 0 ? "px-3 py-2 text-left font-medium" : "px-3 py-2 text-right font-medium"}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 text-slate-900">
            {blocks.map((b) => {
              const series = blockUsageSeries(b, b.usedBefore, b.days, range);
              const given = series.reduce((s, x) => s + x.debited, 0);
              const back = series.reduce((s, x) => s + x.returned, 0);
              const last = series.at(-1);
              return (
                <tr key={b.id}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="font-medium">{b.reference}</span>{" "}
                    <Badge tone={b.kind === "reserve" ? "warning" : "neutral"}>{b.kind === "reserve" ? "Reserve" : "Prepaid"}</Badge>{" "}
                    {b.status !== "active" && <Badge tone="neutral">{b.status}</Badge>}
                    <div className="text-xs text-slate-500">
                      recorded <DateTime value={b.createdAt} format="date" />
                    </div>
                  </th>
                  <td className={cell}>{formatPoints(b.points)}</td>
                  <td className={cell}>{formatPoints(given)}</td>
                  <td className={cell}>{formatPoints(back)}</td>
                  <td className={cell}>{formatPoints(last?.used ?? b.usedBefore)}</td>
                  <td className={`${cell} font-medium`}>{formatPoints(last?.remaining ?? b.points - b.usedBefore)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
