import { ArrowLeft, ChartColumn, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { FUNDING_LABELS, PARTNER_STATUS, PARTNER_TYPE_LABELS } from "@/components/partners/labels";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { TabsNav } from "@/components/ui/tabs-nav";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { loadPartner } from "./load-partner";

/** A partner's header and its tabs: setup, API keys, and billing for a post-paid partner. */
export default async function PartnerLayout({ children, params }: { children: ReactNode; params: Promise<{ partnerId: string }> }) {
  const user = await requirePagePermission("partners:read");
  const partner = await loadPartner((await params).partnerId);
  const base = `/partners/${partner.id}`;
  const status = PARTNER_STATUS[partner.status] ?? { label: partner.status, tone: "neutral" as const };
  const tabs = [
    { label: "Setup", href: base },
    { label: "API keys", href: `${base}/keys` },
    ...(partner.fundingMode === "postpaid" ? [{ label: "Billing", href: `${base}/billing` }] : []),
  ];
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3">
        <Link href="/partners" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Partners
        </Link>
        <PageHeader
          title={
            <span className="flex flex-wrap items-center gap-2">
              {partner.name}
              <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
              {partner.topUpRequiredAt && (
                <Badge tone="danger" data-testid="top-up-required">
                  <TriangleAlert className="size-3" aria-hidden="true" /> Top-up required since <DateTime value={partner.topUpRequiredAt} format="date" />
                </Badge>
              )}
            </span>
          }
          description={`${partner.code} · ${PARTNER_TYPE_LABELS[partner.type] ?? partner.type} · ${partner.currencyName} (${partner.currencyCode}) · ${FUNDING_LABELS[partner.fundingMode] ?? partner.fundingMode}`}
          actions={
            can(user.roles, "reports:read") ? (
              <Link href={`/reports/partners/${partner.id}`} className={buttonVariants({ variant: "ghost" })} data-testid="partner-performance">
                <ChartColumn aria-hidden="true" /> Performance
              </Link>
            ) : undefined
          }
        />
      </div>
      <TabsNav label="Partner" tabs={tabs} />
      {children}
    </div>
  );
}
