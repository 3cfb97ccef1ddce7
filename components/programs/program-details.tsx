import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { formatPoints, pointValue } from "./format";

export type ProgramDetailsValues = {
  code: string;
  isDefault: boolean;
  pointsToCurrency: string;
  currency: string;
  timeZone: string;
  minRedemptionPoints: number;
  maxRedemptionPoints: number | null;
  redemptionMultipleOf: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A programme's settings, read-only. */
export function ProgramDetails({ program: p }: { program: ProgramDetailsValues }) {
  const items: { term: string; value: React.ReactNode }[] = [
    { term: "Code", value: <span className="font-mono">{p.code}</span> },
    { term: "Point value", value: pointValue(p.pointsToCurrency, p.currency) },
    { term: "Time zone", value: p.timeZone },
    {
      term: "Role",
      value: p.isDefault ? "Default (group) programme: group redemptions use its ratio and the rules chosen below" : "Programme (not the default)",
    },
    {
      term: "Redemption",
      value: (
        <>
          {formatPoints(p.minRedemptionPoints)} to {p.maxRedemptionPoints === null ? "any number of" : formatPoints(p.maxRedemptionPoints)} points
          {p.redemptionMultipleOf > 1 ? `, in multiples of ${formatPoints(p.redemptionMultipleOf)}` : ""}
        </>
      ),
    },
    {
      term: "Created · last changed",
      value: (
        <>
          <DateTime value={p.createdAt} format="date" /> · <DateTime value={p.updatedAt} />
        </>
      ),
    },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-8 gap-y-3 text-[13px] sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <div key={item.term}>
              <dt className="text-xs text-slate-500">{item.term}</dt>
              <dd className="mt-0.5 text-slate-900 tabular-nums">{item.value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
