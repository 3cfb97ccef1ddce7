"use client";

import { CircleCheck, CircleSlash } from "lucide-react";
import { useId, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { OfferDefinition } from "@/lib/engine";
import { MoneyInput } from "../fields";
import { earnedText, runSample, type SampleFields } from "../preview";
import { partnerConversion, type WizardPartner, type WizardProgramme } from "../types";

/**
 * "Try it": an example purchase (or event) run through previewOffer as the reviewer types. Nothing is
 * saved; the member is assumed to meet the offer's member conditions, with no earlier usage.
 */
export function PreviewPanel({ definition, programme, partners }: { definition: OfferDefinition; programme: WizardProgramme; partners: readonly WizardPartner[] }) {
  const [nowMs] = useState(() => Date.now());
  const [sample, setSample] = useState<SampleFields>({ amount: "1,000.00", merchant: "", country: programme.homeCountry, channel: "", mcc: "" });
  const headingId = useId();
  const event = definition.trigger.kind === "event";
  const currency = definition.filters?.currency ?? programme.currency;
  const run = runSample(definition, sample, programme, nowMs, partnerConversion(partners, definition.outcome.type === "partner_points" ? definition.outcome.partnerId : undefined));
  const set = (field: keyof SampleFields) => (e: React.ChangeEvent<HTMLInputElement>) => setSample((s) => ({ ...s, [field]: e.target.value }));
  const when = (at: Date) =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: programme.timeZone }).format(at);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-4">
      <div>
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Try it
        </h3>
        <p className="mt-0.5 text-[13px] text-slate-600">
          {event ? "An example event" : "An example purchase"}, evaluated by the same engine that will earn for real. The member is assumed to meet the member
          filters, with no earlier awards.
          {definition.target.kind === "milestone" && " Its tracker starts empty, so the example earns only when this one amount reaches the milestone."}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={event ? "Event amount (optional)" : "Amount"}>
          <MoneyInput currency={currency} value={sample.amount} onChange={set("amount")} data-testid="preview-amount" />
        </FormField>
        {!event && (
          <>
            <FormField label="Merchant">
              <Input value={sample.merchant} onChange={set("merchant")} placeholder="Merchant id or name" autoComplete="off" />
            </FormField>
            <FormField label={`Country (home: ${programme.homeCountry})`}>
              <Input value={sample.country} onChange={set("country")} maxLength={2} autoComplete="off" />
            </FormField>
            <FormField label="Channel">
              <Input value={sample.channel} onChange={set("channel")} placeholder="pos" autoComplete="off" />
            </FormField>
            <FormField label="MCC">
              <Input value={sample.mcc} onChange={set("mcc")} placeholder="5812" inputMode="numeric" maxLength={4} autoComplete="off" />
            </FormField>
          </>
        )}
      </div>
      <div aria-live="polite" className="rounded-md border border-slate-200 bg-white p-3" data-testid="preview-result">
        {"problem" in run ? (
          <p className="text-[13px] text-red-700">{run.problem}</p>
        ) : (
          <>
            <p className="text-xs text-slate-500">
              {event ? "An event" : `A purchase of ${run.amountText}`} on {when(run.at)} ({programme.timeZone})
            </p>
            {run.result.earns ? (
              <p className="mt-1 flex items-center gap-1.5 text-sm font-semibold text-emerald-700">
                <CircleCheck className="size-4" aria-hidden="true" />
                Earns {earnedText(run.result)}
              </p>
            ) : (
              <p className="mt-1 flex items-center gap-1.5 text-sm font-semibold text-amber-800">
                <CircleSlash className="size-4" aria-hidden="true" />
                Earns nothing
              </p>
            )}
            <p className="mt-2 text-xs font-medium text-slate-600">{run.result.earns ? "How" : "Why"}</p>
            <ul className="mt-0.5 flex list-disc flex-col gap-0.5 pl-5 text-[13px] text-slate-800">
              {run.result.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            {run.result.outcome && (
              <p className="mt-2 text-[13px] text-slate-600">
                Statement: <span className="text-slate-900">“{run.result.outcome.narration}”</span>
                {run.result.outcome.posting.method === "claim" ? ` · the member claims it within ${run.result.outcome.posting.claimWindowDays} days` : " · posted automatically"}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
