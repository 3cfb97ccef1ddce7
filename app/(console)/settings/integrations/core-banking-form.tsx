"use client";

import { CircleCheck, CircleX, PlugZap, Save } from "lucide-react";
import { startTransition, useRef, useState, type FormEvent } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { saveCoreBankingAction, testCoreBankingAction } from "./actions";
import type { ProbeResult } from "./probe";

/**
 * The hook's URL and timeout. "Save" stores them; "Test connection" calls GET <url>/health from the
 * server with the values in the form, saved or not, so a new URL can be tried before it is used.
 */
export function CoreBankingForm({ url, timeoutMs }: { url: string; timeoutMs: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [last, setLast] = useState<"save" | "test" | null>(null);
  const [saveState, saveAction, saving] = useFormAction(saveCoreBankingAction);
  const [testState, testAction, testing] = useFormAction<ProbeResult>(testCoreBankingAction);

  // Submitted by hand rather than through <form action>, so that React does not reset the fields.
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setLast("save");
    const data = new FormData(event.currentTarget);
    startTransition(() => saveAction(data));
  };
  const test = () => {
    if (!formRef.current) return;
    setLast("test");
    const data = new FormData(formRef.current);
    startTransition(() => testAction(data));
  };

  const state = last === "test" ? testState : saveState;
  const errors = last && !state.success ? state.errors : undefined;
  const probe = last === "test" && testState.success ? testState.data : undefined;
  return (
    <form ref={formRef} onSubmit={save} noValidate className="flex flex-col gap-4" aria-label="Core-banking credit hook">
      <FormMessage message={last && !state.success && !errors ? state.message : undefined} />
      <FormField label="Hook URL" hint="The base URL of the bank’s credit hook; the worker posts to /credits under it and the test calls /health." error={errors?.url}>
        <Input name="url" type="url" inputMode="url" autoComplete="off" spellCheck={false} defaultValue={url} placeholder="https://corebank.example/coalition" className="font-mono text-[13px]" />
      </FormField>
      <FormField label="Timeout (ms)" hint="How long each call waits for the bank before it counts as failed and is retried: 1,000–60,000 ms." error={errors?.timeoutMs}>
        <Input name="timeoutMs" inputMode="numeric" autoComplete="off" defaultValue={timeoutMs} className="w-40 tabular-nums" />
      </FormField>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={saving} disabled={testing} data-testid="save-integrations">
          {!saving && <Save aria-hidden="true" />}
          Save
        </Button>
        <Button variant="secondary" onClick={test} loading={testing} disabled={saving} data-testid="test-connection">
          {!testing && <PlugZap aria-hidden="true" />}
          Test connection
        </Button>
      </div>
      <div aria-live="polite">
        {testing && <p className="text-[13px] text-slate-600">Calling the hook…</p>}
        {!testing && probe && <ProbeAnswer result={probe} />}
      </div>
    </form>
  );
}

function ProbeAnswer({ result }: { result: ProbeResult }) {
  const Icon = result.ok ? CircleCheck : CircleX;
  return (
    <div
      className={
        result.ok
          ? "flex gap-2 rounded-md bg-emerald-50 px-3 py-2 text-[13px] text-emerald-900 ring-1 ring-emerald-200 ring-inset"
          : "flex gap-2 rounded-md bg-red-50 px-3 py-2 text-[13px] text-red-900 ring-1 ring-red-200 ring-inset"
      }
      data-testid="connection-result"
    >
      <Icon className={result.ok ? "mt-0.5 size-4 shrink-0 text-emerald-600" : "mt-0.5 size-4 shrink-0 text-red-600"} aria-hidden="true" />
      <div className="min-w-0">
        <p>
          <strong className="font-semibold">{result.ok ? "Connection OK." : "Connection failed."}</strong> {result.message}
        </p>
        <p className="mt-0.5 text-xs break-all opacity-80">
          GET <span className="font-mono">{result.target}</span>
        </p>
      </div>
    </div>
  );
}
