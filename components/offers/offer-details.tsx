import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { budgetText, OUTCOME_LABELS } from "./status";

export type OfferDetailsValues = {
  programme: { id: string; name: string; code: string; timeZone: string };
  outcomeType: string | null;
  outcomeCurrency: string | null;
  validFrom: string | null;
  validUntil: string | null;
  funding: string | null;
  budget: number | null;
  budgetUsed: number;
  live: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** An offer's start or end as the wall-clock time in its programme's time zone, where its validity is defined. */
function inZone(iso: string | null, timeZone: string): React.ReactNode {
  if (!iso || !Number.isFinite(Date.parse(iso))) return <span className="text-slate-500">Not set</span>;
  const text = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
  return (
    <time dateTime={iso} title={iso}>
      {text} <span className="text-xs text-slate-500">{timeZone}</span>
    </time>
  );
}

/** The facts of an offer at a glance: programme, outcome, validity, funding, budget used. */
export function OfferDetails({ offer: o }: { offer: OfferDetailsValues }) {
  const share = o.budget ? Math.min(100, Math.round((o.budgetUsed / o.budget) * 100)) : null;
  const items: { term: string; value: React.ReactNode }[] = [
    {
      term: "Programme",
      value: (
        <Link href={`/programs/${o.programme.id}`} className="text-indigo-700 hover:underline">
          {o.programme.name} <span className="font-mono text-xs text-slate-500">{o.programme.code}</span>
        </Link>
      ),
    },
    { term: "Outcome", value: o.outcomeType ? `${OUTCOME_LABELS[o.outcomeType] ?? o.outcomeType}${o.outcomeCurrency ? ` in ${o.outcomeCurrency}` : ""}` : "Not chosen yet" },
    { term: "Funded by", value: o.funding ?? "Not chosen yet" },
    { term: "Starts", value: inZone(o.validFrom, o.programme.timeZone) },
    { term: "Ends", value: o.validUntil ? inZone(o.validUntil, o.programme.timeZone) : "No end date" },
    {
      term: "Budget used",
      value: o.live ? (
        <div className="flex flex-col gap-1" data-testid="offer-budget">
          <span>{budgetText(o)}</span>
          {share !== null && (
            <div className="h-1.5 w-full max-w-48 overflow-hidden rounded-full bg-slate-100" role="img" aria-label={`${share} % of the budget used`}>
              <div className={share >= 90 ? "h-full bg-amber-500" : "h-full bg-indigo-500"} style={{ width: `${share}%` }} />
            </div>
          )}
        </div>
      ) : (
        "Counts from approval"
      ),
    },
    {
      term: "Created · last changed",
      value: (
        <>
          <DateTime value={o.createdAt} format="date" /> · <DateTime value={o.updatedAt} />
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
        <dl className="grid gap-x-8 gap-y-3 text-[13px] sm:grid-cols-2">
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
