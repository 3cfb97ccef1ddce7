import type { Metadata } from "next";
import { getDb } from "@/db";
import { SettingSource } from "@/components/settings/setting-source";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { MAX_ATTEMPTS } from "@/lib/outbox/dispatch";
import { CoreBankingForm } from "./core-banking-form";
import { loadCoreBankingSettings } from "./load-settings";

export const metadata: Metadata = { title: "Integrations" };

const ms = (value: string) => (/^\d+$/.test(value) ? `${Number(value).toLocaleString("en-GB")} ms` : value);

/**
 * How Coalition reaches the bank's systems. Readable with settings:read (admins and auditors), changed
 * and tested with settings:write (admins).
 */
export default async function IntegrationsPage() {
  const user = await requirePagePermission("settings:read");
  const canWrite = can(user.roles, "settings:write");
  const { url, timeout } = await loadCoreBankingSettings(getDb());

  return (
    <section aria-labelledby="integrations-heading" className="flex flex-col gap-4">
      <PageHeader level={2} title={<span id="integrations-heading">Integrations</span>} description="The systems Coalition calls out to. Calls never happen inside a request: the worker makes them, with retries." />
      <Card className="max-w-3xl">
        <CardHeader>
          <CardTitle>Core-banking credit hook</CardTitle>
          <CardDescription>
            Cashback is delivered by the worker through this hook: a signed POST with an idempotency key, retried with backoff up to {MAX_ATTEMPTS} attempts, so a slow or failing bank never loses or doubles a credit.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <dl className="grid gap-x-6 gap-y-3 rounded-md border border-slate-200 bg-slate-50/60 px-4 py-3 text-[13px] sm:grid-cols-[8rem_1fr]" data-testid="settings-in-use">
            <dt className="text-slate-500">URL in use</dt>
            <dd className="flex min-w-0 flex-col gap-1">
              {url.value ? <span className="font-mono break-all text-slate-900">{url.value}</span> : <span className="text-slate-500">None: cashback stays pending until a hook is set.</span>}
              <SettingSource setting={url} />
            </dd>
            <dt className="text-slate-500">Timeout in use</dt>
            <dd className="flex flex-col gap-1">
              <span className="text-slate-900 tabular-nums">{timeout.value ? ms(timeout.value) : "—"}</span>
              <SettingSource setting={timeout} format={ms} />
            </dd>
          </dl>
          {canWrite ? (
            <CoreBankingForm url={url.value ?? ""} timeoutMs={timeout.value ?? ""} />
          ) : (
            <p className="text-[13px] text-slate-600">Only an administrator can change or test these settings.</p>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
