"use client";

import { History } from "lucide-react";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatOutcomeValue, OUTCOME_TYPE_LABELS, stateOf, transitionText } from "./fulfilment-format";
import type { FulfilmentRow } from "./fulfilments-table";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="mt-0.5 break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** The history of one fulfilment: every state change with its reason, who made it and when, and why it was awarded. */
export function FulfilmentHistoryDialog({ fulfilment: f }: { fulfilment: FulfilmentRow }) {
  const value = formatOutcomeValue(f.outcomeType, f.value, f.currency, f.partnerCurrency);
  const type = OUTCOME_TYPE_LABELS[f.outcomeType] ?? f.outcomeType;
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="-my-1" aria-label={`History of ${type.toLowerCase()}: ${value}`} data-testid="fulfilment-history">
          <History aria-hidden="true" />
          History
        </Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>
            {type}: {value}
          </DialogTitle>
          <DialogDescription>{f.narration}</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <dl className="grid gap-x-6 gap-y-3 text-[13px] sm:grid-cols-2">
            <Fact term="State">
              <StatusBadge tone={stateOf(f.state).tone}>{stateOf(f.state).label}</StatusBadge>
            </Fact>
            <Fact term="Reversed">{f.reversedValue > 0 ? formatOutcomeValue(f.outcomeType, f.reversedValue, f.currency, f.partnerCurrency) : "Nothing"}</Fact>
            <Fact term="Posting">{f.postingMethod === "claim" ? "When the member claims it" : "Automatic"}</Fact>
            <Fact term="Earned by">{f.transactionId ? "A transaction" : f.eventId ? "A member activity event" : "—"}</Fact>
            <Fact term="Fulfilment id">
              <span className="font-mono text-xs">{f.id}</span>
            </Fact>
            <Fact term={f.transactionId ? "Transaction id" : "Event id"}>
              <span className="font-mono text-xs">{f.transactionId ?? f.eventId ?? "—"}</span>
            </Fact>
            {f.externalReference && (
              <Fact term="Delivery reference">
                <span className="font-mono text-xs">{f.externalReference}</span>
              </Fact>
            )}
          </dl>

          <section aria-labelledby={`history-${f.id}`} className="flex flex-col gap-2">
            <h3 id={`history-${f.id}`} className="text-[13px] font-semibold text-slate-900">
              History
            </h3>
            {f.history.length === 0 ? (
              <p className="text-[13px] text-slate-500">No state changes were recorded.</p>
            ) : (
              <ol className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 text-[13px]" data-testid="fulfilment-events">
                {f.history.map((e) => (
                  <li key={e.id} className="grid gap-1 px-3 py-2 sm:grid-cols-[1fr_auto] sm:gap-4">
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">{transitionText(e.fromState, e.toState)}</p>
                      {e.reason && <p className="text-slate-700">{e.reason}</p>}
                      <p className="text-xs text-slate-500">by {e.actorLabel}</p>
                    </div>
                    <div className="text-xs text-slate-600 sm:text-right">
                      <DateTime value={e.at} withSeconds />
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>

          {f.explanation.length > 0 && (
            <section aria-labelledby={`why-${f.id}`} className="flex flex-col gap-2">
              <h3 id={`why-${f.id}`} className="text-[13px] font-semibold text-slate-900">
                Why it was awarded
              </h3>
              <ul className="list-disc pl-5 text-[13px] text-slate-700">
                {f.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </section>
          )}
        </DialogBody>
      </DialogContent>
    </Dialog>
  );
}
