"use client";

import { CircleCheck, CircleX, PlugZap } from "lucide-react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { testPartnerConnectionAction } from "@/app/(console)/partners/actions";

type Result = { ok: true; latencyMs: number; detail: string } | { ok: false; reason: string };

/** "Test connection": calls the partner's API with the saved settings and shows the latency or why it failed. */
export function TestConnection({ partnerId, configured }: { partnerId: string; configured: boolean }) {
  const [state, formAction, pending] = useFormAction<Result>(testPartnerConnectionAction);
  const result = state.success ? state.data : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="partnerId" value={partnerId} />
      <Button type="submit" variant="secondary" loading={pending} disabled={!configured} data-testid="test-connection" aria-describedby="connection-result">
        <PlugZap aria-hidden="true" />
        Test connection
      </Button>
      <p id="connection-result" role="status" aria-live="polite" className="text-[13px]" data-testid="connection-result">
        {!configured ? (
          <span className="text-slate-500">Save a base URL first.</span>
        ) : pending ? (
          <span className="text-slate-500">Calling the partner…</span>
        ) : result?.ok ? (
          <span className="inline-flex items-center gap-1.5 text-emerald-700">
            <CircleCheck className="size-4" aria-hidden="true" /> Connected in {result.latencyMs.toLocaleString("en-GB")} ms{result.detail ? ` · ${result.detail}` : ""}
          </span>
        ) : result && !result.ok ? (
          <span className="inline-flex items-center gap-1.5 text-red-700">
            <CircleX className="size-4" aria-hidden="true" /> Could not connect: {result.reason}
          </span>
        ) : !state.success && state.message ? (
          <span className="text-red-700">{state.message}</span>
        ) : (
          <span className="text-slate-500">Uses the saved URL, secret and timeout.</span>
        )}
      </p>
    </form>
  );
}
