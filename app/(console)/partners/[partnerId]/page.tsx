import type { Metadata } from "next";
import { getDb } from "@/db";
import { BlocksSummary } from "@/components/partners/blocks-summary";
import type { PartnerFormValues } from "@/components/partners/form-values";
import { PartnerForm } from "@/components/partners/partner-form";
import { RecordBlockDialog } from "@/components/partners/record-block-dialog";
import { TestConnection } from "@/components/partners/test-connection";
import { trimDecimal } from "@/components/programs/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import type { PartnerView } from "@/lib/partners";
import { partnerBlockSummary, partnerChoices } from "@/lib/partners/queries";
import { listPrograms } from "@/lib/programs";
import { updatePartnerAction } from "../actions";
import { loadPartner } from "./load-partner";

type Params = Promise<{ partnerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("partners:read");
  return { title: (await loadPartner((await params).partnerId)).name };
}

const text = (v: string | number | null) => (v === null ? "" : String(v));

function formValues(p: PartnerView): PartnerFormValues {
  return {
    code: p.code,
    name: p.name,
    type: p.type,
    status: p.status,
    currencyCode: p.currencyCode,
    currencyName: p.currencyName,
    conversionRate: trimDecimal(p.conversionRate),
    apiBaseUrl: text(p.apiBaseUrl),
    apiTimeoutMs: String(p.apiTimeoutMs),
    hostProgramId: p.hostProgramId,
    fundingMode: p.fundingMode,
    debitRate: trimDecimal(p.debitRate),
    billingCycle: text(p.billingCycle),
    pricePerPoint: p.pricePerPoint ? trimDecimal(p.pricePerPoint) : "",
    billingCurrency: text(p.billingCurrency),
    autoBlockThreshold: text(p.autoBlockThreshold),
    autoBlockPoints: text(p.autoBlockPoints),
    autoBlockPrice: text(p.autoBlockPrice),
    autoApprove: p.autoApprove,
  };
}

/** A partner's setup: its blocks at a glance (prepaid), the connection test, and every field of its setup. */
export default async function PartnerPage({ params }: { params: Params }) {
  const user = await requirePagePermission("partners:read");
  const partner = await loadPartner((await params).partnerId);
  const db = getDb();
  const canWrite = can(user.roles, "partners:write");
  const canRecord = can(user.roles, "point_blocks:write") && partner.status === "active";
  const prepaid = partner.fundingMode === "prepaid";
  const [programmes, summary, choices] = await Promise.all([
    listPrograms(db),
    prepaid ? partnerBlockSummary(db, partner.id) : Promise.resolve(null),
    canRecord && prepaid ? partnerChoices(db) : Promise.resolve([]),
  ]);
  const self = choices.filter((c) => c.id === partner.id);

  return (
    <div className="flex flex-col gap-6">
      {summary && (
        <BlocksSummary partnerId={partner.id} summary={summary} action={canRecord ? <RecordBlockDialog partners={self} fixedPartnerId={partner.id} /> : undefined} />
      )}
      <Card>
        <CardHeader>
          <CardTitle className="text-sm">Crediting API connection</CardTitle>
          <CardDescription>{partner.apiBaseUrl ? <code className="font-mono text-xs">{partner.apiBaseUrl}</code> : "No crediting API is set up for this partner."}</CardDescription>
        </CardHeader>
        <CardContent>{canWrite ? <TestConnection partnerId={partner.id} configured={Boolean(partner.apiBaseUrl)} /> : <p className="text-[13px] text-slate-500">A partner manager can test the connection.</p>}</CardContent>
      </Card>
      <section aria-labelledby="setup-heading" className="flex flex-col gap-3">
        <h2 id="setup-heading" className="text-base font-semibold text-slate-900">
          Setup
        </h2>
        <PartnerForm
          action={updatePartnerAction}
          partnerId={partner.id}
          initial={formValues(partner)}
          programmes={programmes.map((p) => ({ id: p.id, name: p.name, code: p.code }))}
          hasApiSecret={partner.hasApiSecret}
          submitLabel="Save partner"
          readOnly={!canWrite}
        />
      </section>
    </div>
  );
}
